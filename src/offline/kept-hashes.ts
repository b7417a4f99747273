/**
 * Content hashes of built files kept from one build to the next, by path, size, mtime and inode:
 * a file still the one hashed is not read again. After one more day at 30,000 papers the
 * offline manifest names some 31,000 files (45 MB, most of them the search index's, which a
 * day's rebuild leaves as they were); reading and hashing them all cost 0.8 s of every build.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomic } from '../utils/atomic-write.ts';
import { contentHash } from './content-hash.ts';

/** What identifies a file as the one hashed: a rewrite changes its mtime, a swap its inode. */
type Kept = [size: number, mtimeMs: number, ino: number, hash: string];

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

  /** The hashes kept in `file`, or none when it is missing or unreadable. */
  static read(file: string): KeptHashes {
    try {
      const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<[string, Kept]>;
      return new KeptHashes(new Map(entries));
    } catch {
      return new KeptHashes(new Map());
    }
  }

  /** A file's size and content hash: the kept hash while the file is the one hashed, else hashed now. */
  async facts(path: string, key: string): Promise<{ bytes: number; hash: string }> {
    const { size, mtimeMs, ino } = statSync(path);
    const kept = this.#kept.get(key);
    const hash = kept && kept[0] === size && kept[1] === mtimeMs && kept[2] === ino ? kept[3] : await contentHash(readFileSync(path));
    this.#next.set(key, [size, mtimeMs, ino, hash]);
    return { bytes: size, hash };
  }

  /** Writes the hashes of the files met in this build, for the next. */
  async write(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await writeAtomic(file, JSON.stringify([...this.#next]));
  }
}
