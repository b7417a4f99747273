/**
 * The frontmatter of `content/papers/<slug>.md` (written by ingest, possibly edited by hand
 * later), and the one definition of a paper's shape: the types below are derived from it.
 * Kept outside src/content.config.ts so tests and scripts can validate files without booting
 * Astro. `astro/zod` is Astro 7's re-export of zod v4.
 */
import { z } from 'astro/zod';
import { parseIsoDate } from '../listing/dates.ts';
import { parseArxivId } from './arxiv.ts';

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

/** The fields ingest owns, in the order it writes them. */
const paperFieldsSchema = z.object({
  title: z.string().min(1),
  /** Normalised title that merges captures of the same paper; survives title edits. */
  titleKey: z.string().min(1),
  authorsCount: z.int().min(1).nullable().default(null),
  org: orgSchema.nullable().default(null),
  published: dayField.nullable().default(null),
  publishedText: z.string().nullable().default(null),
  upvotes: z.int().min(0).nullable().default(null),
  urls: z.array(z.string()).default([]),
  /** Topics shown on the site: the classifier's, unless a maintainer set them by hand. */
  topics: z.array(z.string().regex(TOPIC_SLUG, 'expected a topic slug such as "vision"')).default([]),
  /** What the classifier said last; `topics` differing from it marks a hand edit to keep. */
  autoTopics: z.array(z.string()).default([]),
  listings: z.array(appearanceSchema).min(1),
});

/**
 * Keys the site reads that ingest does not write from text captures: set by hand, or by a
 * listing that carries them. Absent means unknown.
 */
const siteFieldsSchema = z.object({
  /** The arXiv id, `2501.01234` or `2501.01234v2`. YAML reads an unquoted id as a number and drops its trailing zeros, so only a string is taken. */
  arxiv: z
    .string({ message: 'expected an arXiv id in quotes, such as "2501.01234"' })
    .refine((id) => parseArxivId(id) !== null, { message: 'expected an arXiv id such as "2501.01234" or "2501.01234v2"' })
    .transform((id) => parseArxivId(id)!)
    .nullable()
    .default(null),
  /** The authors' names, in order. */
  authors: z.array(z.string().trim().min(1, 'expected an author\'s name')).nullable().default(null),
});

/** A paper file's frontmatter as validated: ingest's fields, the keys the site reads, and any key a maintainer added. */
export const paperSchema = paperFieldsSchema.extend(siteFieldsSchema.shape).loose();

/** One listing a paper was seen in. */
export type Appearance = z.output<typeof appearanceSchema>;
/** A paper as ingest keeps it. */
export type PaperFields = z.output<typeof paperFieldsSchema>;
/** The keys the site reads beside ingest's. */
export type SiteFields = z.output<typeof siteFieldsSchema>;
/** A paper file's frontmatter: a paper's fields plus the maintainer's own keys. */
export type PaperData = z.output<typeof paperSchema>;

/** Frontmatter keys ingest owns, in the order it writes them. Others are the maintainer's. */
export const PAPER_KEYS = paperFieldsSchema.keyof().options;
