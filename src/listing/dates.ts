/**
 * Dates in listings: month-day datelines, capture dates from file names, and the
 * capture-year inference described in docs (a date shows no year exactly when it is
 * in the capture's own year, so the capture year follows the latest explicit year).
 */
import type { RecordDate } from './types.ts';

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** `Jan` / `January` / `Sept.` → 1-based month, or null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return index === -1 ? null : index + 1;
}

/** 1-based month → `Jan`. */
export function monthAbbr(month: number): string {
  const name = MONTH_NAMES[month - 1]!;
  return name[0]!.toUpperCase() + name.slice(1, 3);
}

export interface Dateline {
  month: number;
  day: number;
  year: number | null;
  upvotes: number | null;
}

// MON DAY [, YEAR] [UPVOTES]: `Jan 3 1` is Jan 3 with one upvote, `Jan 31` is Jan 31.
const DATELINE = /^([A-Za-z]{3,9}\.?) (\d{1,2})(?:, ?(\d{4}))?(?: (\d{1,7}))?$/;

/** Parses a dateline whose whitespace is already normalised to single spaces. */
export function parseDateline(text: string): Dateline | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  const month = monthNumber(m[1]!);
  if (month === null) return null;
  const day = Number(m[2]);
  if (day < 1 || day > 31) return null;
  return {
    month,
    day,
    year: m[3] === undefined ? null : Number(m[3]),
    upvotes: m[4] === undefined ? null : Number(m[4]),
  };
}

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A valid `YYYY-MM-DD`, or null. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The `YYYY-MM-DD` a file name starts with, valid date or not (`2026-13-40.txt`). */
export function fileNameDatePrefix(fileName: string): string | null {
  return /^(\d{4}-\d{2}-\d{2})(?![\d])/.exec(fileName)?.[1] ?? null;
}

/** The capture date a maintainer put in a file name: `2026-01-08.txt`, `2026-01-08-hf.txt`. */
export function dateFromFileName(fileName: string): string | null {
  const prefix = fileNameDatePrefix(fileName);
  return prefix ? parseIsoDate(prefix) : null;
}

export type Resolved = { published: string | null; warning: string | null };

/**
 * Resolves a record's date against the capture date. A yearless date is in the capture's
 * year; if that would put it after the capture, the page can only have meant last year.
 */
export function resolveRecordDate(date: RecordDate, captureDate: string): Resolved {
  if (date.year !== null) {
    const published = isoDate(date.year, date.month, date.day);
    return published ? { published, warning: null } : { published: null, warning: 'is not a real date' };
  }
  const captureYear = Number(captureDate.slice(0, 4));
  const sameYear = isoDate(captureYear, date.month, date.day);
  if (sameYear !== null && sameYear <= captureDate) return { published: sameYear, warning: null };
  const lastYear = isoDate(captureYear - 1, date.month, date.day);
  if (lastYear === null) return { published: null, warning: 'is not a real date' };
  return {
    published: lastYear,
    warning: `has no year and would fall after the capture date ${captureDate}; read as ${lastYear}`,
  };
}

export type Inference =
  | { ok: true; captureDate: string; reason: string }
  | { ok: false; reason: string };

/**
 * Infers the capture date from the page date and the record dates: the smallest year
 * consistent with them is the latest explicit year + 1. Without a page date, or without
 * any explicit year, nothing can be inferred.
 */
export function inferCaptureDate(
  pageDate: { month: number; day: number } | null,
  dates: RecordDate[],
): Inference {
  if (!pageDate) return { ok: false, reason: 'the listing shows no page date' };
  const years = dates.map((d) => d.year).filter((y): y is number => y !== null);
  if (years.length === 0) return { ok: false, reason: 'no record date in it shows a year' };
  // A loop, not Math.max(...years): spreading a few hundred thousand dates overflows the stack.
  const year = years.reduce((a, b) => Math.max(a, b)) + 1;
  const captureDate = isoDate(year, pageDate.month, pageDate.day);
  if (!captureDate) return { ok: false, reason: 'its page date is not a real date' };
  return { ok: true, captureDate, reason: `page date ${monthAbbr(pageDate.month)} ${pageDate.day}, latest year shown ${year - 1}` };
}
