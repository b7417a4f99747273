/**
 * What the offline page lists when a reader is offline: the pages kept on this device, by kind,
 * with their titles. Pure helpers; src/offline/client/kept.ts reads the caches.
 */
import { SITE_NAME } from '../config.ts';
import { OFFLINE_PAGE } from './manifest.ts';

export type PageKind = 'home' | 'digests' | 'topics' | 'archive' | 'papers' | 'other';

/** The groups the list shows, in order, with their headings. */
export const KINDS: ReadonlyArray<{ kind: PageKind; heading: string }> = [
  { kind: 'home', heading: 'Home' },
  { kind: 'digests', heading: 'Digest days' },
  { kind: 'topics', heading: 'Topics' },
  { kind: 'archive', heading: 'Archive' },
  { kind: 'papers', heading: 'Papers' },
  { kind: 'other', heading: 'Other pages' },
];

/**
 * The kind of a kept address (a path relative to the site's base), or null if it is not a page
 * worth listing: files, and the offline page itself.
 */
export function pageKind(path: string): PageKind | null {
  if (path === '') return 'home';
  if (!path.endsWith('/') || path === OFFLINE_PAGE) return null;
  const first = path.split('/')[0]!;
  return first === 'digests' || first === 'topics' || first === 'archive' || first === 'papers' ? first : 'other';
}

/** The `<title>` text of the start of a page (still HTML-escaped), without the site's name; null if the start holds none. */
export function rawTitle(htmlStart: string): string | null {
  const match = /<title>([^<]*)<\/title>/i.exec(htmlStart);
  return match ? match[1]!.replace(new RegExp(`\\s*·\\s*${SITE_NAME}$`), '').trim() : null;
}
