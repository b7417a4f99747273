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
