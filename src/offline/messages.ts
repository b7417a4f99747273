/**
 * What pages and the service worker say to each other. The page sends a request with a
 * MessagePort; the worker answers on that port (several times for `save`).
 * - `plan`, `save`: the "save for offline" page (the whole index and the latest digests).
 * - `keep`: a reader saved papers (src/personal): their pages are kept for offline reading.
 */

export type OfflineRequest = { type: 'plan' } | { type: 'save' } | { type: 'keep'; paths: string[] };

/** What saving would fetch, for the build the worker serves. */
export interface OfflinePlan {
  type: 'plan';
  buildId: string;
  /** Digest days saved, newest first, and how many papers they list. */
  days: string[];
  papers: number;
  /** Everything saving keeps (shell, index, recent digests), and the part not stored yet. */
  totalBytes: number;
  missingBytes: number;
  /** The reader has saved the site before (the worker keeps the saved copy up to date). */
  saved: boolean;
}

export type OfflineReply =
  | OfflinePlan
  | { type: 'progress'; doneBytes: number; totalBytes: number }
  | { type: 'done'; totalBytes: number }
  /** The pages of a `keep` request now in the cache (paths relative to the base, `papers/x/`). */
  | { type: 'kept'; paths: string[] }
  /** `outdated`: the site was published again meanwhile; the newer version is being installed. */
  | { type: 'failed'; reason: string; outdated: boolean };
