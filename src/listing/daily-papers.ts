/**
 * The Hugging Face Daily Papers JSON: one day's response of `/api/daily_papers?date=…`
 * (an array of items, as `npm run fetch` saves it) to records. The item shape follows
 * `huggingface_hub`'s `PaperInfo` (docs/listing-formats.md); fields not named here are
 * ignored, optional ones may be missing or null.
 *
 * A listing is data from outside: an item that cannot be read is reported by its position
 * and skipped, and a wrong optional field is reported and dropped, so one odd item never
 * costs the rest of the day.
 */
import { z } from 'astro/zod';
import { normaliseArxivId } from './arxiv.ts';
import { UnreadableListingError } from './decode.ts';
import type { Inference } from './dates.ts';
import { uniqueUrls } from './urls.ts';
import type { ListingRecord, Severity } from './types.ts';

/** An instant as the API writes it (`2026-01-08T17:59:59.000Z`), or a bare day. */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const paperSchema = z.object({
  /** The arXiv identifier, possibly with a version. */
  id: z.string().min(1),
  title: z.string().nullish(),
  summary: z.string().nullish(),
  authors: z.array(z.object({ name: z.string() })).nullish(),
  /** When arXiv published the paper. */
  publishedAt: instant.nullish(),
  upvotes: z.int().min(0).nullish(),
  githubRepo: z.string().nullish(),
  projectPage: z.string().nullish(),
});

/** One item of the response. The top-level title and summary stand in for the paper's when it lacks them. */
export const dailyItemSchema = z
  .object({
    paper: paperSchema,
    title: z.string().nullish(),
    summary: z.string().nullish(),
    /** When the paper was put on Daily Papers: the day the listing is of. */
    publishedAt: instant.nullish(),
    organization: z.object({ name: z.string().min(1), fullname: z.string().nullish() }).nullish(),
    // The paper-page API puts the links at the top level; accepted there too.
    githubRepo: z.string().nullish(),
    projectPage: z.string().nullish(),
  })
  .refine((item) => titleOf(item) !== '', { message: 'no title: expected paper.title or title', path: ['paper', 'title'] });

export type DailyItem = z.output<typeof dailyItemSchema>;

/** Without these an item is not a paper; any other wrong field is dropped with a warning. */
const REQUIRED_FIELDS = new Set(['paper', 'paper.id', 'paper.title']);

export interface ParsedDailyPapers {
  /** In rank order: most upvoted first, ties in the order of the file. */
  records: ListingRecord[];
  problems: Array<{ severity: Severity; message: string }>;
  /** The days the items were put on Daily Papers, for dating a file whose name has no date. */
  listedDays: string[];
}

/**
 * The file's JSON when it is a JSON listing, or null when it is a text capture. Recognised by
 * its content: text that parses as JSON is JSON. A `.json` file that does not parse is an error.
 */
export function jsonListing(file: string, text: string): { json: unknown } | null {
  const body = text.replace(/^\uFEFF/, '').trim();
  const named = /\.json$/i.test(file);
  if (!named && !/^[[{]/.test(body)) return null;
  try {
    return { json: JSON.parse(body) as unknown };
  } catch (error) {
    if (!named) return null;
    throw new UnreadableListingError(`the file is not valid JSON (${(error as Error).message}); fetch the day again with npm run fetch -- --force --date YYYY-MM-DD`);
  }
}

export function parseDailyPapers(json: unknown): ParsedDailyPapers {
  if (!Array.isArray(json)) throw new UnreadableListingError(`the file is JSON but not a Daily Papers listing: expected an array of items, found ${describeJson(json)}`);
  if (json.length > 0 && !json.some((item) => isObject(item) && isObject(item.paper))) {
    throw new UnreadableListingError('the file is JSON but not a Daily Papers listing: no item in it has a "paper" object');
  }
  const problems: ParsedDailyPapers['problems'] = [];
  const records: ListingRecord[] = [];
  const listedDays: string[] = [];
  json.forEach((raw: unknown, i) => {
    const where = `item ${i + 1}`;
    const read = readItem(raw);
    if (!read.ok) {
      problems.push({ severity: 'error', message: `${where}${quotedTitle(raw)}: ${read.wrong}; skipped` });
      return;
    }
    for (const wrong of read.dropped) problems.push({ severity: 'warning', message: `${where}: ${wrong}; ignored` });
    const { record, warnings } = toRecord(read.item);
    for (const warning of warnings) problems.push({ severity: 'warning', message: `${where}: ${warning}` });
    records.push(record);
    if (read.item.publishedAt) listedDays.push(dayOf(read.item.publishedAt));
  });
  // The page readers know lists a day by upvotes; the API returns it in submission order
  // (docs/listing-formats.md). Array sort is stable: equal counts keep the file's order.
  records.sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0));
  return { records, problems, listedDays };
}

/** A JSON listing's capture date when neither its name nor `--date` gives one: the latest day an item was listed on. */
export function inferDailyCaptureDate(listedDays: string[]): Inference {
  if (listedDays.length === 0) return { ok: false, reason: 'no item says when it was listed' };
  const latest = listedDays.reduce((a, b) => (b > a ? b : a));
  return { ok: true, captureDate: latest, reason: `the latest day an item was listed on` };
}

type ItemRead = { ok: true; item: DailyItem; dropped: string[] } | { ok: false; wrong: string };

/** Validates an item; wrong optional fields are removed (and named) and the rest validated again. */
function readItem(raw: unknown): ItemRead {
  const first = dailyItemSchema.safeParse(raw);
  if (first.success) return { ok: true, item: first.data, dropped: [] };
  const wrong = first.error.issues.map((issue) => ({ field: fieldOf(issue.path), text: describeIssue(issue) }));
  if (!isObject(raw) || wrong.some((w) => REQUIRED_FIELDS.has(w.field) || w.field === '')) {
    return { ok: false, wrong: wrong.map((w) => w.text).join('; ') };
  }
  const second = dailyItemSchema.safeParse(without(raw, new Set(wrong.map((w) => w.field))));
  if (!second.success) return { ok: false, wrong: second.error.issues.map(describeIssue).join('; ') };
  return { ok: true, item: second.data, dropped: wrong.map((w) => w.text) };
}

/** `paper.upvotes` for an issue anywhere inside it (`paper.authors.3.name` is `paper.authors`). */
function fieldOf(path: PropertyKey[]): string {
  const [head, next] = path.map(String);
  if (head === undefined) return '';
  return head === 'paper' && next !== undefined ? `paper.${next}` : head;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `field "${issue.path.map(String).join('.') || '(item)'}": ${issue.message}`;
}

function without(item: Record<string, unknown>, fields: Set<string>): Record<string, unknown> {
  const paper = isObject(item.paper) ? Object.fromEntries(Object.entries(item.paper).filter(([k]) => !fields.has(`paper.${k}`))) : item.paper;
  return { ...Object.fromEntries(Object.entries(item).filter(([k]) => !fields.has(k))), paper };
}

function toRecord(item: DailyItem): { record: ListingRecord; warnings: string[] } {
  const warnings: string[] = [];
  const arxivId = normaliseArxivId(item.paper.id);
  if (arxivId === null) warnings.push(`paper.id "${item.paper.id}" is not an arXiv identifier; the paper is kept without one`);
  const link = (field: string, value: string | null | undefined): string | null => {
    if (value == null || value.trim() === '') return null;
    if (/^https?:\/\/\S+$/i.test(value.trim())) return value.trim();
    warnings.push(`${field} "${value}" is not an http(s) address; ignored`);
    return null;
  };
  const abstract = paragraphs(item.paper.summary ?? item.summary ?? '');
  const authors = (item.paper.authors ?? []).map((a) => a.name.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((name) => name !== '');
  const published = item.paper.publishedAt ?? null;
  return {
    record: {
      title: titleOf(item),
      abstract,
      authorsCount: authors.length > 0 ? authors.length : null,
      org: item.organization ? { id: item.organization.name, name: item.organization.fullname?.trim() || item.organization.name } : null,
      publishedText: published,
      published: published ? dayOf(published) : null,
      upvotes: item.paper.upvotes ?? null,
      urls: abstract ? uniqueUrls(abstract) : [],
      arxivId,
      authors: authors.length > 0 ? authors : null,
      githubRepo: link('paper.githubRepo', item.paper.githubRepo ?? item.githubRepo),
      projectPage: link('paper.projectPage', item.paper.projectPage ?? item.projectPage),
      line: null,
    },
    warnings,
  };
}

/** Titles come with arXiv's line breaks and double spaces: one line, single-spaced. */
function titleOf(item: { title?: string | null; paper: { title?: string | null } }): string {
  return (item.paper.title ?? item.title ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Hard-wrapped lines joined, paragraphs kept apart by one blank line, as text captures give abstracts; null when empty. */
function paragraphs(text: string): string | null {
  const parts = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** The UTC day of an instant. */
function dayOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function quotedTitle(raw: unknown): string {
  if (!isObject(raw)) return '';
  const title = (isObject(raw.paper) && typeof raw.paper.title === 'string' ? raw.paper.title : raw.title) as unknown;
  return typeof title === 'string' && title.trim() !== '' ? ` ("${title.replace(/\s+/g, ' ').trim().slice(0, 80)}")` : '';
}

function describeJson(json: unknown): string {
  if (json === null) return 'null';
  if (!isObject(json)) return `a ${typeof json}`;
  // An error response saved as a listing: say what it said.
  return typeof json.error === 'string' ? `an object saying "${json.error.slice(0, 200)}"` : 'an object';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
