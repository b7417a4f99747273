/**
 * The frontmatter of `content/papers/<slug>.md` (written by ingest, possibly edited by hand
 * later), and the one definition of a paper's shape: the types below are derived from it.
 * Kept outside src/content.config.ts so tests and scripts can validate files without booting
 * Astro. `astro/zod` is Astro 7's re-export of zod v4.
 */
import { z } from 'astro/zod';
import { parseIsoDate } from '../listing/dates.ts';
import { ARXIV_ID } from '../listing/arxiv.ts';

/** A topic slug: lower-case words joined by hyphens. Each becomes a URL (/topics/<slug>/). */
export const TOPIC_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A day, always output as `YYYY-MM-DD`. Paper files are read as YAML 1.1 (file.ts), which
 * turns an unquoted `2025-10-13` into a Date at UTC midnight, so hand edits that drop
 * the quotes must still validate.
 */
const dayField = z
  .union([z.string(), z.date()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
  .refine((value) => parseIsoDate(value) === value, {
    message: 'expected a date written as YYYY-MM-DD',
  });

// looseObject: maintainers may add their own keys; they must survive validation.
const orgSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
});

const appearanceSchema = z.looseObject({
  /** The listing's file name. */
  file: z.string().min(1),
  captureDate: dayField,
  /** 1-based position of the paper in that listing. */
  rank: z.int().min(1),
  /** Upvotes shown that day, if the listing had them. */
  upvotes: z.int().min(0).nullable().default(null),
});

// Quoted because YAML reads an unquoted 2501.01230 as the number 2501.0123: the id would be lost.
const ARXIV_HINT = 'expected an arXiv identifier without version, in quotes, such as "2501.01234"';

/** The fields ingest owns, in the order it writes them. */
const paperFieldsSchema = z.object({
  title: z.string().min(1),
  /** Normalised title that merges captures of the same paper; survives title edits. */
  titleKey: z.string().min(1),
  /** The arXiv identifier, once a listing gave it: from then on the paper's identity (ids never change, titles may). */
  arxiv: z.string({ error: ARXIV_HINT }).regex(ARXIV_ID, ARXIV_HINT).nullable().default(null),
  /** Author names in order, when a listing named them (the Daily Papers JSON does). */
  authors: z.array(z.string().min(1)).nullable().default(null),
  authorsCount: z.int().min(1).nullable().default(null),
  org: orgSchema.nullable().default(null),
  published: dayField.nullable().default(null),
  publishedText: z.string().nullable().default(null),
  upvotes: z.int().min(0).nullable().default(null),
  urls: z.array(z.string()).default([]),
  /** The code repository a listing named (apart from links in the abstract). */
  github: z.string().nullable().default(null),
  /** The project page a listing named. */
  projectPage: z.string().nullable().default(null),
  /** Topics shown on the site: the classifier's, unless a maintainer set them by hand. */
  topics: z.array(z.string().regex(TOPIC_SLUG, 'expected a topic slug such as "vision"')).default([]),
  /** What the classifier said last; `topics` differing from it marks a hand edit to keep. */
  autoTopics: z.array(z.string()).default([]),
  listings: z.array(appearanceSchema).min(1),
});

/** A paper file's frontmatter as validated: ingest's fields, and any key a maintainer added. */
export const paperSchema = paperFieldsSchema.loose();

/** One listing a paper was seen in. */
export type Appearance = z.output<typeof appearanceSchema>;
/** A paper as ingest keeps it. */
export type PaperFields = z.output<typeof paperFieldsSchema>;
/** A paper file's frontmatter: a paper's fields plus the maintainer's own keys. */
export type PaperData = z.output<typeof paperSchema>;

/** Frontmatter keys ingest owns, in the order it writes them. Others are the maintainer's. */
export const PAPER_KEYS = paperFieldsSchema.keyof().options;
