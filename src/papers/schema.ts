// Frontmatter contract for content/papers/*.md (written by the ingest CLI, possibly
// hand-edited later). Kept outside src/content.config.ts so tests and scripts can
// validate files without booting Astro. `astro/zod` is Astro 7's re-export of zod v4.
import { z } from 'astro/zod';
import { parseIsoDate } from '../listing/dates.ts';

/**
 * A day, always output as `YYYY-MM-DD`. Paper files are read as YAML 1.1 (paper-file.ts), which
 * turns an unquoted `2025-10-13` into a Date at UTC midnight, so hand edits that drop
 * the quotes must still validate.
 */
export const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
  .refine((value) => parseIsoDate(value) === value, {
    message: 'expected a date written as YYYY-MM-DD',
  });

// looseObject: maintainers may add their own keys; they must survive validation.
export const orgSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
});

export const listingSchema = z.looseObject({
  file: z.string().min(1),
  captureDate: isoDate,
  rank: z.int().min(1),
  upvotes: z.int().min(0).nullable().default(null),
});

export const paperSchema = z.looseObject({
  title: z.string().min(1),
  titleKey: z.string().min(1),
  authorsCount: z.int().min(1).nullable().default(null),
  org: orgSchema.nullable().default(null),
  published: isoDate.nullable().default(null),
  publishedText: z.string().nullable().default(null),
  upvotes: z.int().min(0).nullable().default(null),
  urls: z.array(z.string()).default([]),
  // Slugs only: each becomes a URL (/topics/<slug>/), hand-set ones included.
  topics: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a topic slug such as "vision"')).default([]),
  autoTopics: z.array(z.string()).default([]),
  listings: z.array(listingSchema).min(1),
});

export type PaperData = z.output<typeof paperSchema>;
