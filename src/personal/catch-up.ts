/**
 * Catch-up: every paper first listed since the reader's last visit, across the days since,
 * each paper once, most upvoted first, then those listed on more days.
 */
import type { DayPaper } from './day-file.ts';
import type { Visits } from './visits.ts';

/** At most this many digest days are read for a catch-up; a longer absence is caught up on these. */
export const CATCH_UP_MAX_DAYS = 31;

/** The digest days to read: those after the last visit, newest first, at most CATCH_UP_MAX_DAYS. */
export function daysToRead(daysNewestFirst: readonly string[], lastVisit: string): { days: string[]; cut: boolean } {
  const after = daysNewestFirst.filter((d) => d > lastVisit);
  return { days: after.slice(0, CATCH_UP_MAX_DAYS), cut: after.length > CATCH_UP_MAX_DAYS };
}

/** The papers of the given days first listed after `lastVisit`, once each, in catch-up order. */
export function catchUp(papers: readonly DayPaper[], lastVisit: string): DayPaper[] {
  const bySlug = new Map<string, DayPaper>();
  for (const paper of papers) {
    if (paper.firstListed <= lastVisit) continue;
    const known = bySlug.get(paper.slug);
    // The newest day's facts win: the latest upvotes and the most days listed.
    if (!known || paper.day > known.day) bySlug.set(paper.slug, paper);
  }
  return [...bySlug.values()].sort(byCatchUpRank);
}

export function byCatchUpRank(a: DayPaper, b: DayPaper): number {
  return (b.upvotes ?? -1) - (a.upvotes ?? -1) || b.appearances - a.appearances || b.firstListed.localeCompare(a.firstListed) || a.rank - b.rank || a.title.localeCompare(b.title);
}

/** After "mark all as seen": the reader is caught up with every day there is. */
export function caughtUp(visits: Visits): Visits {
  return { last: visits.current, current: visits.current };
}
