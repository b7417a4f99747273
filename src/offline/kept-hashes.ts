/**
 * Content hashes of built files kept from one build to the next, by path, size and mtime (as the
 * parse cache and the content loader judge a file): a file with the size and mtime it had when
 * hashed is not read again. After one more day at 30,000 papers the
 * offline manifest names some 31,000 files (45 MB, most of them the search index's, which a
 * day's rebuild leaves as they were); reading and hashing them all cost 0.8 s of every build.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomic } from '../utils/atomic-write.ts';
import { contentHash } from './content-hash.ts';

/** What identifies a file as the one hashed: a rewrite changes its mtime. */
type Kept = [size: number, mtimeMs: number, hash: string];

/** The hash of no bytes: kept hashes of another hash function (content-hash.ts changed) are not used. */
const hashFormat = () => contentHash(new Uint8Array());

interface KeptFile {
  format: string;
  files: Array<[string, Kept]>;
}

export class KeptHashes {
  readonly #kept: Map<string, Kept>;
  readonly #next = new Map<string, Kept>();

  private constructor(kept: Map<string, Kept>) {
    this.#kept = kept;
  }

  /** No hashes kept: every file is hashed. */
  static none(): KeptHashes {
    return new KeptHashes(new Map());
  }

  /** The hashes kept in `file`, or none when it is missing, unreadable or of another hash function. */
  static async read(file: string): Promise<KeptHashes> {
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptFile;
      return new KeptHashes(kept.format === (await hashFormat()) && Array.isArray(kept.files) ? new Map(kept.files) : new Map());
    } catch {
      return new KeptHashes(new Map());
    }
  }

  /** A file's size and content hash: the kept hash while the file is the one hashed, else hashed now. */
  async facts(path: string, key: string): Promise<{ bytes: number; hash: string }> {
    const { size, mtimeMs } = statSync(path);
    const kept = this.#kept.get(key);
    const hash = kept && kept[0] === size && kept[1] === mtimeMs ? kept[2] : await contentHash(readFileSync(path));
    this.#next.set(key, [size, mtimeMs, hash]);
    return { bytes: size, hash };
  }

  /** Writes the hashes of the files met in this build, for the next: only a saving, so a failure is a warning. */
  async write(file: string): Promise<void> {
    try {
      mkdirSync(dirname(file), { recursive: true });
      await writeAtomic(file, JSON.stringify({ format: await hashFormat(), files: [...this.#next] } satisfies KeptFile));
    } catch (error) {
      console.warn(`offline: the files' hashes could not be kept in ${file} (${(error as Error).message}); the next build hashes every file`);
    }
  }
}
