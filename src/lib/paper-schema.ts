// Frontmatter contract for content/papers/*.md (written by the ingest CLI, possibly
// hand-edited later). Kept outside src/content.config.ts so tests and scripts can
// validate files without booting Astro. `astro/zod` is Astro 7's re-export of zod v4.
import { z } from 'astro/zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when an ISO `YYYY-MM-DD` string names a real calendar day (rejects 2025-02-30). */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A day, always output as `YYYY-MM-DD`. Paper files are read as YAML 1.1 (paper-file.ts), which
 * turns an unquoted `2025-10-13` into a Date at UTC midnight, so hand edits that drop
 * the quotes must still validate.
 */
export const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
  .refine((value) => ISO_DATE.test(value) && isCalendarDate(value), {
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
