/**
 * How the reader's data lies in the browser's key-value store: one key per list, and one key
 * per seen paper (a reader who scrolls every day marks thousands, and marking a few must not
 * rewrite them all). As one object: snapshot.ts.
 */
import type { SavedPaper } from './schema.ts';
import type { WatchRule } from './watch.ts';
import type { Visits } from './visits.ts';

export const KEYS = { version: 'version', saved: 'saved', watch: 'watch', visits: 'visits' } as const;
const SEEN = 'seen:';

export const seenKey = (slug: string): string => `${SEEN}${slug}`;

/** Everything kept, in one object: what migrations and exports work on. */
export interface PersonalData {
  saved: SavedPaper[];
  watch: WatchRule[];
  seen: string[];
  visits?: Visits;
}
