/**
 * A file system error as a maintainer reads it: what went wrong, in words, with the code to
 * search for (`permission denied (EACCES)`), and never a stack trace: such errors are about the
 * files, not the code.
 */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  EISDIR: 'a folder, not a file',
  ENOTDIR: 'a path through something that is not a folder',
  ELOOP: 'a symbolic link that loops',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EEXIST: 'the file already exists',
};

export function errorCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** `cannot be read: permission denied`-style words for an error: `permission denied (EACCES)`. */
export function describeFileError(error: unknown): string {
  const code = errorCode(error);
  if (code && WORDS[code]) return code === 'EACCES' || code === 'EPERM' ? `cannot be read: ${WORDS[code]}` : `${WORDS[code]} (${code})`;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** `EROFS: read-only file system`: the code and its words, for messages that group files by error. */
export function codeAndWords(error: unknown): string {
  const code = errorCode(error);
  if (code && WORDS[code]) return `${code}: ${WORDS[code]}`;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
