/**
 * Merging what a listing says about a paper into what we already know. Only new
 * information changes a paper: a listing already recorded in its appearances is a
 * no-op, which is what makes re-ingest idempotent and keeps a maintainer's edits.
 */
import type { ListingRecord } from '../listing/types.ts';
import type { Appearance, PaperFields } from './schema.ts';

export function createPaper(record: ListingRecord, key: string, appearance: Appearance): PaperFields {
  return {
    title: record.title,
    titleKey: key,
    arxiv: record.arxivId,
    authors: record.authors,
    authorsCount: record.authorsCount,
    org: record.org,
    published: record.published,
    publishedText: record.publishedText,
    upvotes: record.upvotes,
    urls: record.urls,
    github: record.githubRepo,
    projectPage: record.projectPage,
    topics: [],
    autoTopics: [],
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
    // Filled in when missing, never replaced: a value already there is a listing's or the maintainer's.
    arxiv: paper.arxiv ?? record.arxivId,
    authors: paper.authors ?? record.authors,
    github: paper.github ?? record.githubRepo,
    projectPage: paper.projectPage ?? record.projectPage,
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

/**
 * Files the paper under the classifier's topics, unless a maintainer chose others by hand:
 * hand-set topics are those that differ from what the classifier said last time.
 */
export function fileUnderTopics(paper: PaperFields, classified: string[]): PaperFields {
  const handSet = paper.topics.length > 0 && !sameList(paper.topics, paper.autoTopics);
  const topics = handSet ? paper.topics : classified;
  if (sameList(topics, paper.topics) && sameList(classified, paper.autoTopics)) return paper;
  return { ...paper, topics, autoTopics: classified };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
