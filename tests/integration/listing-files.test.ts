/**
 * What a listings folder may hold besides listings, through the real CLI: only regular files
 * are read, symbolic links only where they lead to a regular file inside the project, and
 * everything else is refused with one line naming it and what to do; the other listings are
 * still ingested, and the exit code says something failed. No run hangs, none prints a stack trace.
 */
import { chmodSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, ingest, papersIn, read, scratch, STACK_FRAME } from '../support/ingest-cli.ts';

/** A listings folder with one good capture (layout C: two papers) and the given oddities. */
function folderWith(setup: (dir: string) => void): { listings: string; papers: string } {
  const dir = scratch();
  const listings = join(dir, 'listings');
  mkdirSync(listings);
  cpSync(join(fixtures, 'layout-c.txt'), join(listings, '2025-03-11.txt'));
  setup(listings);
  return { listings, papers: join(dir, 'papers') };
}

/** The line of the output about `name`, which must be the only one. */
function lineAbout(stdout: string, name: string): string {
  const lines = stdout.split('\n').filter((l) => l.includes(name));
  expect(lines, `lines naming ${name}:\n${stdout}`).toHaveLength(1);
  return lines[0]!;
}

describe('a listings folder holding things that are not listings', () => {
  it('refuses symbolic links out of the project (/etc/passwd, a .env, /dev/zero), a FIFO and devices, and ingests the rest', async () => {
    const outside = scratch();
    writeFileSync(join(outside, '.env'), 'SECRET_TOKEN=do-not-publish-me\nOTHER=value\n');
    const { listings, papers } = folderWith((dir) => {
      symlinkSync('/etc/passwd', join(dir, '2026-01-01-passwd.txt'));
      symlinkSync(join(outside, '.env'), join(dir, '2026-01-02-env.txt'));
      symlinkSync('/dev/zero', join(dir, '2026-01-03-zero.txt'));
      execFileSync('mkfifo', [join(dir, '2026-01-04-fifo.txt')]);
      execFileSync('mknod', [join(dir, '2026-01-05-device.txt'), 'c', '1', '5']);
    });
    const run = await ingest(['--papers-dir', papers, listings], { timeout: 60_000 });
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(1);
    expect(lineAbout(run.stdout, '2026-01-01-passwd.txt')).toMatch(/a symbolic link to \/etc\/passwd, outside the project; .*copy the capture into the project/);
    expect(lineAbout(run.stdout, '2026-01-02-env.txt')).toMatch(/a symbolic link to .*\.env, outside the project/);
    expect(lineAbout(run.stdout, '2026-01-03-zero.txt')).toMatch(/a symbolic link to \/dev\/zero, outside the project/);
    expect(lineAbout(run.stdout, '2026-01-04-fifo.txt')).toMatch(/a named pipe \(FIFO\), not a file; .*remove it/);
    expect(lineAbout(run.stdout, '2026-01-05-device.txt')).toMatch(/a device, not a file; .*remove it/);
    expect(papersIn(papers)).toEqual(['attention-is-all-you-need-good-embeddings-are-enough-audio-understanding-without.md', 'neural-snowflakes-universal-latent-graph-inference.md']);
    for (const name of papersIn(papers)) expect(read(papers, name)).not.toMatch(/root:|SECRET_TOKEN/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  it('follows a symbolic link to a listing inside the project', async () => {
    const { listings, papers } = folderWith((dir) => symlinkSync(join(fixtures, 'layout-a.txt'), join(dir, '2026-01-08.txt')));
    const run = await ingest(['--papers-dir', papers, listings]);
    expect(run.code, run.stdout).toBe(0);
    expect(papersIn(papers)).toHaveLength(7);
  });

  it('refuses a folder named x.txt, a symlink loop and a dangling symlink, each in one line', async () => {
    const { listings, papers } = folderWith((dir) => {
      mkdirSync(join(dir, '2026-01-01-folder.txt'));
      symlinkSync(join(dir, '2026-01-02-loop.txt'), join(dir, '2026-01-02-loop.txt'));
      symlinkSync(join(dir, 'gone.txt'), join(dir, '2026-01-03-dangling.txt'));
    });
    const run = await ingest(['--papers-dir', papers, listings]);
    expect(run.code, run.stdout).toBe(1);
    expect(lineAbout(run.stdout, '2026-01-01-folder.txt')).toMatch(/a folder, not a listing file; .*rename it/);
    expect(lineAbout(run.stdout, '2026-01-02-loop.txt')).toMatch(/a symbolic link that loops .*; point it at a listing or remove it/);
    expect(lineAbout(run.stdout, '2026-01-03-dangling.txt')).toMatch(/a symbolic link to .*gone\.txt, which does not exist; point it at a listing or remove it/);
    expect(papersIn(papers)).toHaveLength(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  it('names a listing its user may not read (ingest run as an unprivileged user) and ingests the rest', async () => {
    // Root reads any file whatever its mode, so the run is made as `nobody`, who cannot.
    chmodSync(tmpdir(), 0o755);
    const { listings, papers } = folderWith((dir) => {
      writeFileSync(join(dir, '2026-01-01-secret.txt'), 'Jan 1\n\nA Private Paper\n\nIts abstract.\n', { mode: 0o600 });
    });
    chmodSync(join(listings, '..'), 0o777);
    const run = await ingest(['--papers-dir', papers, listings], { uid: 65534, gid: 65534 });
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(1);
    expect(lineAbout(run.stdout, '2026-01-01-secret.txt')).toMatch(/cannot be read: permission denied; make it readable .* and run ingest again/);
    expect(papersIn(papers)).toHaveLength(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses a file named on the command line that is not a regular file', async () => {
    const dir = scratch();
    execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
    const run = await ingest(['--papers-dir', join(dir, 'papers'), '--date', '2026-01-01', join(dir, 'fifo.txt'), join(fixtures, 'layout-c.txt')], { timeout: 60_000 });
    expect(run.code).toBe(1);
    expect(lineAbout(run.stdout, 'fifo.txt')).toMatch(/a named pipe \(FIFO\), not a file/);
    expect(papersIn(join(dir, 'papers'))).toHaveLength(2);
  });
});
