/**
 * The paper collection read straight from `content/papers/`, outside Astro, with the reader
 * and error format of the build's content loader (loader.ts), for steps that need the papers
 * but not the pages: the search index is built this way alongside `astro build`.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from '../utils/atomic-write.ts';
import { mapConcurrently } from '../utils/concurrency.ts';
import { parsePaperFile, PaperFileError } from './file.ts';
import { describeFileError, errorCode } from '../utils/file-errors.ts';
import type { PaperData } from './schema.ts';
import { toPaperView, type PaperView } from './view.ts';

/** A paper file as read: the file name without `.md` is its id and URL slug. */
export interface StoredPaper {
  slug: string;
  data: PaperData;
  body: string;
}

/** Every paper in `dir`, in file-name order; throws naming every broken file if there is one. */
export async function readPaperFolder(dir: string, { cacheDir }: { cacheDir?: string } = {}): Promise<StoredPaper[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const cache = cacheDir ? readCache(cacheDir, dir) : new Map<string, CachedPaper>();
  const next = new Map<string, CachedPaper>();
  const broken: string[] = [];
  const papers = await mapConcurrently(names, 32, async (name) => {
    const path = join(dir, name);
    const s = cacheDir ? lstatSync(path, { throwIfNoEntry: false }) : undefined;
    const cached = cache.get(name);
    if (s && cached && cached.size === s.size && cached.mtimeMs === s.mtimeMs) {
      next.set(name, cached);
      return cached.paper;
    }
    try {
      const text = await readFile(path, 'utf8');
      // Same bytes under a new mtime (a fresh checkout): still not parsed again.
      const digest = cacheDir ? createHash('sha256').update(text).digest('base64url') : '';
      const paper = cached?.digest === digest ? cached.paper : parsed(name, text);
      if (s?.isFile()) next.set(name, { size: s.size, mtimeMs: s.mtimeMs, digest, paper });
      return paper;
    } catch (error) {
      const problem = brokenFileMessage(error);
      if (problem === null) throw error;
      broken.push(`${path}: ${problem}`);
      return null;
    }
  });
  if (cacheDir && (next.size !== cache.size || [...next].some(([name, c]) => cache.get(name) !== c))) await writeCache(cacheDir, dir, next);
  if (broken.length > 0) throw new BrokenPaperFilesError(broken);
  return papers.filter((p) => p !== null);
}

/**
 * The papers as last read, by file name, with the size and modification time they had: a file
 * with both unchanged is taken from here without being read, and one whose bytes are unchanged
 * (a fresh checkout gives every file a new mtime) without being parsed again: parsing 30,000
 * paper files' YAML costs about 7 s of every build. Kept in `cacheDir`, one file per papers
 * folder, tagged with the reader's source and the lockfile, so a change to how files are read
 * starts it afresh.
 */
interface CachedPaper {
  size: number;
  mtimeMs: number;
  /** Of the file's text. */
  digest: string;
  paper: StoredPaper;
}

function parsed(name: string, text: string): StoredPaper {
  const { fields: data, body } = parsePaperFile(text);
  return { slug: name.slice(0, -3), data, body };
}

// What shapes a parsed paper: this stage's and the listing stage's code (dates, arXiv ids) and
// the packages they use (yaml, zod), whose versions the lockfile pins.
const READER_SOURCES = [new URL('.', import.meta.url), new URL('../listing/', import.meta.url)];
const LOCKFILE = new URL('../../package-lock.json', import.meta.url);

function cacheFile(cacheDir: string, dir: string): string {
  return join(cacheDir, `papers-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}.v8`);
}

let version: string | undefined;

function readerVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const folder of READER_SOURCES) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(new URL(name, folder)));
  }
  if (existsSync(LOCKFILE)) hash.update(readFileSync(LOCKFILE));
  version = hash.digest('hex');
  return version;
}

function readCache(cacheDir: string, dir: string): Map<string, CachedPaper> {
  try {
    const saved = deserialize(readFileSync(cacheFile(cacheDir, dir))) as { version: string; papers: Map<string, CachedPaper> };
    return saved.version === readerVersion() && saved.papers instanceof Map ? saved.papers : new Map();
  } catch {
    return new Map();
  }
}

async function writeCache(cacheDir: string, dir: string, papers: Map<string, CachedPaper>): Promise<void> {
  const file = cacheFile(cacheDir, dir);
  mkdirSync(dirname(file), { recursive: true });
  await writeAtomic(file, serialize({ version: readerVersion(), papers }));
}

/**
 * The papers an earlier read of `dir` parsed and kept in `cacheDir` (the build's search and
 * related steps read the folder before `astro build` does), for the content loader: a file's
 * parsed fields when its text is the one that was parsed, else undefined. Parsing every file's
 * YAML took 9 s of a cold `astro build` at 30,000 papers. The kept papers are read on first use.
 */
export function keptPapers(cacheDir: string, dir: string): (name: string, text: string) => StoredPaper | undefined {
  let kept: Map<string, CachedPaper> | undefined;
  return (name, text) => {
    kept ??= readCache(cacheDir, dir);
    const cached = kept.get(name);
    return cached && cached.digest === createHash('sha256').update(text).digest('base64url') ? cached.paper : undefined;
  };
}

export async function readPaperViews(dir: string, options: { cacheDir?: string } = {}): Promise<PaperView[]> {
  return (await readPaperFolder(dir, options)).map(toPaperView);
}

/**
 * What is wrong with a paper file that cannot be used, or null for an error that is not about
 * the file (a bug): invalid content, or a file system refusal (a folder named `x.md`, no
 * permission to read it).
 */
export function brokenFileMessage(error: unknown): string | null {
  if (error instanceof PaperFileError) return error.message;
  if (errorCode(error) !== null) return `${describeFileError(error)}; make it a readable paper file or move it out of the folder`;
  return null;
}

/** Paper files a maintainer must fix: one message naming every one (`path: what is wrong`, one a line). */
export class BrokenPaperFilesError extends Error {
  constructor(problems: string[]) {
    super(`${problems.length} paper file(s) cannot be read. Fix them by hand (ingest leaves them untouched until then):\n${[...problems].sort().map((p) => `  ${p}`).join('\n')}`);
    // The message says where the problem is; a stack trace into the reader would bury it.
    this.stack = '';
  }
}
