/**
 * The ingest pipeline: listing files → records → merged papers → Markdown files.
 * Every listing is read and every paper merged in memory first; files are then written,
 * each atomically and only when its bytes change.
 */
import { lstat, readdir, readFile, rm, stat, mkdir } from 'node:fs/promises';
import { lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeAtomic } from '../utils/atomic-write.ts';
import { forEachConcurrently, mapConcurrently } from '../utils/concurrency.ts';
import { decodeListing, UnreadableListingError } from '../listing/decode.ts';
import { readListingFile } from '../listing/file.ts';
import { codeAndWords, describeFileError, errorCode } from '../utils/file-errors.ts';
import { CaptureDateError, readListing, type Listing } from '../listing/read.ts';
import { createPaper, fileUnderTopics, mergeRecord } from './merge.ts';
import { newPaperFile, parsePaperFile, PaperFileError, readFrontmatter, skimArxivId, skimBody, skimHasAppearance, skimTitleKey, updatePaperFile, type PaperFile } from './file.ts';
import { baseSlug, chooseSlug, type SlugOwner } from './slug.ts';
import { legacyTitleKey, titleKey } from '../listing/title-key.ts';
import { abstractFingerprint, abstractShape, compareAbstracts, compareShapes, type AbstractShape } from './abstracts.ts';
import { listingHash, readIngestIndex, unchangedSince, writeIngestIndex, EMPTY_INDEX, type IngestIndex, type IndexedListing, type IndexedPaper } from './ingest-index.ts';
import type { PaperFields } from './schema.ts';
import type { Problem } from '../listing/types.ts';

/** Beside the papers folder (`content/.papers-taxonomy`): the taxonomy version they were filed under. */
function taxonomyStampPath(papersDir: string): string {
  return join(dirname(papersDir), `.${basename(papersDir)}-taxonomy`);
}

/** Files a paper under topics; ingest stores the result in `topics` and `autoTopics`. */
export interface TopicFiling {
  /** Changes whenever the taxonomy does; every paper is filed again then. */
  version: string;
  classify(paper: { title: string; abstract: string }): string[];
  /** The catch-all topic of papers that fit no other; the summary counts them. */
  other: string;
}

export interface IngestOptions {
  /** Listing files or folders of them. */
  inputs: string[];
  papersDir: string;
  /** Capture date stated by the maintainer, `YYYY-MM-DD`. */
  date?: string | null;
  dryRun?: boolean;
  /** Check every paper file, even while the folder is as the last run left it (ingest-index.ts). */
  rescan?: boolean;
  /** How papers are filed under topics (the caller's, so that papers/ needs nothing from analysis/). */
  filing: TopicFiling;
  /** Symbolic links among the listings are followed only to files inside this folder; default the current one. */
  projectRoot?: string;
  onProgress?: (progress: IngestProgress) => void;
}

/** How far a run has got: lines of one listing parsed, or paper files written. */
export type IngestProgress =
  | { stage: 'parsing'; file: string; done: number; total: number }
  | { stage: 'writing'; done: number; total: number };

export interface IngestReport {
  listings: Listing[];
  /** Files that could not be read at all, and records skipped within files. */
  problems: Problem[];
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Papers written this run that fit no topic: a sign the taxonomy needs one more. */
  inOther: string[];
  /** Every paper was re-filed because the taxonomy changed since the last run. */
  reclassified: boolean;
  /**
   * A paper file could not be read or written (broken by hand, a full or read-only disk): the
   * archive itself needs the maintainer, as opposed to a capture that could not be read.
   */
  archiveFailed: boolean;
  /** Listings merged before with the same bytes (ingest-index.ts): not read again; their papers count as unchanged. */
  skippedListings: string[];
  /**
   * Every paper file was checked (size and mtime), as opposed to only those this run's records
   * can reach: the papers folder changed since the last run, there was no index, or --rescan.
   */
  checkedEveryFile: boolean;
}

/** A paper as held during a run: where it lives and what it was on disk. */
interface Entry {
  slug: string;
  fields: PaperFields;
  /** Body to write: the existing body, or the abstract of a new paper. */
  body: string;
  existing: PaperFile | null;
  originalText: string | null;
}

/**
 * A paper file on disk, known by its title key. Its YAML is parsed only when a listing
 * touches it: at tens of thousands of papers, parsing every file on every run would
 * cost seconds and hundreds of megabytes for nothing. A file the ingest index knows
 * unchanged is not even read until a listing can reach it.
 */
interface Stored {
  slug: string;
  path: string;
  /** Null until read (loadTexts): a file known from the ingest index is read only when a record can reach it. */
  text: string | null;
  entry?: Entry;
  /** Its arXiv id, once known: from then on later listings find the paper by it. */
  arxiv: string | null;
  /** Its title key as the file states it. */
  key?: string;
  /** The start of its abstract (abstracts.ts), from the index or once computed. */
  fingerprint?: string | null;
  /** Its abstract as comparisons need it, once worked out (shapeOf). */
  shape?: AbstractShape;
  /** Size and modification time as this run found them (null for a paper new this run). */
  seen: { size: number; mtimeMs: number } | null;
  /** Its entry in the index, when known from it unread: the next index keeps it as it is, unless this run parses the file. */
  indexed?: IndexedPaper;
  /** Taken from the trusted index, not checked on disk (`seen` is then what the index says). */
  unverified?: boolean;
}

/**
 * Whether the files this run's records can reach or be compared with are still as the trusted
 * index says. One edited in place (which leaves the folder's mtime as it was) is found here, and
 * then every file is checked. (Files read while loading were checked as they were read.)
 */
function stillAsIndexed(reachable: Stored[]): boolean {
  for (const stored of reachable) {
    if (!stored.unverified) continue;
    const s = lstatSync(stored.path, { throwIfNoEntry: false });
    if (!s?.isFile() || !unchangedSince(stored.indexed, s.size, s.mtimeMs)) return false;
    stored.unverified = false;
  }
  return true;
}

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const problems: Problem[] = [];
  const date = options.date ?? null;
  const projectRoot = options.projectRoot ?? process.cwd();
  const files = await listingFiles(options.inputs, problems);
  const index = options.dryRun ? EMPTY_INDEX : await readIngestIndex(options.papersDir);
  const read: ReadListing[] = [];
  for (const path of files) {
    // A regular file with the size, mtime and stated date the index recorded keeps its hash unread.
    const s = lstatSync(path, { throwIfNoEntry: false });
    const known = index.listings[basename(path)];
    if (s?.isFile() && known && known.size === s.size && known.mtimeMs === s.mtimeMs && known.statedDate === date) {
      read.push({ path, bytes: null, hash: known.hash, size: s.size, mtimeMs: s.mtimeMs });
      continue;
    }
    const bytes = await readListingBytes(path, projectRoot, problems);
    if (bytes) read.push({ path, bytes, hash: listingHash(bytes, date), size: s?.size ?? bytes.length, mtimeMs: s?.mtimeMs ?? 0 });
  }
  const report: IngestReport = { listings: [], problems, created: [], updated: [], unchanged: [], inOther: [], reclassified: false, archiveFailed: false, skippedListings: [], checkedEveryFile: true };
  const parseAll = async (list: ReadListing[]) => {
    const loaded: LoadedListing[] = [];
    for (const { path, bytes, hash, size, mtimeMs } of list) {
      const content = bytes ?? (await readListingBytes(path, projectRoot, problems));
      const listing = content && parseListing(path, content, date, problems, options.onProgress);
      if (listing) loaded.push({ listing, path, hash, size, mtimeMs });
    }
    report.listings = loaded.map((l) => l.listing);
    // One by one: spreading a garbled listing's hundreds of thousands of problems overflows the stack.
    for (const l of report.listings) for (const p of l.problems) problems.push(p);
    return loaded;
  };
  if (options.dryRun) {
    await parseAll(read);
    return report;
  }

  const taxonomyFile = taxonomyStampPath(options.papersDir);
  const stamp = options.filing.version;
  const previousStamp = await readFile(taxonomyFile, 'utf8').catch(() => null);
  const refile = previousStamp?.trim() !== stamp;
  let names: string[];
  let folderMtimeMs: number;
  try {
    await mkdir(options.papersDir, { recursive: true });
    names = await paperFileNames(options.papersDir, problems);
    folderMtimeMs = (await stat(options.papersDir)).mtimeMs;
  } catch (error) {
    problems.push({ file: options.papersDir, line: null, severity: 'error', message: `the papers folder cannot be opened (${codeAndWords(error)}); fix that and run ingest again. Nothing was written.` });
    report.archiveFailed = true;
    return report;
  }

  /**
   * The archive as this run needs it: every paper file known (from the index, or read), the
   * listings merged before and unchanged set aside, the others parsed, and the papers their
   * records can reach. Trusting the index, files it knows are taken as it says, unchecked.
   */
  const prepare = async (trustIndex: boolean) => {
    const store = await loadPapers(options.papersDir, names, problems, index, trustIndex);
    // A listing merged before with the same bytes has nothing new to give while each of its papers
    // is still there and either unchanged since or still records it (a file reverted by hand may not).
    const skipped = new Map<string, IndexedListing>();
    for (const r of read) {
      const file = basename(r.path);
      const before = index.listings[file];
      const recorded = (slug: string) => {
        const stored = store.bySlug.get(slug);
        return stored?.seen != null && (stored.text === null || skimHasAppearance(stored.text, file));
      };
      if (before?.hash === r.hash && before.slugs.every(recorded)) skipped.set(r.path, before);
    }
    const loaded = await parseAll(read.filter((r) => !skipped.has(r.path)));
    return { store, skipped, loaded, reachable: reachableFrom(loaded, store), compared: comparedWith(loaded, store) };
  };
  // While the folder is as the last run left it, only the files a record can reach are checked
  // (ingest-index.ts): one more day costs what the day holds, not what the archive holds. Should
  // one of them have changed in place, every file is checked after all, as without the index.
  const trustIndex = !options.rescan && !refile && index.folderMtimeMs === folderMtimeMs;
  const problemsBefore = problems.length;
  let prepared = await prepare(trustIndex);
  report.checkedEveryFile = !trustIndex;
  if (trustIndex && !stillAsIndexed([...prepared.reachable, ...prepared.compared])) {
    problems.length = problemsBefore;
    prepared = await prepare(false);
    report.checkedEveryFile = true;
  }
  const { store, skipped, loaded, reachable } = prepared;
  report.skippedListings = [...skipped.keys()].map((path) => basename(path));
  await loadTexts(reachable, store, problems);
  const { touched, alreadyRecorded, slugsOf } = mergeListings(loaded, store, options.papersDir, problems);
  let refileDone = refile;
  if (refile) {
    // The taxonomy changed (or papers were never filed): every paper is filed again.
    report.reclassified = previousStamp !== null;
    await loadTexts([...store.bySlug.values()], store, problems);
    for (const stored of store.bySlug.values()) {
      const entry = open(stored, store, problems);
      if (entry) touched.set(entry.slug, entry);
    }
    // A broken file could not be re-filed: keep the old stamp so the next run tries again.
    if (store.brokenBySlug.size > 0) refileDone = false;
  }
  for (const entry of touched.values()) {
    entry.fields = fileUnderTopics(entry.fields, options.filing.classify({ title: entry.fields.title, abstract: entry.body }));
    if (entry.fields.topics.includes(options.filing.other)) report.inOther.push(entry.slug);
  }

  const failedWrites = await writePapers([...touched.values()], options, report);
  const writesFailed = failedWrites.size > 0;
  for (const list of [report.created, report.updated, report.unchanged]) list.sort();
  for (const slug of alreadyRecorded) if (!touched.has(slug)) report.unchanged.push(slug);
  const counted = new Set([...touched.keys(), ...alreadyRecorded]);
  for (const slug of new Set([...skipped.values()].flatMap((l) => l.slugs))) if (!counted.has(slug)) report.unchanged.push(slug);
  // Written last: a run that dies (or fails to write a paper) before this point files everything again next time.
  let stampFailed = false;
  if (refileDone && !writesFailed) {
    await writeAtomic(taxonomyFile, `${stamp}\n`).catch((error: unknown) => {
      stampFailed = true;
      problems.push({ file: taxonomyFile, line: null, severity: 'error', message: `cannot be written (${codeAndWords(error)}); the next run files every paper again` });
    });
  }
  report.archiveFailed = store.brokenBySlug.size > 0 || writesFailed || stampFailed;
  try {
    await writeIngestIndex(options.papersDir, await nextIndex(options.papersDir, store, touched, loaded, skipped, slugsOf, problems, failedWrites, date));
  } catch (error) {
    // Only a cache: the next run reads the archive in full.
    problems.push({ file: options.papersDir, line: null, severity: 'warning', message: `the ingest index beside it cannot be written (${codeAndWords(error)}); the next run reads every paper again` });
  }
  return report;
}

/**
 * The index after this run: every paper file that is whole (not broken, written if it had to
 * be), and every listing that merged without an error and whose papers were all written. A
 * listing with an error is read again next run, as the records it skipped may merge then.
 */
async function nextIndex(
  dir: string,
  store: Store,
  touched: Map<string, Entry>,
  loaded: LoadedListing[],
  skipped: Map<string, IndexedListing>,
  slugsOf: Map<string, Set<string>>,
  problems: Problem[],
  failedWrites: Set<string>,
  statedDate: string | null,
): Promise<IngestIndex> {
  const papers: Record<string, IndexedPaper> = {};
  const fresh = await mapConcurrently([...touched.keys()], READ_CONCURRENCY, (slug) => lstat(join(dir, `${slug}.md`)).catch(() => null));
  const freshBySlug = new Map([...touched.keys()].map((slug, i) => [slug, fresh[i]]));
  for (const stored of store.bySlug.values()) {
    // A file whose write failed is as it was, or someone else's: it is read afresh next run.
    if (store.brokenBySlug.has(stored.slug) || failedWrites.has(stored.slug)) continue;
    const entry = touched.get(stored.slug) ?? stored.entry;
    if (!entry && stored.indexed) {
      papers[stored.slug] = stored.indexed;
      continue;
    }
    const key = entry?.fields.titleKey ?? stored.key;
    const s = freshBySlug.has(stored.slug) ? freshBySlug.get(stored.slug) : stored.seen;
    if (!s || key === undefined) continue;
    const fingerprint = entry ? abstractFingerprint(entry.body) : fingerprintOf(stored);
    papers[stored.slug] = { size: s.size, mtimeMs: s.mtimeMs, key, arxiv: entry?.fields.arxiv ?? stored.arxiv, fingerprint };
  }
  const listings: Record<string, IndexedListing> = Object.fromEntries([...skipped].map(([path, entry]) => [basename(path), entry]));
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const { listing, path, hash, size, mtimeMs } of loaded) {
    const slugs = [...(slugsOf.get(listing.file) ?? [])].sort();
    if (failedWrites.size === 0 && !failed.has(path) && slugs.every((slug) => papers[slug])) listings[listing.file] = { hash, slugs, size, mtimeMs, statedDate };
  }
  // Taken once this run's files are written: the next run compares the folder with it.
  const folderMtimeMs = (await stat(dir)).mtimeMs;
  return { version: EMPTY_INDEX.version, folderMtimeMs, papers, listings };
}

/**
 * Writes each paper whose bytes changed, several at a time (each write waits on the disk, not
 * on the CPU). A write that fails (full disk, read-only folder) leaves the old file whole; the
 * failures are reported as one line per kind of error. Returns the slugs whose write failed.
 */
async function writePapers(entries: Entry[], options: IngestOptions, report: IngestReport): Promise<Set<string>> {
  let done = 0;
  const failed = new Map<string, { error: unknown; slugs: string[] }>();
  await forEachConcurrently(entries, WRITE_CONCURRENCY, async (entry) => {
    const text = entry.existing ? updatePaperFile(entry.existing, entry.fields, entry.body) : newPaperFile(entry.fields, entry.body);
    if (text === entry.originalText) report.unchanged.push(entry.slug);
    else {
      try {
        // A new paper never replaces a file: its slug was free when it was chosen.
        await writeAtomic(join(options.papersDir, `${entry.slug}.md`), text, { replace: entry.existing !== null });
        (entry.existing ? report.updated : report.created).push(entry.slug);
      } catch (error) {
        const code = errorCode(error);
        if (code === null) throw error;
        const group = failed.get(code) ?? { error, slugs: [] };
        group.slugs.push(entry.slug);
        failed.set(code, group);
      }
    }
    options.onProgress?.({ stage: 'writing', done: ++done, total: entries.length });
  });
  for (const [code, { error, slugs }] of failed) {
    slugs.sort();
    report.problems.push({
      file: options.papersDir,
      line: null,
      severity: 'error',
      message: `${slugs.length} paper file(s) could not be written (${codeAndWords(error)}), such as ${slugs[0]}.md; ${WRITE_ADVICE[code] ?? 'fix that and run ingest again'}. Every file there is still whole, as it was.`,
    });
  }
  return new Set([...failed.values()].flatMap((group) => group.slugs));
}

const WRITE_ADVICE: Record<string, string> = {
  EROFS: 'make the folder writable and run ingest again',
  EACCES: 'make the folder writable and run ingest again',
  EPERM: 'make the folder writable and run ingest again',
  ENOSPC: 'free some space and run ingest again',
  EDQUOT: 'free some space and run ingest again',
  EEXIST: 'a file appeared under that name while ingest ran; run ingest again',
};

/** A listing and the path it was read from, which the problems merging finds in it name. */
interface LoadedListing {
  listing: Listing;
  path: string;
  /** Of its bytes (ingest-index.ts), and the file's size and mtime when they were read. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** A listing's bytes, read before it is parsed (null while the index vouches for its hash): one the index knows is not parsed at all. */
interface ReadListing {
  path: string;
  bytes: Uint8Array | null;
  hash: string;
  size: number;
  mtimeMs: number;
}

/**
 * Folders yield their `.txt` and `.json` entries, in name order, whatever they are (a folder or a
 * pipe named `x.txt` is refused by name when it is read); named paths are taken as they are.
 */
async function listingFiles(inputs: string[], problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      // A dangling or looping link is named by the reader, which says what it is.
      if ((await lstat(input).catch(() => null))?.isSymbolicLink()) out.push(input);
      else problems.push({ file: input, line: null, severity: 'error', message: errorCode(error) === 'ENOENT' ? 'no such file or folder' : `${describeFileError(error)}; check the path` });
      continue;
    }
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(input)).filter((n) => LISTING_NAME.test(n)).sort();
      } catch (error) {
        problems.push({ file: input, line: null, severity: 'error', message: `the folder ${describeFileError(error)}; make it readable and run ingest again` });
        continue;
      }
      if (names.length === 0) problems.push({ file: input, line: null, severity: 'warning', message: 'no .txt or .json listings in this folder' });
      out.push(...names.map((n) => join(input, n)));
    } else out.push(input);
  }
  return [...new Set(out)];
}

/** Text captures and Daily Papers JSON; not hidden files, nor a fetch's unfinished temp file (`x.json.1234567`). */
const LISTING_NAME = /^[^.].*\.(?:txt|json)$/;

async function readListingBytes(path: string, projectRoot: string, problems: Problem[]): Promise<Uint8Array | null> {
  try {
    return await readListingFile(path, projectRoot);
  } catch (error) {
    if (!(error instanceof UnreadableListingError)) throw error;
    problems.push({ file: path, line: null, severity: 'error', message: error.message });
    return null;
  }
}

function parseListing(path: string, bytes: Uint8Array, date: string | null, problems: Problem[], onProgress: IngestOptions['onProgress']): Listing | null {
  const file = basename(path);
  try {
    const { text, warning } = decodeListing(bytes);
    const listing = readListing(file, text, date, (done, total) => onProgress?.({ stage: 'parsing', file, done, total }));
    // The listing is known by its base name in the papers; its problems name the path the
    // maintainer gave, so `content/listings/x.txt:13` can be opened as printed.
    for (const p of listing.problems) p.file = path;
    if (warning) listing.problems.unshift({ file: path, line: null, severity: 'warning', message: warning });
    if (listing.records.length === 0) {
      listing.problems.push({ file: path, line: null, severity: 'error', message: 'no paper records found in it' });
    }
    return listing;
  } catch (error) {
    if (error instanceof UnreadableListingError || error instanceof CaptureDateError) {
      problems.push({ file: path, line: null, severity: 'error', message: error.message });
      return null;
    }
    throw error;
  }
}

// writeAtomic writes `<slug>.md.<number>`, then renames it over `<slug>.md`; a run
// killed between the two leaves that temp file. Nothing reads it (ingest and the build read
// only `*.md`) and the paper file it was meant to replace is still whole, so it can go.
const INTERRUPTED_WRITE = /\.md\.\d{7,}$/;

/** The folder's paper files (`*.md`), in name order, once temp files left by an interrupted run are removed. */
async function paperFileNames(dir: string, problems: Problem[]): Promise<string[]> {
  const names = await readdir(dir);
  for (const name of names.filter((n) => INTERRUPTED_WRITE.test(n))) {
    await rm(join(dir, name), { force: true });
    problems.push({ file: join(dir, name), line: null, severity: 'warning', message: 'removed a temporary file left by an interrupted ingest' });
  }
  return names.filter((n) => n.endsWith('.md')).sort();
}

interface Store {
  /** Papers by title key: usually one, more when papers share a title but not an abstract. */
  byKey: Map<string, Stored[]>;
  byArxiv: Map<string, Stored>;
  bySlug: Map<string, Stored>;
  /** Every slug in use, including those of files too broken to read. */
  slugOwner: Map<string, SlugOwner>;
  /** Files too broken to read (their paths), by slug and, where their frontmatter still tells it, by title key and arXiv id. */
  brokenBySlug: Map<string, string>;
  brokenByKey: Map<string, string>;
  brokenByArxiv: Map<string, string>;
  /** Papers by the start of their abstract, to find likely duplicates; built on first need. */
  byAbstract?: Map<string, Stored[]>;
}

/**
 * Every paper file, known from the index or read. Unless the index is trusted, each file is
 * `stat`ed first and one the index knows unchanged is not read. Trusted (the folder is as the
 * last run left it), a file the index knows is taken as it says, unchecked (`unverified`),
 * until a record can reach it (stillAsIndexed).
 */
async function loadPapers(dir: string, names: string[], problems: Problem[], index: IngestIndex, trustIndex: boolean): Promise<Store> {
  const store: Store = { byKey: new Map(), byArxiv: new Map(), bySlug: new Map(), slugOwner: new Map(), brokenBySlug: new Map(), brokenByKey: new Map(), brokenByArxiv: new Map() };
  // The folder's path, normalised once: join() for each of 100,000 names costs a tenth of a second.
  const prefix = join(dir, '_').slice(0, -1);
  const seen: Array<{ size: number; mtimeMs: number } | null> = [];
  const known: Array<IndexedPaper | undefined> = [];
  for (const name of names) {
    const indexed = index.papers[name.slice(0, -3)];
    if (trustIndex && indexed) {
      seen.push(indexed);
      known.push(indexed);
      continue;
    }
    // One by one and synchronously: 30,000 metadata calls take a tenth of the time they take as promises.
    const s = lstatSync(prefix + name, { throwIfNoEntry: false });
    seen.push(s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null);
    known.push(s?.isFile() && unchangedSince(indexed, s.size, s.mtimeMs) ? indexed : undefined);
  }
  const readText = (name: string) => readFile(prefix + name, 'utf8').catch((error: unknown) => ({ error }));
  const texts: Array<string | { error: unknown } | null> = names.map(() => null);
  await forEachConcurrently(
    [...names.keys()].filter((i) => !known[i]),
    READ_CONCURRENCY,
    async (i) => {
      texts[i] = await readText(names[i]!);
    },
  );
  // Files that share a title key are compared by abstract as they load: those are read too.
  const keyCount = new Map<string, number>();
  names.forEach((_, i) => {
    const text = texts[i];
    const key = known[i]?.key ?? (typeof text === 'string' ? (skimTitleKey(text) ?? fileTitleKey(text)) : undefined);
    if (key) keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
  });
  await forEachConcurrently([...names.keys()], READ_CONCURRENCY, async (i) => {
    if (!known[i] || (keyCount.get(known[i].key) ?? 0) <= 1) return;
    // Read now, so known by what it holds: its size and mtime are taken afresh too, trusted index or not.
    const s = lstatSync(prefix + names[i]!, { throwIfNoEntry: false });
    seen[i] = s?.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
    texts[i] = await readText(names[i]!);
  });
  for (const [i, name] of names.entries()) {
    const slug = name.slice(0, -3);
    const path = prefix + name;
    const text = texts[i]!;
    const indexed = known[i];
    if (indexed && text === null) {
      const stored: Stored = { slug, path, text: null, arxiv: indexed.arxiv, key: indexed.key, fingerprint: indexed.fingerprint, seen: seen[i]!, indexed, unverified: trustIndex };
      store.bySlug.set(slug, stored);
      store.slugOwner.set(slug, { kind: 'paper', titleKey: indexed.key });
      const sameKey = store.byKey.get(indexed.key);
      if (sameKey) sameKey.push(stored);
      else store.byKey.set(indexed.key, [stored]);
      if (stored.arxiv === null) continue;
      const sameId = store.byArxiv.get(stored.arxiv);
      if (sameId) problems.push({ file: path, line: null, severity: 'warning', message: `holds the same paper (arXiv ${stored.arxiv}) as ${sameId.path}; later listings with that id go to ${sameId.path} only` });
      else store.byArxiv.set(stored.arxiv, stored);
      continue;
    }
    if (text === null || typeof text !== 'string') {
      // Unreadable (a folder named x.md, no permission): its slug stays taken, and it is named.
      store.slugOwner.set(slug, { kind: 'broken' });
      store.brokenBySlug.set(slug, path);
      problems.push({ file: path, line: null, severity: 'error', message: `${describeFileError(text?.error)}; make it a readable paper file or move it out of the folder` });
      continue;
    }
    const stored: Stored = { slug, path, text, arxiv: null, seen: seen[i] ?? null };
    store.bySlug.set(slug, stored);
    const key = skimTitleKey(text) ?? open(stored, store, problems)?.fields.titleKey;
    if (key === undefined) continue;
    stored.key = key;
    // Every file holds its slug, whether or not later captures can reach it.
    store.slugOwner.set(slug, { kind: 'paper', titleKey: key });
    const others = store.byKey.get(key) ?? [];
    const copyOf = others.find((o) => compareAbstracts(bodyText(o), bodyText(stored)) !== 'different');
    if (copyOf) {
      // A copied or renamed file: only one of the two can receive later captures.
      problems.push({ file: path, line: null, severity: 'warning', message: `holds the same paper (titleKey "${key}") as ${copyOf.path}; later captures go to ${copyOf.path} only` });
      continue;
    }
    store.byKey.set(key, [...others, stored]);
    const arxiv = skimArxivId(text);
    stored.arxiv = arxiv === undefined ? (open(stored, store, problems)?.fields.arxiv ?? null) : arxiv;
    if (stored.arxiv === null || store.brokenBySlug.has(slug)) continue;
    const sameId = store.byArxiv.get(stored.arxiv);
    if (sameId) problems.push({ file: path, line: null, severity: 'warning', message: `holds the same paper (arXiv ${stored.arxiv}) as ${sameId.path}; later listings with that id go to ${sameId.path} only` });
    else store.byArxiv.set(stored.arxiv, stored);
  }
  return store;
}

/** A stored paper's body: its abstract and any notes below it. */
function bodyText(stored: Stored): string {
  return stored.entry ? stored.entry.body : skimBody(textOf(stored));
}

function textOf(stored: Stored): string {
  // loadTexts reads every file a run can reach before the (synchronous) merge.
  if (stored.text === null) throw new Error(`${stored.path} was not read before it was needed`);
  return stored.text;
}

/**
 * Reads the files not read yet among these. One that cannot be read now (its permissions changed
 * without its mtime) is named and treated as a broken file: kept, never written, its slug reserved.
 */
async function loadTexts(list: Stored[], store: Store, problems: Problem[]): Promise<void> {
  await forEachConcurrently(
    list.filter((s) => s.text === null),
    READ_CONCURRENCY,
    async (stored) => {
      try {
        stored.text = await readFile(stored.path, 'utf8');
      } catch (error) {
        problems.push({ file: stored.path, line: null, severity: 'error', message: `${describeFileError(error)}; make it a readable paper file or move it out of the folder` });
        store.slugOwner.set(stored.slug, { kind: 'broken' });
        store.brokenBySlug.set(stored.slug, stored.path);
        store.bySlug.delete(stored.slug);
        if (stored.key !== undefined) {
          store.brokenByKey.set(stored.key, stored.path);
          removeFromKey(store, stored.key, stored);
        }
        if (stored.arxiv !== null) {
          store.brokenByArxiv.set(stored.arxiv, stored.path);
          if (store.byArxiv.get(stored.arxiv) === stored) store.byArxiv.delete(stored.arxiv);
        }
      }
    },
  );
}

/** Every stored paper a record of these listings could be merged into (by title key or arXiv id). */
function reachableFrom(loaded: LoadedListing[], store: Store): Stored[] {
  const reachable = new Set<Stored>();
  const add = (list: Stored[] | undefined) => list?.forEach((s) => reachable.add(s));
  for (const { listing } of loaded) {
    for (const record of listing.records) {
      add(store.byKey.get(titleKey(record.title)));
      add(store.byKey.get(legacyTitleKey(record.title)));
      if (record.arxivId) add([store.byArxiv.get(record.arxivId)].filter((s) => s !== undefined));
      // Papers whose abstract merely starts the same way are only compared: read when compared (likelyDuplicate).
    }
  }
  return [...reachable];
}

/**
 * The stored papers whose abstract starts as a record's does: compared with it, never written.
 * Trusting the index, they are checked all the same (a `stat` each): the same paper's file,
 * given its arXiv id or a new title key by hand in place, is found by its abstract before the
 * record can become a second file of it.
 */
function comparedWith(loaded: LoadedListing[], store: Store): Stored[] {
  const compared = new Set<Stored>();
  for (const { listing } of loaded) {
    for (const record of listing.records) {
      const fingerprint = abstractFingerprint(record.abstract);
      if (fingerprint === null) continue;
      for (const stored of abstractIndex(store).get(fingerprint) ?? []) compared.add(stored);
    }
  }
  return [...compared];
}

/** The paper behind a stored file, parsed on first use; null (and an error) if it is broken. */
function open(stored: Stored, store: Store, problems: Problem[]): Entry | null {
  if (stored.entry) return stored.entry;
  if (store.brokenBySlug.has(stored.slug)) return null;
  const text = textOf(stored);
  try {
    const existing = parsePaperFile(text);
    stored.entry = { slug: stored.slug, fields: existing.fields, body: existing.body, existing, originalText: text };
    return stored.entry;
  } catch (error) {
    if (!(error instanceof PaperFileError)) throw error;
    // Keep the slug reserved and never overwrite a file the maintainer must fix by hand.
    store.slugOwner.set(stored.slug, { kind: 'broken' });
    store.brokenBySlug.set(stored.slug, stored.path);
    const { key, arxiv } = brokenFileKeys(text);
    if (key) {
      store.brokenByKey.set(key, stored.path);
      removeFromKey(store, key, stored);
    }
    if (arxiv) {
      store.brokenByArxiv.set(arxiv, stored.path);
      if (store.byArxiv.get(arxiv) === stored) store.byArxiv.delete(arxiv);
    }
    problems.push({ file: stored.path, line: null, severity: 'error', message: `${error.message}; left untouched until fixed` });
    return null;
  }
}

/** A paper file's title key as its frontmatter states it (or its title gives it), for a file skimTitleKey cannot read. */
function fileTitleKey(text: string): string | undefined {
  return brokenFileKeys(text).key ?? undefined;
}

/** The title key and arXiv id a broken file's frontmatter still tells, if its YAML parses at all. */
function brokenFileKeys(text: string): { key: string | null; arxiv: string | null } {
  try {
    const { data } = readFrontmatter(text);
    const arxiv = typeof data.arxiv === 'string' && data.arxiv !== '' ? data.arxiv : null;
    if (typeof data.titleKey === 'string' && data.titleKey !== '') return { key: data.titleKey, arxiv };
    return { key: typeof data.title === 'string' && titleKey(data.title) !== '' ? titleKey(data.title) : null, arxiv };
  } catch {
    return { key: null, arxiv: null };
  }
}

function removeFromKey(store: Store, key: string, stored: Stored): void {
  const rest = (store.byKey.get(key) ?? []).filter((s) => s !== stored);
  if (rest.length > 0) store.byKey.set(key, rest);
  else store.byKey.delete(key);
}

/**
 * Merges every record, oldest capture first. Returns the papers the listings changed or
 * created, and the papers (by slug) that already recorded a listing, left unread.
 * A record whose paper is (or may be) in a file too broken to read is skipped with an
 * error rather than written to a second file: that would leave a duplicate of the paper
 * once the maintainer fixes the first. The listing stays, so a later run ingests it.
 */
function mergeListings(loaded: LoadedListing[], store: Store, dir: string, problems: Problem[]): { touched: Map<string, Entry>; alreadyRecorded: Set<string>; slugsOf: Map<string, Set<string>> } {
  const touched = new Map<string, Entry>();
  const alreadyRecorded = new Set<string>();
  // The papers each listing's records went to, for the ingest index.
  const slugsOf = new Map<string, Set<string>>();
  const wentTo = (file: string, slug: string) => slugsOf.set(file, (slugsOf.get(file) ?? new Set()).add(slug));
  const ordered = [...loaded].sort((a, b) => a.listing.captureDate.localeCompare(b.listing.captureDate) || a.listing.file.localeCompare(b.listing.file));
  for (const { listing, path: where } of ordered) {
    listing.records.forEach((record, i) => {
      const key = titleKey(record.title);
      if (key === '') {
        // The parser refuses such titles; this keeps a paper without identity out of the store regardless.
        problems.push({ file: where, line: record.line, severity: 'error', message: `"${record.title}" has no letters or digits to identify the paper by; skipped` });
        return;
      }
      const appearance = { file: listing.file, captureDate: listing.captureDate, rank: i + 1, upvotes: record.upvotes };
      // Once a paper has an arXiv id, that is how listings find it: a corrected title still matches.
      const byId = record.arxivId === null ? undefined : store.byArxiv.get(record.arxivId);
      const sameKey = store.byKey.get(key) ?? [];
      // A paper with another arXiv id is not this one, whatever its title.
      const candidates = byId ? [byId] : sameKey.filter((c) => !c.arxiv || !record.arxivId || c.arxiv === record.arxivId);
      const otherId = sameKey[0];
      if (!byId && candidates.length === 0 && otherId && record.arxivId) {
        problems.push({
          file: where,
          line: record.line,
          severity: 'error',
          message: `"${record.title}" (arXiv ${record.arxivId}) has the title of the paper in ${otherId.path || otherId.slug}, which is arXiv ${otherId.arxiv}; skipped: if that file's arxiv is wrong, correct it and ingest again`,
        });
        return;
      }
      // Already recorded in this file: nothing to merge, and no need to parse it.
      if (candidates.length === 1 && !candidates[0]!.entry && skimHasAppearance(textOf(candidates[0]!), listing.file)) {
        alreadyRecorded.add(candidates[0]!.slug);
        wentTo(listing.file, candidates[0]!.slug);
        return;
      }
      const stored = byId ?? (candidates.length > 0 ? samePaper(candidates, record.abstract) : legacyKeyed(store, record.title, key, problems, touched));
      if (stored && !stored.entry && skimHasAppearance(textOf(stored), listing.file)) {
        alreadyRecorded.add(stored.slug);
        wentTo(listing.file, stored.slug);
        return;
      }
      let entry = stored ? open(stored, store, problems) : null;
      if (stored && !entry) {
        problems.push({ file: where, line: record.line, severity: 'error', message: `"${record.title}" is the paper in ${stored.path}, which cannot be read; skipped until that file is fixed` });
        return;
      }
      if (!entry) {
        const heldBy = (record.arxivId === null ? undefined : store.brokenByArxiv.get(record.arxivId)) ?? store.brokenByKey.get(key) ?? store.brokenBySlug.get(baseSlug(record.title));
        if (heldBy) {
          problems.push({ file: where, line: record.line, severity: 'error', message: `"${record.title}" may be the paper in ${heldBy}, which cannot be read; skipped until that file is fixed` });
          return;
        }
        // A paper that shares its title key with another one but not its abstract: a slug of its own.
        const sharesKey = candidates[0];
        const identity = sharesKey ? `${key}\n${record.abstract ?? ''}` : key;
        const slug = chooseSlug(record.title, identity, (s) => store.slugOwner.get(s));
        entry = { slug, fields: createPaper(record, key, appearance), body: bodyOf(record.abstract), existing: null, originalText: null };
        const created: Stored = { slug, path: join(dir, `${slug}.md`), text: '', arxiv: null, key, entry, seen: null };
        if (sharesKey) {
          problems.push({ file: where, line: record.line, severity: 'warning', message: `"${record.title}" has the title of ${sharesKey.path} but a different abstract: written as a separate paper, ${created.path}` });
        } else {
          const twin = likelyDuplicate(store, record.abstract, key);
          if (twin) problems.push({ file: where, line: record.line, severity: 'warning', message: `"${record.title}" (${created.path}) has the same abstract as ${twin.path}, under another title: likely the same paper; if so, merge the two files by hand (docs/paper-files.md)` });
        }
        store.byKey.set(key, [...sameKey, created]);
        store.bySlug.set(slug, created);
        store.slugOwner.set(slug, { kind: 'paper', titleKey: identity });
        addToAbstractIndex(store, created);
        knowArxivId(store, created, entry.fields.arxiv);
      } else {
        entry.fields = mergeRecord(entry.fields, record, appearance);
        // A paper first captured without its abstract gets it from a later listing.
        if (entry.body.trim() === '' && record.abstract) {
          entry.body = bodyOf(record.abstract);
          stored!.shape = undefined;
        }
        knowArxivId(store, stored!, entry.fields.arxiv);
      }
      touched.set(entry.slug, entry);
      wentTo(listing.file, entry.slug);
    });
  }
  return { touched, alreadyRecorded, slugsOf };
}

/**
 * Of the papers with a record's title key, the one the record is: the one with the same
 * abstract, else one whose abstract is unknown; none when every one clearly differs.
 */
function samePaper(candidates: Stored[], abstract: string | null): Stored | undefined {
  if (candidates.length === 1 && abstract === null) return candidates[0];
  const matches = candidates.map((c) => compareAbstracts(abstract, bodyText(c)));
  const same = matches.indexOf('same');
  return candidates[same !== -1 ? same : matches.indexOf('unknown')];
}

/**
 * A paper file keyed by the older rule (letters and digits only): the record's title keyed that
 * way finds it, and its own title gives the record's key under the current rule. Its key is
 * rewritten, so it is found directly from then on; nothing else of the file changes. A file
 * whose title was edited by hand keeps its key, and a capture of it is reported as a likely
 * duplicate instead.
 */
function legacyKeyed(store: Store, title: string, key: string, problems: Problem[], touched: Map<string, Entry>): Stored | undefined {
  const legacy = legacyTitleKey(title);
  if (legacy === key) return undefined;
  for (const stored of store.byKey.get(legacy) ?? []) {
    const entry = open(stored, store, problems);
    if (!entry || entry.fields.titleKey !== legacy || legacyTitleKey(entry.fields.title) !== legacy || titleKey(entry.fields.title) !== key) continue;
    entry.fields = { ...entry.fields, titleKey: key };
    removeFromKey(store, legacy, stored);
    store.byKey.set(key, [...(store.byKey.get(key) ?? []), stored]);
    store.slugOwner.set(stored.slug, { kind: 'paper', titleKey: key });
    touched.set(entry.slug, entry);
    return stored;
  }
  return undefined;
}

/** A paper under another title key with the same abstract, if there is one. */
function likelyDuplicate(store: Store, abstract: string | null, key: string): Stored | undefined {
  const fingerprint = abstractFingerprint(abstract);
  if (fingerprint === null) return undefined;
  const shape = abstractShape(abstract);
  return abstractIndex(store)
    .get(fingerprint)
    ?.find((s) => (s.entry?.fields.titleKey ?? s.key) !== key && readForComparison(s) && compareShapes(shape, shapeOf(s)) === 'same');
}

/**
 * Papers found by the start of their abstract alone are compared with a new one, never written:
 * each is read when its turn comes (synchronously, as the merge is), so the search stops at the
 * first twin instead of reading every paper that opens with "Large language models have…". One
 * that cannot be read is passed over; it is named when a record reaches it by title or arXiv id.
 */
function readForComparison(stored: Stored): boolean {
  if (stored.text !== null) return true;
  try {
    stored.text = readFileSync(stored.path, 'utf8');
    return true;
  } catch {
    return false;
  }
}

/** Papers by the start of their abstract, built on first need (from the index where it knows a file). */
function abstractIndex(store: Store): Map<string, Stored[]> {
  if (!store.byAbstract) {
    store.byAbstract = new Map();
    for (const stored of store.bySlug.values()) addToAbstractIndex(store, stored);
  }
  return store.byAbstract;
}

/** A stored paper's abstract as comparisons need it, worked out once per run (abstracts.ts). */
function shapeOf(stored: Stored): AbstractShape {
  stored.shape ??= abstractShape(bodyText(stored));
  return stored.shape;
}

/** The start of a stored paper's abstract; null for one too short to compare (known from the index or computed once). */
function fingerprintOf(stored: Stored): string | null {
  if (stored.fingerprint === undefined) stored.fingerprint = abstractFingerprint(bodyText(stored));
  return stored.fingerprint;
}

function addToAbstractIndex(store: Store, stored: Stored): void {
  if (!store.byAbstract) return;
  const fingerprint = fingerprintOf(stored);
  if (fingerprint !== null) store.byAbstract.set(fingerprint, [...(store.byAbstract.get(fingerprint) ?? []), stored]);
}

/** Later listings of this run find the paper by its id too, once it has one. */
function knowArxivId(store: Store, stored: Stored, arxiv: string | null): void {
  if (arxiv === null || stored.arxiv === arxiv) return;
  stored.arxiv = arxiv;
  if (!store.byArxiv.has(arxiv)) store.byArxiv.set(arxiv, stored);
}

function bodyOf(abstract: string | null): string {
  return abstract ? `${abstract}\n` : '';
}

const WRITE_CONCURRENCY = 16;
const READ_CONCURRENCY = 32;
