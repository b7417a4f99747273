/** A paper as ingest keeps it: the frontmatter fields of `content/papers/<slug>.md`. */
import type { Org } from '../listing/types.ts';

/** One listing a paper was seen in. */
export interface Appearance {
  /** The listing's file name. */
  file: string;
  captureDate: string;
  /** 1-based position of the paper in that listing. */
  rank: number;
  /** Upvotes shown that day, if the listing had them. */
  upvotes: number | null;
}

export interface PaperFields {
  title: string;
  /** Normalised title that merges captures of the same paper; survives title edits. */
  titleKey: string;
  authorsCount: number | null;
  org: Org | null;
  published: string | null;
  publishedText: string | null;
  upvotes: number | null;
  urls: string[];
  /** Topics shown on the site: the classifier's, unless a maintainer set them by hand. */
  topics: string[];
  /** What the classifier said last; `topics` differing from it marks a hand edit to keep. */
  autoTopics: string[];
  listings: Appearance[];
}

/** Frontmatter keys ingest owns, in the order it writes them. Others are the maintainer's. */
export const PAPER_KEYS = [
  'title',
  'titleKey',
  'authorsCount',
  'org',
  'published',
  'publishedText',
  'upvotes',
  'urls',
  'topics',
  'autoTopics',
  'listings',
] as const satisfies ReadonlyArray<keyof PaperFields>;
