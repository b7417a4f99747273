/**
 * The paper collection read straight from `content/papers/`, outside Astro, with the reader
 * and error format of the build's content loader (loader.ts), for steps that need the papers
 * but not the pages: the search index is built this way alongside `astro build`.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from '../utils/atomic-write.ts';
import { mapConcurrently } from '../utils/concurrency.ts';
import { parsePaperFile, PaperFileError } from './file.ts';
import { describeFileError, errorCode } from '../utils/file-errors.ts';
import type { PaperData } from './schema.ts';
import { toPaperView, type PaperView } from './view.ts';

/** A paper file as parsed: the file name without `.md` is its id and URL slug. */
export interface ParsedPaper {
  slug: string;
  data: PaperData;
  body: string;
}

/** A paper file as read, with the digest of its text (textDigest). */
export interface StoredPaper extends ParsedPaper {
  digest: string;
}

/** The digest that names a paper file's text: in the parse cache, and wherever papers are told apart by their files. */
export function textDigest(text: string): string {
  return hash('sha256', text, 'base64url');
}

/** Every paper in `dir`, in file-name order; throws naming every broken file if there is one. */
export async function readPaperFolder(dir: string, { cacheDir }: { cacheDir?: string } = {}): Promise<StoredPaper[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const cache = cacheDir ? readCache(cacheDir, dir) : EMPTY_CACHE;
  const next = new Map<string, CachedPaper>();
  const broken: string[] = [];
  const papers = await mapConcurrently(names, 32, async (name) => {
    const path = join(dir, name);
    const s = cacheDir ? lstatSync(path, { throwIfNoEntry: false }) : undefined;
    const cached = cache.papers.get(name);
    if (s && cached && cached.size === s.size && cached.mtimeMs === s.mtimeMs) {
      next.set(name, cached);
      return { ...cached.paper, digest: cached.digest };
    }
    try {
      const text = await readFile(path, 'utf8');
      // Same bytes under a new mtime (a fresh checkout): still not parsed again.
      const digest = textDigest(text);
      const paper = cached?.digest === digest ? cached.paper : parsed(name, text);
      if (s?.isFile()) next.set(name, { size: s.size, mtimeMs: s.mtimeMs, digest, paper });
      return { ...paper, digest };
    } catch (error) {
      const problem = brokenFileMessage(error);
      if (problem === null) throw error;
      broken.push(`${path}: ${problem}`);
      return null;
    }
  });
  if (cacheDir) await writeCache(cacheDir, dir, cache, next);
  if (broken.length > 0) throw new BrokenPaperFilesError(broken);
  return papers.filter((p) => p !== null);
}

/**
 * The papers as last read, by file name, with the size and modification time they had: a file
 * with both unchanged is taken from here without being read, and one whose bytes are unchanged
 * (a fresh checkout gives every file a new mtime) without being parsed again: parsing 30,000
 * paper files' YAML costs about 7 s of every build. Kept in `cacheDir`, tagged with the reader's
 * source and the lockfile, so a change to how files are read starts it afresh.
 *
 * It is kept in numbered parts, each holding the papers read anew since the part before, the
 * later part's entry winning: a build after one more day writes the hundred papers it parsed,
 * not the whole cache again (63 MB and 0.9 s at 30,000 papers, in each of the two steps that read
 * the folder). Once the parts hold twice as many entries as there are papers, or there are many
 * parts, the next write is the whole cache in one part, and the older parts go.
 */
interface CachedPaper {
  size: number;
  mtimeMs: number;
  /** Of the file's text. */
  digest: string;
  paper: ParsedPaper;
}

interface Cache {
  /** Merged, a later part's entry winning. */
  papers: Map<string, CachedPaper>;
  /** The parts' file names, oldest first. */
  parts: string[];
  /** The entries the parts hold in all, stale ones included. */
  entries: number;
}

const EMPTY_CACHE: Cache = { papers: new Map(), parts: [], entries: 0 };
/** More parts than this are written as one. */
const MAX_PARTS = 8;

function parsed(name: string, text: string): ParsedPaper {
  const { fields: data, body } = parsePaperFile(text);
  return { slug: name.slice(0, -3), data, body };
}

// What shapes a parsed paper: this stage's and the listing stage's code (dates, arXiv ids) and
// the packages they use (yaml, zod), whose versions the lockfile pins.
const READER_SOURCES = [new URL('.', import.meta.url), new URL('../listing/', import.meta.url)];
const LOCKFILE = new URL('../../package-lock.json', import.meta.url);

/** The start of the name of every part of a folder's cache: `papers-<folder hash>.<number>.v8`. */
function cachePrefix(dir: string): string {
  return `papers-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}.`;
}

const partNumber = (name: string) => Number(name.split('.').at(-2));

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

/** The cache's parts merged; empty when there is none, a part is unreadable or of another reader. */
function readCache(cacheDir: string, dir: string): Cache {
  const prefix = cachePrefix(dir);
  let parts: string[] = [];
  // Another step may be writing the whole cache and removing the older parts meanwhile: read again once.
  for (let attempt = 0; attempt < 2; attempt++) {
    parts = existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length, -3)) && n.endsWith('.v8')) : [];
    parts.sort((a, b) => partNumber(a) - partNumber(b));
    try {
      const papers = new Map<string, CachedPaper>();
      let entries = 0;
      for (const part of parts) {
        const saved = deserialize(readFileSync(join(cacheDir, part))) as { version: string; papers: Map<string, CachedPaper> };
        if (saved.version !== readerVersion() || !(saved.papers instanceof Map)) return { ...EMPTY_CACHE, parts };
        for (const [name, paper] of saved.papers) papers.set(name, paper);
        entries += saved.papers.size;
      }
      return { papers, parts, entries };
    } catch {
      continue;
    }
  }
  // Unreadable: the next write is numbered after the parts found, and replaces them.
  return { ...EMPTY_CACHE, parts };
}

/** Writes the papers read anew as a next part, or, when the parts have grown, the whole cache in one. */
async function writeCache(cacheDir: string, dir: string, cache: Cache, next: Map<string, CachedPaper>): Promise<void> {
  const fresh = new Map([...next].filter(([name, c]) => cache.papers.get(name) !== c));
  // Entries the parts would hold for files changed since or gone.
  const stale = cache.entries + fresh.size - next.size;
  if (fresh.size === 0 && stale <= 0) return;
  const whole = cache.papers.size === 0 || cache.parts.length >= MAX_PARTS || stale >= next.size;
  // Only stale entries (of files gone or read anew since): left in the parts until they are as many as the papers.
  if (fresh.size === 0 && !whole) return;
  const number = cache.parts.length > 0 ? partNumber(cache.parts.at(-1)!) + 1 : 0;
  const name = `${cachePrefix(dir)}${number}.v8`;
  mkdirSync(cacheDir, { recursive: true });
  await writeAtomic(join(cacheDir, name), serialize({ version: readerVersion(), papers: whole ? next : fresh }));
  // Written first, then the parts it replaces go (and any file of this folder's cache not a part,
  // as older code wrote it): a read in between merges them all to the same papers.
  if (!whole) return;
  const stem = cachePrefix(dir).slice(0, -1);
  for (const old of readdirSync(cacheDir)) if (old !== name && old.startsWith(stem) && old.endsWith('.v8')) rmSync(join(cacheDir, old), { force: true });
}

/**
 * The papers an earlier read of `dir` parsed and kept in `cacheDir` (the build's search step
 * reads the folder before or beside `astro build`), for the content loader: a file's
 * parsed fields when its text is the one that was parsed, else undefined. Parsing every file's
 * YAML took 9 s of a cold `astro build` at 30,000 papers. The kept papers are read on first use.
 */
export function keptPapers(cacheDir: string, dir: string): (name: string, text: string) => ParsedPaper | undefined {
  let kept: Map<string, CachedPaper> | undefined;
  return (name, text) => {
    kept ??= readCache(cacheDir, dir).papers;
    const cached = kept.get(name);
    return cached && cached.digest === textDigest(text) ? cached.paper : undefined;
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
