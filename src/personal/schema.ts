/**
 * What the personal layer keeps for a reader, and the file it exports and imports: one schema,
 * the types derived from it. zod's small build keeps the check cheap, and pages load it only
 * when a file is imported (the types below cost nothing at run time).
 */
import * as z from 'zod/mini';
import { migrate, type Unchecked } from './migrate.ts';
import { EXPORT_FORMAT, SCHEMA_VERSION } from './version.ts';

// Slugs become links (`papers/<slug>/`): only what src/papers/slug.ts makes is accepted.
const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a paper slug (a-z, 0-9 and -)'), z.maxLength(200));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day written as YYYY-MM-DD'));
const time = z.number().check(z.nonnegative());

export const savedPaperSchema = z.object({
  slug,
  title: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** Topic slugs. */
  topics: z.array(slug),
  /** Publication date, else the day it was first listed; null if the page showed neither. */
  date: z.nullable(day),
  /** When it was saved (ms since 1970). */
  savedAt: time,
});

export const watchRuleSchema = z
  .object({
    words: z.optional(z.string().check(z.maxLength(200))),
    topic: z.optional(slug),
    org: z.optional(z.string().check(z.maxLength(200))),
    addedAt: time,
  })
  .check(z.refine((rule) => Boolean(rule.words || rule.topic || rule.org), 'a watch needs words, a topic or an organisation'));

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(SCHEMA_VERSION),
  exportedAt: z.optional(z.string()),
  saved: z.array(savedPaperSchema),
  watch: z.array(watchRuleSchema),
  /** Slugs of the papers marked seen. */
  seen: z.array(slug),
});

export type SavedPaper = z.infer<typeof savedPaperSchema>;
export type WatchRule = z.infer<typeof watchRuleSchema>;
export type ExportFile = z.infer<typeof exportFileSchema>;

/** An imported file, checked: the data, or one line saying what is wrong and where. */
export function readExportFile(text: string): { data: ExportFile } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const file = json as Unchecked | null;
  if (typeof file !== 'object' || file === null || file.format !== EXPORT_FORMAT) return { problem: 'it is not a Paper Digest export (no "format": "paper-digest-personal")' };
  let current: Unchecked;
  try {
    current = { ...migrate(file, Number(file.version)), version: SCHEMA_VERSION };
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const result = z.safeParse(exportFileSchema, current);
  if (result.success) return { data: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  return { problem: `${where || 'the file'}: ${issue.message}` };
}
