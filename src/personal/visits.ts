/**
 * "Since your last visit", counted in digest days rather than clock time: a visit notes the
 * newest digest day the site had; when a later visit finds a newer one, the day noted before
 * becomes the last visit. Coming back the same day leaves catch-up as it was.
 */
export interface Visits {
  /** The newest digest day at the reader's previous visit; null until a second visit on a newer day. */
  last: string | null;
  /** The newest digest day at this visit. */
  current: string | null;
}

export const NO_VISITS: Visits = { last: null, current: null };

export function recordVisit(visits: Visits | undefined, newestDay: string | undefined): Visits {
  const known = visits ?? NO_VISITS;
  if (!newestDay) return known;
  if (known.current === null) return { last: null, current: newestDay };
  return newestDay > known.current ? { last: known.current, current: newestDay } : known;
}
