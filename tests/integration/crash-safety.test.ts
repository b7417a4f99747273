/**
 * Killing ingest (SIGKILL: no handler runs) at random moments while it rewrites a real
 * collection: every paper file is left whole, as its old or its new version, and still
 * parses; nothing is left that the build would read; the next run takes over the dead
 * run's lock, clears its temp file and finishes the job exactly.
 */
import { fileURLToPath } from 'node:url';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaperFile } from '../../src/papers/file.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/ingest.ts');
const work = mkdtempSync(join(tmpdir(), 'crash-safety-'));
const listings = join(work, 'listings');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ingest = (papers: string) => promisify(execFile)(process.execPath, [script, '--no-progress', '--papers-dir', papers, listings], { cwd: root, maxBuffer: 64 << 20 });

/** Every file in a folder, by name. */
function contents(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/**
 * Starts ingest and SIGKILLs it once the papers folder has seen `events` file system
 * events (each paper write creates, fills and renames a temp file), or after `delayMs`.
 */
function killMidRun(papers: string, kill: { events: number } | { delayMs: number }): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, '--no-progress', '--papers-dir', papers, listings], { cwd: root, stdio: 'ignore' });
    let seen = 0;
    const watcher = watch(papers, () => {
      if ('events' in kill && ++seen >= kill.events) child.kill('SIGKILL');
    });
    if ('delayMs' in kill) setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
    child.on('exit', (code, signal) => {
      watcher.close();
      resolve(signal ?? `exit ${code}`);
    });
  });
}

describe('ingest killed at random moments', () => {
  const papers = join(work, 'papers');
  let before: Map<string, string>;
  let after: Map<string, string>;

  beforeAll(async () => {
    // The bundled collection, and listings that update the papers of four of its captures
    // (a later capture of the same page) and add 200 new papers.
    cpSync(join(root, 'content/papers'), papers, { recursive: true });
    cpSync(join(root, 'content/listings'), listings, { recursive: true });
    const recaptured = readdirSync(join(root, 'content/listings')).filter((n) => !n.includes('-002_'));
    for (const [i, name] of recaptured.entries()) cpSync(join(root, 'content/listings', name), join(listings, `2026-02-0${i + 1}-again.txt`));
    const fresh = Array.from({ length: 200 }, (_, i) => `A Freshly Captured Paper Number ${i}\n\nIts abstract, number ${i}.\n\n  • 2 authors\n·\nFeb 9, 2026 ${i}\n`);
    writeFileSync(join(listings, '2026-02-09-new.txt'), `Feb 9\n\n${fresh.join('\n')}`);

    before = contents(papers);
    const reference = join(work, 'reference');
    cpSync(papers, reference, { recursive: true });
    await ingest(reference);
    after = contents(reference);
  });

  it('the run being interrupted rewrites many of the 566 papers and adds 200', () => {
    expect(before.size).toBe(566);
    expect(after.size).toBe(766);
    expect([...before].filter(([name, text]) => after.get(name) !== text).length).toBeGreaterThan(150);
  });

  it('leaves every file whole, old or new, after each kill; the next run finishes the job', async () => {
    const writes = [...after].filter(([name, text]) => before.get(name) !== text).length;
    // One kill before or around the first write, then kills at random points of the writing.
    const kills: Array<{ events: number } | { delayMs: number }> = [{ delayMs: Math.floor(Math.random() * 400) }];
    for (let i = 0; i < 4; i++) kills.push({ events: 1 + Math.floor(Math.random() * writes) });
    const progress: number[] = [];

    for (const kill of kills) {
      const how = await killMidRun(papers, kill);
      const context = `killed (${how}) at ${JSON.stringify(kill)}`;
      const now = contents(papers);
      let updated = 0;
      for (const [name, text] of now) {
        if (name.endsWith('.md')) {
          expect(() => parsePaperFile(text), `${name}, ${context}`).not.toThrow();
          expect(text === before.get(name) || text === after.get(name), `${name} is neither its old nor its new version, ${context}`).toBe(true);
          if (text !== before.get(name)) updated++;
        } else {
          // Only the atomic write's temp file may be left, and the build reads only `*.md`.
          expect(name, context).toMatch(/^[a-z0-9-]+\.md\.\d+$/);
        }
      }
      for (const name of before.keys()) expect(now.has(name), `${name} vanished, ${context}`).toBe(true);
      progress.push(updated);

      // A run killed before it recorded itself as the lock's owner leaves a lock that can only
      // age out; age it as if its time were up. (An owned lock is taken over at once.)
      const lock = `${papers}.lock`;
      if (existsSync(lock)) utimesSync(lock, 0, 0);
    }
    // At least one kill landed in the middle of the writing, or the checks above proved little.
    expect(progress.some((n) => n > 0 && n < writes), `files in their new version after each kill: ${progress.join(', ')}`).toBe(true);

    const { stdout } = await ingest(papers);
    expect(stdout).toMatch(/Papers in .*: \d+ new, \d+ updated, \d+ unchanged/);
    expect(contents(papers)).toEqual(after);
  });
});

describe('a temp file left by a killed ingest', () => {
  it('is removed by the next run, with a warning, and its paper file stays whole', async () => {
    const papers = join(work, 'leftover');
    cpSync(join(root, 'content/papers'), papers, { recursive: true });
    const paper = 'diffusion-link-diffusion-probabilistic-model-for-bridging-the-audio-text.md';
    const before = readFileSync(join(papers, paper), 'utf8');
    writeFileSync(join(papers, `${paper}.2840795813`), before.slice(0, 100));
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--no-progress', '--papers-dir', papers, join(root, 'content/listings')], { cwd: root });
    expect(stdout).toMatch(new RegExp(`${paper}\\.2840795813: removed a temporary file left by an interrupted ingest`));
    expect(readdirSync(papers).filter((n) => !n.endsWith('.md'))).toEqual([]);
    expect(readFileSync(join(papers, paper), 'utf8')).toBe(before);
  });
});
