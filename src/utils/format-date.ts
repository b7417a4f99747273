/** Human dates for ISO `YYYY-MM-DD` strings, computed in UTC so no time zone shifts a day. */
const DAY = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const LONG_DAY = new Intl.DateTimeFormat('en', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

// A build formats the same few thousand days hundreds of thousands of times (0.7 s at 30,000 papers).
const days = new Map<string, string>();

/** `2025-10-13` → `Oct 13, 2025` */
export function formatDay(iso: string): string {
  let day = days.get(iso);
  if (day === undefined) days.set(iso, (day = DAY.format(utc(iso))));
  return day;
}

/** `2025-10-13` → `Monday, October 13, 2025` */
export function formatLongDay(iso: string): string {
  return LONG_DAY.format(utc(iso));
}

/** `2025`, `10` → `October 2025` */
export function formatMonth(year: string, month: string): string {
  return MONTH.format(utc(`${year}-${month}-01`));
}

/**
 * A paper's date, the same on every page: its publication date, or, when no listing gave one,
 * the day it was first listed, said plainly rather than passed off as a publication date.
 */
export interface PaperDate {
  /** `YYYY-MM-DD`, for `<time datetime>`. */
  iso: string;
  /** `Oct 13, 2025` */
  day: string;
  firstListed: boolean;
}

export function paperDate(paper: { published: string | null; firstSeen: string }): PaperDate {
  const iso = paper.published ?? paper.firstSeen;
  return { iso, day: formatDay(iso), firstListed: paper.published === null };
}

/** `Oct 13, 2025`, or `first listed Mar 11, 2025` for a paper of unknown publication date. */
export function paperDateText(paper: { published: string | null; firstSeen: string }): string {
  const date = paperDate(paper);
  return date.firstListed ? `first listed ${date.day}` : date.day;
}
