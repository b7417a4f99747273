/**
 * A listing file's bytes, read only when it is what it claims to be. Listings folders collect
 * whatever people save into them: only regular files are read, and symbolic links only where
 * they lead to a regular file inside the project (a link to /etc/passwd or to a .env elsewhere
 * would publish it). Anything else (a folder, a named pipe, which would block the read forever,
 * a device such as /dev/zero, which never ends) is refused with what to do about it.
 * The size limit is enforced while reading: `stat` says 0 bytes for devices and /proc files.
 */
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkListingSize, MAX_LISTING_BYTES, UnreadableListingError } from './decode.ts';
import { describeFileError } from '../utils/file-errors.ts';

/** Reads `path`; throws UnreadableListingError saying why and what to do when it is not a listing file. */
export async function readListingFile(path: string, projectRoot: string): Promise<Uint8Array> {
  const target = await resolveLink(path, projectRoot);
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe with no writer must not wait for one.
    handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableListingError(`${describeFileError(error)}; ${adviceFor(error)}`);
  }
  try {
    const info = await handle.stat();
    const kind = notAFile(info);
    if (kind) throw new UnreadableListingError(kind);
    checkListingSize(info.size);
    return await readAtMost(handle, MAX_LISTING_BYTES);
  } catch (error) {
    if (error instanceof UnreadableListingError) throw error;
    throw new UnreadableListingError(`${describeFileError(error)}; ${adviceFor(error)}`);
  } finally {
    await handle.close();
  }
}

/** The file a path names: itself, or where its symbolic link leads if that is inside the project. */
async function resolveLink(path: string, projectRoot: string): Promise<string> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    throw new UnreadableListingError(`${describeFileError(error)}; ${adviceFor(error)}`);
  }
  if (!info.isSymbolicLink()) return path;
  const link = await readlink(path).catch(() => '?');
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UnreadableListingError('a symbolic link that loops (ELOOP); point it at a listing or remove it');
    if (code === 'ENOENT') throw new UnreadableListingError(`a symbolic link to ${link}, which does not exist; point it at a listing or remove it`);
    throw new UnreadableListingError(`a symbolic link to ${link} that cannot be followed (${describeFileError(error)}); point it at a listing or remove it`);
  }
  const root = await realpath(projectRoot);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new UnreadableListingError(`a symbolic link to ${resolve(target)}, outside the project; only files inside the project are read: copy the capture into the project instead`);
  }
  return target;
}

function notAFile(info: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a folder, not a listing file; rename it (folders are not read as listings) or name the listings inside it';
  if (info.isFIFO()) return 'a named pipe (FIFO), not a file; remove it, or save the capture as a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device, not a file; remove it, or save the capture as a file';
  if (info.isSocket()) return 'a socket, not a file; remove it, or save the capture as a file';
  return 'not a regular file; remove it, or save the capture as a file';
}

/** The whole file, refusing it as soon as it proves larger than `limit`. */
async function readAtMost(handle: import('node:fs/promises').FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    chunks.push(chunk.subarray(0, bytesRead));
    if (total > limit) checkListingSize(total);
  }
  return Buffer.concat(chunks, total);
}

function adviceFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'make it readable (chmod a+r) and run ingest again';
  if (code === 'ENOENT') return 'check the path';
  return 'check the file and run ingest again';
}
