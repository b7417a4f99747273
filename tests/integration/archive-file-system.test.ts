/**
 * The papers folder on a file system that says no, through the real CLI: read-only, full
 * (ENOSPC), a paper file holding a YAML alias bomb, and a lock left by a SIGKILLed ingest. Each
 * problem is one line naming the file or folder and what to do, without a stack trace; nothing
 * already in the archive changes; the exit code says something failed.
 *
 * Root ignores file modes, so read-only and full file systems are real tmpfs mounts (root may
 * mount them), unmounted at the end.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, frontmatter, ingest, papersIn, read, root, scratch, STACK_FRAME } from '../support/ingest-cli.ts';

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts.reverse()) execFileSync('umount', ['-l', dir]);
});

function tmpfs(dir: string, options: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
}

const contents = (dir: string) => new Map(readdirSync(dir).map((n) => [n, read(dir, n)]));
const layoutA = join(fixtures, 'layout-a.txt');

/** A later capture of the layout-A page: every one of its five papers gets a new appearance. */
function laterCapture(): string {
  const path = join(scratch(), '2026-01-09.txt');
  cpSync(layoutA, path);
  return path;
}

describe('a read-only papers folder', () => {
  it('is named in one line saying what to do; no file changes', async () => {
    const papers = join(scratch(), 'papers');
    tmpfs(papers, 'size=4m');
    expect((await ingest(['--papers-dir', papers, '--date', '2026-01-08', layoutA])).code).toBe(0);
    execFileSync('mount', ['-o', 'remount,ro', papers]);
    const before = contents(papers);

    const run = await ingest(['--papers-dir', papers, laterCapture()]);
    expect(run.code, run.stdout).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.includes('could not be written'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(papers);
    expect(lines[0]).toMatch(/5 paper file\(s\) could not be written \(EROFS: read-only file system\).*make the folder writable and run ingest again/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    expect(contents(papers)).toEqual(before);
  });
});

describe('a full disk', () => {
  it('leaves every paper file whole, names the folder and ENOSPC in one line, and the next run finishes the job', async () => {
    const papers = join(scratch(), 'papers');
    tmpfs(papers, 'size=4m');
    cpSync(join(root, 'content/papers'), papers, { recursive: true });
    // Fill what is left, so that the rewrites of the papers of a later capture fail.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(papers, 'filler')}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {
      // dd stops with ENOSPC: the disk is full.
    }
    const before = contents(papers);
    const listings = join(scratch(), 'listings');
    mkdirSync(listings);
    for (const name of readdirSync(join(root, 'content/listings'))) cpSync(join(root, 'content/listings', name), join(listings, name.replace(/^\d{4}-\d\d-\d\d/, '2026-02-01')));

    const run = await ingest(['--papers-dir', papers, listings]);
    expect(run.code, run.stdout).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.includes('could not be written'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/paper file\(s\) could not be written \(ENOSPC: no space left on device\).*free some space and run ingest again/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    // Nothing half-written, nothing left behind: every file is exactly as it was.
    expect(contents(papers)).toEqual(before);

    execFileSync('rm', [join(papers, 'filler')]);
    const again = await ingest(['--papers-dir', papers, listings]);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/0 new, 566 updated/);
  });
});

describe('a paper file holding a YAML alias bomb', () => {
  const bomb = [
    '---',
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'bcdefghi'.split('').map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    'title: Sparse Mixture of Experts at Scale',
    'titleKey: sparse mixture of experts at scale',
    'listings:',
    '  - file: 2026-01-08.txt',
    '    captureDate: "2026-01-08"',
    '    rank: 1',
    '---',
    '',
    'We train sparse mixtures of experts.',
    '',
  ].join('\n');

  it('is named by ingest in one line, left untouched, and the other papers are still updated', async () => {
    const papers = join(scratch(), 'papers');
    await ingest(['--papers-dir', papers, '--date', '2026-01-08', layoutA]);
    writeFileSync(join(papers, 'sparse-mixture-of-experts-at-scale.md'), bomb);
    const run = await ingest(['--papers-dir', papers, laterCapture()]);
    expect(run.code, run.stdout).toBe(1);
    const line = run.stdout.split('\n').find((l) => l.includes('sparse-mixture-of-experts-at-scale.md: '));
    expect(line).toMatch(/YAML aliases .*left untouched until fixed/);
    expect(read(papers, 'sparse-mixture-of-experts-at-scale.md')).toBe(bomb);
    expect(run.stdout).toMatch(/0 new, 4 updated/);
    expect(frontmatter(read(papers, 'glm-tricks-a-report.md')).listings).toHaveLength(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('a lock left by an ingest killed with SIGKILL', () => {
  it('is taken over at once by the next ingest, since its holder is gone', async () => {
    const papers = join(scratch(), 'papers');
    const child = spawn(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', '--papers-dir', papers, join(root, 'content/listings')], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed once it holds the lock and has recorded itself as its owner: the owner file names
    // its process (the file exists, empty, for a moment before that, and an empty one names no one).
    const owner = `${papers}.lock/owner`;
    await expect.poll(() => (existsSync(owner) ? readFileSync(owner, 'utf8') : ''), { interval: 5 }).toMatch(/^\d+ \S+\n$/);
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(`${papers}.lock`)).toBe(true);

    // --wait 0: a lock held by a live ingest would make this give up with exit code 2.
    const run = await ingest(['--wait', '0', '--papers-dir', papers, join(root, 'content/listings')]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toMatch(/took over the lock of ingest process \d+, which is no longer running/);
    expect(papersIn(papers)).toHaveLength(566);
    expect(existsSync(`${papers}.lock`)).toBe(false);
  });
});
