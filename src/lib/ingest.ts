/**
 * The ingest pipeline: listing files → records → merged papers → Markdown files.
 * Every listing is read and every paper merged in memory first; files are then written
 * one by one atomically, and only when their bytes change.
 */
import { readdir, readFile, stat, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { decodeListing, UnreadableListingError } from './decode-listing.ts';
import { CaptureDateError, readListing, type Listing } from './read-listing.ts';
import { createPaper, mergeRecord } from './merge-paper.ts';
import { newPaperFile, parsePaperFile, PaperFileError, updatePaperFile, type PaperFile } from './paper-file.ts';
import { chooseSlug } from './paper-slug.ts';
import { titleKey } from './title-key.ts';
import type { PaperFields } from './paper.ts';
import type { Problem } from './listing-types.ts';

export interface IngestOptions {
  /** Listing files or folders of them. */
  inputs: string[];
  papersDir: string;
  /** Capture date stated by the maintainer, `YYYY-MM-DD`. */
  date?: string | null;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface IngestReport {
  listings: Listing[];
  /** Files that could not be read at all, and records skipped within files. */
  problems: Problem[];
  created: string[];
  updated: string[];
  unchanged: string[];
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

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const problems: Problem[] = [];
  const files = await listingFiles(options.inputs, problems);
  const listings: Listing[] = [];
  for (const path of files) {
    const listing = await loadListing(path, options.date ?? null, problems);
    if (listing) listings.push(listing);
  }
  for (const l of listings) problems.push(...l.problems);

  const report: IngestReport = { listings, problems, created: [], updated: [], unchanged: [] };
  if (options.dryRun) return report;

  await mkdir(options.papersDir, { recursive: true });
  const store = await loadPapers(options.papersDir, problems);
  const touched = mergeListings(listings, store);

  let done = 0;
  for (const entry of touched) {
    const text = entry.existing ? updatePaperFile(entry.existing, entry.fields, entry.body) : newPaperFile(entry.fields, entry.body);
    if (text === entry.originalText) report.unchanged.push(entry.slug);
    else {
      await writeFileAtomic(join(options.papersDir, `${entry.slug}.md`), text);
      (entry.existing ? report.updated : report.created).push(entry.slug);
    }
    options.onProgress?.(++done, touched.length);
  }
  return report;
}

/** Folders yield their `.txt` files, in name order; named files are taken as they are. */
async function listingFiles(inputs: string[], problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      problems.push({ file: input, line: null, severity: 'error', message: 'no such file or folder' });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => n.endsWith('.txt') && !n.startsWith('.')).sort();
      out.push(...names.map((n) => join(input, n)));
    } else out.push(input);
  }
  return [...new Set(out)];
}

async function loadListing(path: string, date: string | null, problems: Problem[]): Promise<Listing | null> {
  const file = basename(path);
  try {
    const { text, warning } = decodeListing(await readFile(path));
    const listing = readListing(file, text, date);
    if (warning) listing.problems.unshift({ file, line: null, severity: 'warning', message: warning });
    if (listing.records.length === 0) {
      listing.problems.push({ file, line: null, severity: 'error', message: 'no paper records found in it' });
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

interface Store {
  byKey: Map<string, Entry>;
  /** Every slug in use, including those of files too broken to read. */
  slugOwner: Map<string, string>;
}

async function loadPapers(dir: string, problems: Problem[]): Promise<Store> {
  const store: Store = { byKey: new Map(), slugOwner: new Map() };
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  for (const name of names) {
    const slug = name.slice(0, -3);
    const path = join(dir, name);
    const text = await readFile(path, 'utf8');
    try {
      const existing = parsePaperFile(text);
      const entry: Entry = { slug, fields: existing.fields, body: existing.body, existing, originalText: text };
      store.byKey.set(existing.fields.titleKey, entry);
      store.slugOwner.set(slug, existing.fields.titleKey);
    } catch (error) {
      if (!(error instanceof PaperFileError)) throw error;
      // Keep the slug reserved and never overwrite a file the maintainer must fix by hand.
      store.slugOwner.set(slug, `\0broken:${slug}`);
      problems.push({ file: path, line: null, severity: 'error', message: `${error.message}; left untouched until fixed` });
    }
  }
  return store;
}

/** Merges every record, oldest capture first; returns the papers the listings touched. */
function mergeListings(listings: Listing[], store: Store): Entry[] {
  const touched = new Map<string, Entry>();
  const ordered = [...listings].sort((a, b) => a.captureDate.localeCompare(b.captureDate) || a.file.localeCompare(b.file));
  for (const listing of ordered) {
    listing.records.forEach((record, i) => {
      const key = titleKey(record.title);
      const appearance = { file: listing.file, captureDate: listing.captureDate, rank: i + 1, upvotes: record.upvotes };
      let entry = store.byKey.get(key);
      if (!entry) {
        const slug = chooseSlug(record.title, key, (s) => store.slugOwner.get(s));
        entry = { slug, fields: createPaper(record, key, appearance), body: bodyOf(record.abstract), existing: null, originalText: null };
        store.byKey.set(key, entry);
        store.slugOwner.set(slug, key);
      } else {
        entry.fields = mergeRecord(entry.fields, record, appearance);
        // A paper first captured without its abstract gets it from a later listing.
        if (entry.body.trim() === '' && record.abstract) entry.body = bodyOf(record.abstract);
      }
      touched.set(entry.slug, entry);
    });
  }
  return [...touched.values()];
}

function bodyOf(abstract: string | null): string {
  return abstract ? `${abstract}\n` : '';
}
