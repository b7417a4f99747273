/**
 * One ingest at a time on a papers folder: a lock beside it (`content/papers.lock`, a folder
 * made atomically by proper-lockfile) holding an `owner` file with the holder's process id and
 * host. A lock whose holder process is gone (an ingest killed with SIGKILL) is taken over at
 * once; a live holder, even a frozen one, is waited for. A holder on another host (a shared
 * disk) cannot be checked, so its lock is taken over once it has not been refreshed for 5 minutes.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { errorCode } from '../utils/file-errors.ts';

/** Another live ingest held the lock for longer than we were willing to wait. */
export class LockedError extends Error {}

export interface LockOptions {
  /** How long to wait for a live holder, in seconds. */
  waitSeconds: number;
  /** Told once when the lock is held by another live ingest and we start waiting. */
  onWait?: () => void;
  /** Told when the lock of a process that is gone is taken over. */
  onTakeover?: (pid: number) => void;
  /** Told if the lock could not be refreshed in time and may have been taken over: stop writing. */
  onCompromised: (error: Error) => void;
}

// The holder refreshes the lock every half of this. Only a holder on another host is judged by
// it (a local one by its process id), so it is long: parsing a 100 MiB listing blocks the
// process for tens of seconds, and a refresh missed then must not cost the lock.
const STALE_MS = 5 * 60_000;
const RETRY_MS = 500;

export function lockPath(papersDir: string): string {
  return `${papersDir}.lock`;
}

/** Takes the lock; resolves to its release. Throws LockedError after `waitSeconds` of a live holder. */
export async function lockPapers(papersDir: string, options: LockOptions): Promise<() => Promise<void>> {
  const path = lockPath(papersDir);
  const owner = join(path, 'owner');
  const deadline = Date.now() + options.waitSeconds * 1000;
  let waiting = false;
  for (;;) {
    const release = await attempt(papersDir, path, options.onCompromised);
    if (release) {
      await writeFile(owner, `${process.pid} ${hostname()}\n`);
      return async () => {
        await unlink(owner).catch(() => {});
        await release();
      };
    }
    const gone = await holderGone(path, owner);
    if (gone !== null) {
      // Aged, the lock is stale to proper-lockfile, which then replaces it atomically.
      await unlink(owner).catch(() => {});
      await utimes(path, 0, 0).catch(() => {});
      if (gone > 0) options.onTakeover?.(gone);
      continue;
    }
    if (Date.now() >= deadline) throw new LockedError(`another ingest is writing ${papersDir}`);
    if (!waiting) options.onWait?.();
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MS, Math.max(0, deadline - Date.now()))));
  }
}

async function attempt(papersDir: string, path: string, onCompromised: (error: Error) => void): Promise<(() => Promise<void>) | null> {
  try {
    return await lockfile.lock(papersDir, { lockfilePath: path, stale: STALE_MS, realpath: false, retries: 0, onCompromised });
  } catch (error) {
    // ENOTEMPTY: proper-lockfile found the lock stale by its age but it names a live owner.
    if (errorCode(error) === 'ELOCKED' || errorCode(error) === 'ENOTEMPTY') return null;
    throw error;
  }
}

/**
 * The process id of a holder that is gone (0 when it cannot be told, on another host, but
 * the lock is stale), or null while the holder may be alive.
 */
async function holderGone(path: string, owner: string): Promise<number | null> {
  const text = await readFile(owner, 'utf8').catch(() => null);
  // No owner file yet: the holder is between making the lock and writing it, or is an older ingest.
  if (text === null) return null;
  const [pidText, host] = text.trim().split(' ');
  const pid = Number(pidText);
  if (host === hostname() && Number.isInteger(pid) && pid > 0) return isAlive(pid) ? null : pid;
  const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
  return age > STALE_MS ? 0 : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}
