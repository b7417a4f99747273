/**
 * The per-day file `/digests/YYYY-MM-DD.json`: what the browser needs to catch a reader up and
 * match a watchlist, for one digest day, without loading the search index. Written by the build
 * (src/pages/digests/[date].json.ts, day-file-write.ts), read by the personal pages' scripts.
 *
 * Rows are tuples, not objects, and the slug is left out where the browser can derive it from
 * the title: a 400-paper day must stay under 20 KB gzipped (docs/personal.md).
 */
import { wordsOf } from './words.ts';

export const DAY_FILE_VERSION = 1;

/**
 * One paper of the day, in the day's ranked order:
 * [title, slug (0: slugFromTitle(title)), topic indexes into `topics`, organisation (0: none),
 *  first-listed day (0: this day), upvotes that day (null: not shown), days listed so far,
 *  distinctive words of the abstract's first sentence (space-separated)]
 */
export type DayRow = [string, string | 0, number[], string | 0, string | 0, number | null, number, string];

export interface DayFileJson {
  v: number;
  day: string;
  topics: string[];
  papers: DayRow[];
}

/** A paper of a day file, decoded. */
export interface DayPaper {
  slug: string;
  title: string;
  topics: string[];
  org: string | null;
  /** The first digest day the paper was listed on. */
  firstListed: string;
  upvotes: number | null;
  /** How many digest days have listed it. */
  appearances: number;
  /** Words of the abstract's first sentence not already in the title, rarest first. */
  words: string;
  /** The day of the file it was read from, and its place in that day's ranking (1-based). */
  day: string;
  rank: number;
}

const MAX_SLUG = 80;

/**
 * The slug a title would get when nothing about it is unusual (src/papers/slug.ts makes the real
 * one with transliteration and clash suffixes). The build stores a paper's slug only where this
 * guess is wrong, so the browser can rebuild it without a slugify library.
 */
export function slugFromTitle(title: string): string {
  const full = wordsOf(title.replace(/['’]/g, '')).join('-').replace(/[^a-z0-9-]/g, '');
  const slug = full.replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_SLUG / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG);
}

/** Reads a day file; throws on one that is not in this format (a newer build's, or not one at all). */
export function decodeDay(json: unknown): DayPaper[] {
  const file = json as DayFileJson;
  if (file?.v !== DAY_FILE_VERSION || !Array.isArray(file.papers)) throw new Error('not a digest day file of this version');
  return file.papers.map(([title, slug, topics, org, firstListed, upvotes, appearances, words], i) => ({
    slug: slug || slugFromTitle(title),
    title,
    topics: topics.map((t) => file.topics[t]!).filter(Boolean),
    org: org || null,
    firstListed: firstListed || file.day,
    upvotes,
    appearances,
    words,
    day: file.day,
    rank: i + 1,
  }));
}
