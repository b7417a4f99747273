/**
 * The ingest index (`content/.papers-index.json`, beside the papers folder): what ingest needs
 * to know of the archive without reading it. For each paper file, its size and modification
 * time when last seen and what finds it (title key, arXiv id, the start of its abstract); for
 * each listing merged without an error, a hash of its bytes and the papers its records went to.
 *
 * One more day then reads only its own listing and the few paper files its records can reach:
 * a listing whose bytes are unchanged (and whose papers are all still there) is not read
 * again, and a paper file whose size and time are unchanged is known from the index until a
 * listing touches it. Any file that changed, by hand or otherwise, is read as before. The index
 * is a cache: a missing or unreadable one costs a full read, never a paper; it is written last.
 *
 * It also holds the papers folder's own modification time when it was written. While the folder
 * still has it, no file was added, removed or renamed there since (git, `rm`, `mv` and editors
 * that save by renaming all change it), so ingest need not `stat` every file to know the archive:
 * it checks only the files a record can reach (ingest.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeAtomic } from '../utils/atomic-write.ts';

export interface IndexedPaper {
  size: number;
  mtimeMs: number;
  key: string;
  arxiv: string | null;
  fingerprint: string | null;
}

/** A listing on disk: its papers by their position in the papers' columns, not by slug. */
const listingOnDisk = z.object({
  hash: z.string(),
  papers: z.array(z.number().int().nonnegative()),
  /** The file's size and mtime when it was hashed, and the capture date stated then: all unchanged, it is not even read to be hashed again. */
  size: z.number(),
  mtimeMs: z.number(),
  statedDate: z.string().nullable(),
});
type ListingOnDisk = z.infer<typeof listingOnDisk>;

/**
 * The papers on disk, one array per field, a paper's fields at the same position in each, and
 * listings naming their papers by that position. At 100,000 papers this parses in 25 ms and is
 * written in 60, against 220 and 170 ms for an object per paper, of a one-more-day ingest that
 * should take under 2 s; and a slug taken from the column is the very string the papers are
 * keyed by, so looking a listing's papers up does not hash 100,000 strings again.
 */
interface PaperColumns {
  slug: string[];
  size: number[];
  mtimeMs: number[];
  key: string[];
  arxiv: Array<string | null>;
  fingerprint: Array<string | null>;
}

const ingestIndexFile = z.object({
  version: z.literal(3),
  /** The papers folder's mtime once this run's files were written; absent in an index of older code. */
  folderMtimeMs: z.number().optional(),
  papers: z.unknown(),
  listings: z.record(z.string(), listingOnDisk),
});

export interface IndexedListing extends Omit<ListingOnDisk, 'papers'> {
  /** The slugs of the papers its records went to. */
  slugs: string[];
}
export interface IngestIndex {
  version: 3;
  folderMtimeMs?: number;
  /** By slug. */
  papers: Map<string, IndexedPaper>;
  /** By file name. */
  listings: Record<string, IndexedListing>;
}

/**
 * The papers' columns, checked by hand rather than by a schema: zod's parse of 100,000 entries
 * takes longer than the whole read. Every column must be as long as the slugs and hold its
 * field's type.
 */
function parseColumns(raw: unknown): PaperColumns | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const columns = raw as Record<keyof PaperColumns, unknown>;
  const n = Array.isArray(columns.slug) ? columns.slug.length : -1;
  const column = <T>(value: unknown, is: (v: unknown) => v is T): value is T[] => Array.isArray(value) && value.length === n && value.every(is);
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isNumber = (v: unknown): v is number => typeof v === 'number';
  const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
  const { slug, size, mtimeMs, key, arxiv, fingerprint } = columns;
  if (!column(slug, isString) || !column(size, isNumber) || !column(mtimeMs, isNumber) || !column(key, isString) || !column(arxiv, isStringOrNull) || !column(fingerprint, isStringOrNull)) return null;
  return { slug, size, mtimeMs, key, arxiv, fingerprint };
}

function fromColumns({ slug, size, mtimeMs, key, arxiv, fingerprint }: PaperColumns): Map<string, IndexedPaper> {
  const papers = new Map<string, IndexedPaper>();
  for (let i = 0; i < slug.length; i++) papers.set(slug[i]!, { size: size[i]!, mtimeMs: mtimeMs[i]!, key: key[i]!, arxiv: arxiv[i]!, fingerprint: fingerprint[i]! });
  return papers;
}

function toColumns(papers: Map<string, IndexedPaper>): PaperColumns {
  const columns: PaperColumns = { slug: [], size: [], mtimeMs: [], key: [], arxiv: [], fingerprint: [] };
  for (const [slug, paper] of papers) {
    columns.slug.push(slug);
    columns.size.push(paper.size);
    columns.mtimeMs.push(paper.mtimeMs);
    columns.key.push(paper.key);
    columns.arxiv.push(paper.arxiv);
    columns.fingerprint.push(paper.fingerprint);
  }
  return columns;
}

export const emptyIndex = (): IngestIndex => ({ version: 3, papers: new Map(), listings: {} });

export function ingestIndexPath(papersDir: string): string {
  return join(dirname(papersDir), `.${basename(papersDir)}-index.json`);
}

/** The index as the last run left it; empty when there is none, it cannot be trusted, or older code wrote it. */
export async function readIngestIndex(papersDir: string): Promise<IngestIndex> {
  try {
    const raw: unknown = JSON.parse(await readFile(ingestIndexPath(papersDir), 'utf8'));
    const outline = ingestIndexFile.safeParse(raw);
    const columns = outline.success ? parseColumns(outline.data.papers) : null;
    const listings = outline.success && columns ? listingsBySlug(outline.data.listings, columns.slug) : null;
    return outline.success && columns && listings ? { ...outline.data, papers: fromColumns(columns), listings } : emptyIndex();
  } catch {
    return emptyIndex();
  }
}

export async function writeIngestIndex(papersDir: string, index: IngestIndex): Promise<void> {
  const columns = toColumns(index.papers);
  const file: z.input<typeof ingestIndexFile> = { ...index, papers: columns, listings: listingsByPosition(index.listings, columns.slug) };
  await writeAtomic(ingestIndexPath(papersDir), JSON.stringify(file));
}

/** Listings with their papers' slugs; null when one names a position past the papers. */
function listingsBySlug(listings: Record<string, ListingOnDisk>, slugs: string[]): Record<string, IndexedListing> | null {
  const bySlug: Record<string, IndexedListing> = {};
  for (const [file, { papers, ...rest }] of Object.entries(listings)) {
    if (papers.some((i) => i >= slugs.length)) return null;
    bySlug[file] = { ...rest, slugs: papers.map((i) => slugs[i]!) };
  }
  return bySlug;
}

/** Listings with their papers' positions; one naming a paper the index does not hold is left out, to be read again. */
function listingsByPosition(listings: Record<string, IndexedListing>, slugs: string[]): Record<string, ListingOnDisk> {
  const position = new Map(slugs.map((slug, i) => [slug, i]));
  const byPosition: Record<string, ListingOnDisk> = {};
  for (const [file, { slugs: named, ...rest }] of Object.entries(listings)) {
    const papers = named.map((slug) => position.get(slug));
    if (papers.every((i) => i !== undefined)) byPosition[file] = { ...rest, papers };
  }
  return byPosition;
}

/** A listing's identity for the index: its bytes and the capture date the maintainer stated, if any. */
export function listingHash(bytes: Uint8Array, statedDate: string | null): string {
  return createHash('sha256').update(bytes).update(`\0${statedDate ?? ''}`).digest('hex');
}

/** Whether a file is as the index saw it. */
export function unchangedSince(indexed: IndexedPaper | undefined, size: number, mtimeMs: number): indexed is IndexedPaper {
  return indexed !== undefined && indexed.size === size && indexed.mtimeMs === mtimeMs;
}
