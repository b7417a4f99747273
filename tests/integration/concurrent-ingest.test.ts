/**
 * Two real ingest processes on one papers folder never interleave. The first is frozen
 * (SIGSTOP) while it holds the lock, so the second is sure to meet it: the second says
 * it is waiting and runs only after the first has finished, or, given a short --wait,
 * gives up with exit code 2 having written nothing.
 */
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parsePaperFile } from '../../src/papers/file.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const listings = join(root, 'content/listings');
const work = mkdtempSync(join(tmpdir(), 'concurrent-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ingest {
  child: ChildProcess;
  /** Resolves when the process exits, with everything it printed. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once stderr has printed text matching the pattern. */
  stderrMatches: (pattern: RegExp) => Promise<void>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  // Never leave a frozen ingest behind, whatever the test did.
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startIngest(...args: string[]): Ingest {
  const child = spawn(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', ...args], { cwd: root });
  running.push(child);
  let stdout = '';
  let stderr = '';
  let closed = false;
  // Called on every change a waiter may be waiting for: more stderr, or the process gone.
  const waiters: Array<() => void> = [];
  const changed = () => {
    for (const w of waiters.splice(0)) w();
  };
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => {
    stderr += d;
    changed();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      closed = true;
      resolve({ code, stdout, stderr });
      changed();
    }),
  );
  const stderrMatches = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stderr)) resolve();
        else if (closed) reject(new Error(`ingest exited without printing ${pattern}: ${stderr}`));
        else waiters.push(check);
      };
      check();
    });
  return { child, done, stderrMatches };
}

/** Starts an ingest and freezes it as soon as it holds the lock on `papers`. */
async function startAndFreezeHolder(papers: string): Promise<Ingest> {
  // Watched before the ingest starts, so the lock's creation cannot be missed.
  const watcher = watch(dirname(papers));
  const first = startIngest('--papers-dir', papers, listings);
  const outcome = await new Promise<'locked' | 'exited'>((resolve) => {
    watcher.on('change', () => existsSync(`${papers}.lock`) && resolve('locked'));
    first.child.on('exit', () => resolve('exited'));
  }).finally(() => watcher.close());
  if (outcome === 'exited') throw new Error('the first ingest finished before it could be frozen');
  first.child.kill('SIGSTOP');
  expect(existsSync(`${papers}.lock`)).toBe(true);
  return first;
}

const papersIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('two ingests started at once', () => {
  it('the second waits, says so, and runs only after the first has finished', async () => {
    const papers = join(work, 'wait');
    const first = await startAndFreezeHolder(papers);
    const frozenAt = papersIn(papers);

    const second = startIngest('--papers-dir', papers, listings);
    await second.stderrMatches(/another ingest is writing .*wait \(lock .*wait\.lock\); waiting up to 60 s for it to finish/);
    expect(papersIn(papers)).toEqual(frozenAt);

    first.child.kill('SIGCONT');
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/566 new, 0 updated, 0 unchanged/);
    // Had it run alongside the first, the second would have created some of the papers itself.
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/0 new, 0 updated, 566 unchanged/);
    const names = papersIn(papers);
    expect(names).toHaveLength(566);
    for (const name of names) expect(() => parsePaperFile(readFileSync(join(papers, name), 'utf8')), name).not.toThrow();
    expect(existsSync(`${papers}.lock`)).toBe(false);
  });

  it('given a short --wait, the second gives up with a clear message and writes nothing', async () => {
    const papers = join(work, 'refuse');
    const first = await startAndFreezeHolder(papers);
    const frozenAt = papersIn(papers);

    const second = await startIngest('--wait', '1', '--papers-dir', papers, listings).done;
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/waiting up to 1 s/);
    expect(second.stderr).toMatch(/gave up: another ingest is still writing .*refuse \(lock .*refuse\.lock\)\. Nothing was written\./);
    expect(papersIn(papers)).toEqual(frozenAt);

    first.child.kill('SIGCONT');
    const a = await first.done;
    expect(a.code).toBe(0);
    expect(papersIn(papers)).toHaveLength(566);
  });
});
