/** Daily digests: the papers of each capture day, ranked the way the day's page ranked them. */
import type { PaperView } from '../papers/view.ts';

export interface DigestEntry {
  paper: PaperView;
  /** Position in that day's listing. */
  rank: number;
  /** Upvotes shown that day, if any. */
  upvotes: number | null;
}

export interface Digest {
  date: string;
  /** Listing files captured that day (usually one). */
  files: string[];
  entries: DigestEntry[];
}

/** Digests, newest day first. */
export function buildDigests(papers: PaperView[]): Digest[] {
  const days = new Map<string, Digest>();
  for (const paper of papers) {
    for (const appearance of paper.listings) {
      let day = days.get(appearance.captureDate);
      if (!day) days.set(appearance.captureDate, (day = { date: appearance.captureDate, files: [], entries: [] }));
      if (!day.files.includes(appearance.file)) day.files.push(appearance.file);
      // A paper listed twice in one day (two captures) counts once, at its better rank.
      const existing = day.entries.at(-1)?.paper === paper ? day.entries.at(-1) : undefined;
      if (!existing) day.entries.push({ paper, rank: appearance.rank, upvotes: appearance.upvotes });
      else if (appearance.rank < existing.rank) Object.assign(existing, { rank: appearance.rank, upvotes: appearance.upvotes ?? existing.upvotes });
    }
  }
  for (const day of days.values()) {
    day.entries.sort(byRank);
    day.files.sort();
  }
  return [...days.values()].sort((a, b) => b.date.localeCompare(a.date));
}

/** Most upvoted first where the day showed upvotes; otherwise the listing's own order. */
export function byRank(a: DigestEntry, b: DigestEntry): number {
  return (b.upvotes ?? -1) - (a.upvotes ?? -1) || a.rank - b.rank;
}

/** The site path of a page of a digest day: `digests/2026-01-08/`, `digests/2026-01-08/2/`. */
export function dayPagePath(date: string, page = 1): string {
  return page > 1 ? `digests/${date}/${page}/` : `digests/${date}/`;
}

/** The id of a paper's row on a digest page, so a link can lead to the paper's place in the day. */
export function rowId(slug: string): string {
  return `p-${slug}`;
}

/** A paper's place in one digest day, as that day's page shows it. */
export interface DigestPlace {
  date: string;
  /** 1-based position in the day's order, and how many papers the day has. */
  position: number;
  of: number;
  /** Upvotes shown that day, if any. */
  upvotes: number | null;
  /** The page of the day the paper is on. */
  page: number;
}

/** Every paper's places in the digests, oldest day first: the paper's path through the digests. */
export function placesByPaper(digests: Digest[], pageSize: number): Map<string, DigestPlace[]> {
  const places = new Map<string, DigestPlace[]>();
  for (const digest of [...digests].sort((a, b) => a.date.localeCompare(b.date))) {
    digest.entries.forEach((entry, i) => {
      const place = { date: digest.date, position: i + 1, of: digest.entries.length, upvotes: entry.upvotes, page: Math.floor(i / pageSize) + 1 };
      const list = places.get(entry.paper.slug);
      if (list) list.push(place);
      else places.set(entry.paper.slug, [place]);
    });
  }
  return places;
}

/** Upvotes on the first and the last day that showed any, for "▲ 2 → 14"; null when no day showed them. */
export function upvoteTrend(places: DigestPlace[]): { first: number; last: number } | null {
  const counts = places.map((p) => p.upvotes).filter((u): u is number => u !== null);
  return counts.length > 0 ? { first: counts[0]!, last: counts.at(-1)! } : null;
}

/** How many of the day's papers each topic has, most first (ties in the order given), for the day's topic filter. */
export function topicCounts(digest: Digest, order: readonly string[]): Array<{ slug: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { paper } of digest.entries) for (const slug of paper.topics) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const rank = (slug: string) => (order.includes(slug) ? order.indexOf(slug) : order.length);
  return [...counts].map(([slug, count]) => ({ slug, count })).sort((a, b) => b.count - a.count || rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug));
}
