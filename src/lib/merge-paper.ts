/**
 * Merging what a listing says about a paper into what we already know. Only new
 * information changes a paper: a listing already recorded in its appearances is a
 * no-op, which is what makes re-ingest idempotent and keeps a maintainer's edits.
 */
import type { ListingRecord } from './listing-types.ts';
import type { Appearance, PaperFields } from './paper.ts';

export function createPaper(record: ListingRecord, key: string, appearance: Appearance): PaperFields {
  return {
    title: record.title,
    titleKey: key,
    authorsCount: record.authorsCount,
    org: record.org,
    published: record.published,
    publishedText: record.publishedText,
    upvotes: record.upvotes,
    urls: record.urls,
    listings: [appearance],
  };
}

/** The paper with the record merged in; the same object when the listing was already seen. */
export function mergeRecord(paper: PaperFields, record: ListingRecord, appearance: Appearance): PaperFields {
  if (paper.listings.some((a) => a.file === appearance.file)) return paper;
  const listings = [...paper.listings, appearance].sort(byCapture);
  const isLatest = listings.at(-1) === appearance;
  const richerDate = record.publishedText !== null && (paper.publishedText === null || (hasYear(record.publishedText) && !hasYear(paper.publishedText)));
  return {
    ...paper,
    authorsCount: paper.authorsCount ?? record.authorsCount,
    org: paper.org ?? record.org,
    published: richerDate ? record.published : paper.published,
    publishedText: richerDate ? record.publishedText : paper.publishedText,
    // Upvotes only grow: the latest capture's count is the truest.
    upvotes: (isLatest ? record.upvotes : null) ?? paper.upvotes ?? record.upvotes,
    urls: [...new Set([...paper.urls, ...record.urls])],
    listings,
  };
}

function byCapture(a: Appearance, b: Appearance): number {
  return a.captureDate.localeCompare(b.captureDate) || a.file.localeCompare(b.file);
}

function hasYear(text: string): boolean {
  return /\d{4}/.test(text);
}
