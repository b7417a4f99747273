/**
 * `astro build` as the build scripts start it (src/site/build-gates.ts): before ingest is done
 * (`npm run build` runs the two together), and, on a day's rebuild, while scripts/build-site.ts
 * reads what `dist/` holds. Astro must ask before it reads the papers and before it writes into
 * `dist/`, and go on when answered; and when ingest fails, the build stops it with `dist/` as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeListings } from '../../bench/generate-listings.ts';
import { createScratchProject } from '../../bench/scratch-project.ts';
import { root } from '../support/built-site.ts';
import { BUILD_GATES_ENV, GATES } from '../../src/site/build-gates.ts';

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

describe('astro build started by the build scripts', () => {
  let project: string;
  let env: NodeJS.ProcessEnv;
  const asked: string[] = [];
  let filesWhenAsked = -1;
  let lateSlugs: string[] = [];
  let stdout = '';
  let exitCode: number | null = null;

  const ingest = (listings: string) => execFileSync(process.execPath, ['scripts/ingest.ts', '--no-progress', listings], { cwd: project, env, stdio: 'ignore' });
  const papers = () => new Set(readdirSync(join(project, 'content/papers')).filter((n) => n.endsWith('.md')));

  beforeAll(async () => {
    project = join(mkdtempSync(join(tmpdir(), 'paper-digest-gate-')), 'project');
    createScratchProject(root, project);
    // Two days of one corpus: the first ingested before the build, the second only when Astro asks for the papers.
    const { listings } = generateCorpus(30, { seed: 3, perDay: 10 });
    writeListings(join(project, 'content/listings'), listings.slice(0, -1));
    writeListings(join(project, 'late'), listings.slice(-1));
    env = { ...process.env, OG_IMAGES: 'off', [BUILD_GATES_ENV]: '1' };
    for (const key of ['PAPERS_DIR', 'BASE_PATH', 'SITE_URL']) delete env[key];
    ingest('content/listings');
    const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: project, env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    astro.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
    astro.on('message', (message) => {
      asked.push(String(message));
      if (message === GATES.papers.ask) {
        // Ingest finishing while Astro waits, as `npm run build` runs them.
        const before = papers();
        ingest('late');
        lateSlugs = [...papers()].filter((n) => !before.has(n)).map((n) => n.slice(0, -3));
        astro.send(GATES.papers.ready);
      } else if (message === GATES.output.ask) {
        filesWhenAsked = filesIn(join(project, 'dist'));
        astro.send(GATES.output.answer);
      }
    });
    exitCode = await new Promise<number | null>((resolve) => astro.on('exit', resolve));
  }, 300_000);

  afterAll(() => {
    if (project) rmSync(join(project, '..'), { recursive: true, force: true });
  });

  it('asks for the papers first, then whether it may write, and builds the site once answered', () => {
    expect(asked).toEqual([GATES.papers.ask, GATES.output.ask]);
    expect(exitCode).toBe(0);
    expect(existsSync(join(project, 'dist/index.html'))).toBe(true);
  });

  it('reads the papers only once told they are ready: those written while it waited are built, related papers worked out ahead', () => {
    expect(lateSlugs.length).toBeGreaterThan(0);
    for (const slug of lateSlugs) expect(existsSync(join(project, 'dist/papers', slug, 'index.html')), slug).toBe(true);
    // The worker read the papers after the answer too: its related papers were for these very papers.
    expect(stdout).toContain('related papers: worked out ahead');
    const late = readFileSync(join(project, 'dist/papers', lateSlugs[0]!, 'index.html'), 'utf8');
    expect(late).toContain('<h1');
  });

  it('writes nothing into dist/ before it may', () => {
    expect(filesWhenAsked).toBe(0);
  });
});

/** Every file under `dir` with its inode and mtime: what a build that leaves it alone does not change. */
function fileStates(dir: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const s = statSync(join(e.parentPath, e.name));
    states.set(join(e.parentPath, e.name), `${s.ino}:${s.mtimeMs}`);
  }
  return states;
}

/** The processes whose working folder is `dir`. */
function runningIn(dir: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false;
      }
    });
}

describe('npm run build on a day whose ingest fails', () => {
  let project: string;
  let before: Map<string, string>;
  let run: { code: number; output: string };

  beforeAll(async () => {
    project = join(mkdtempSync(join(tmpdir(), 'paper-digest-gate-')), 'project');
    createScratchProject(root, project);
    writeListings(join(project, 'content/listings'), generateCorpus(30, { seed: 3, perDay: 10 }).listings);
    const env: NodeJS.ProcessEnv = { ...process.env, OG_IMAGES: 'off' };
    for (const key of ['PAPERS_DIR', 'BASE_PATH', 'SITE_URL', 'PARALLEL_BUILD']) delete env[key];
    const build = () =>
      promisify(execFile)(process.execPath, ['scripts/build.ts'], { cwd: project, env }).then(
        ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
      );
    expect((await build()).code).toBe(0);
    before = fileStates(join(project, 'dist'));
    // A folder where a paper file should be: ingest stops on it. On this day's rebuild (the last
    // build's search step held little) `astro build` starts at once, before ingest is done.
    mkdirSync(join(project, 'content/papers/a-folder.md'));
    run = await build();
  }, 300_000);

  afterAll(() => {
    if (project) rmSync(join(project, '..'), { recursive: true, force: true });
  });

  it('stops with the message of ingest, astro build stopped with it: nothing of the build still running', () => {
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/a-folder\.md: a folder, not a file/);
    expect(run.output).toMatch(/The build stopped: ingest exited with code 1; its message above says why/);
    expect(run.output).not.toMatch(/Syncing content|search index:/);
    expect(runningIn(project)).toEqual([]);
  });

  it('leaves dist/ as it was: every file there untouched', () => {
    expect(fileStates(join(project, 'dist'))).toEqual(before);
  });
});
