/**
 * The ingest CLI as a maintainer runs it (`npx node scripts/ingest.ts …`, with the pinned Node),
 * for integration tests: a real process on real files, its exit code and everything it printed.
 */
import { execFile, type ExecFileOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixtures = join(root, 'tests/fixtures/listings');

export interface Run {
  /** The exit code; null when the process was killed (e.g. by the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node script of the project with the pinned Node; never rejects. */
export function runScript(script: string, args: string[], options: ExecFileOptions = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, script), ...args], { cwd: root, maxBuffer: 64 << 20, encoding: 'utf8', ...options }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: unknown }).code as number | undefined) ?? null : 0;
      resolve({ code: typeof code === 'number' ? code : null, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** `ingest --no-progress …args`; a run still going after `timeout` ms is killed (code null). */
export function ingest(args: string[], options: ExecFileOptions = {}): Promise<Run> {
  return runScript('scripts/ingest.ts', ['--no-progress', ...args], { timeout: 120_000, ...options });
}

export const scratch = (prefix = 'paper-digest-') => mkdtempSync(join(tmpdir(), prefix));
export const papersIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
export const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
export const frontmatter = (text: string) => YAML.parse(text.split('---\n')[1]!, { version: '1.1' });

/** A line of output that looks like a stack frame: expected failures must print none. */
export const STACK_FRAME = /^\s+at .*[(\s].*:\d+:\d+\)?$/m;
