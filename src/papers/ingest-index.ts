/**
 * The ingest index, `content/.papers-index.json` beside the papers folder: each paper file's
 * title key and arXiv id (by slug), and each listing already ingested (by file name: a hash of its bytes
 * and of the capture date it was read with, and the slugs of the papers it holds). With it,
 * ingesting one more day reads only that day's listing, the files of the papers it names and
 * this index, instead of every listing and every paper file (at 30,000 papers, 632 listings
 * and 30,000 files: docs/performance.md).
 *
 * It is a cache, never the truth: the paper files are. A missing, unreadable or outdated
 * index means a full scan, as without one; a paper file not in it, or whose size or
 * modification time differs from what the index noted (a hand edit), is read; a listing is read
 * again when its bytes change or a paper it named has gone. Deleting the index makes the next
 * run read everything.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeAtomic } from '../utils/atomic-write.ts';

const VERSION = 3;

export interface IngestIndex {
  /** slug → title key of every readable paper file, and the file's size and mtime when the key was read. */
  papers: Map<string, IndexedPaper>;
  /** listing file name → what ingesting it gave. */
  listings: Map<string, IngestedListing>;
  /** The file's text as read, so that an unchanged index is not written again. */
  text?: string;
}

export interface IndexedPaper {
  key: string;
  /** Its arXiv id, which later listings find it by. */
  arxiv?: string | null;
  size: number;
  /** Whole milliseconds: what a copy or a `touch` keeps. */
  mtimeMs: number;
}

export interface IngestedListing {
  /** sha256 of the listing's bytes and the capture date it was read with. */
  hash: string;
  /** The papers its records were merged into. */
  slugs: string[];
}

export function ingestIndexPath(papersDir: string): string {
  return join(dirname(papersDir), `.${basename(papersDir)}-index.json`);
}

/** The identity of one reading of a listing: its bytes and the capture date stated for it, if any. */
export function listingHash(bytes: Uint8Array, date: string | null): string {
  return createHash('sha256').update(bytes).update(`\0${date ?? ''}`).digest('hex');
}

/** The index, or null when there is none or it cannot be used (then ingest scans everything). */
export async function readIngestIndex(papersDir: string): Promise<IngestIndex | null> {
  try {
    const text = await readFile(ingestIndexPath(papersDir), 'utf8');
    const json = JSON.parse(text) as {
      version?: number;
      papers?: Record<string, IndexedPaper>;
      listings?: Record<string, IngestedListing>;
    };
    if (json.version !== VERSION || !json.papers || !json.listings) return null;
    return { papers: new Map(Object.entries(json.papers)), listings: new Map(Object.entries(json.listings)), text };
  } catch {
    return null;
  }
}

/**
 * Written last in a run, atomically (a run that dies before leaves the old index, which reads
 * as "look again"), and only when it changed.
 */
export async function writeIngestIndex(papersDir: string, index: IngestIndex, previous: IngestIndex | null): Promise<void> {
  const text = JSON.stringify({ version: VERSION, papers: Object.fromEntries(index.papers), listings: Object.fromEntries(index.listings) });
  if (text !== previous?.text) await writeAtomic(ingestIndexPath(papersDir), text);
}
