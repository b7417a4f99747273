/**
 * Which papers get a page of their own. A static host may cap a site's files (Cloudflare Pages:
 * 20,000), and one page per paper is most of a large archive's files. With PAPER_PAGES=n only
 * the n most recently listed papers get one; the articles of the others are bundled, a few dozen
 * to a file (`paper-data/<n>/`), and their permalinks, which the host answers with the not-found
 * page, are drawn there in the browser (client/paper-view.ts). Unset, every paper has its page.
 */
import type { PaperView } from '../papers/view.ts';

/** Articles per bundle, about: a permalink drawn in the browser fetches one bundle (some 50 KB gzip). */
export const PAPERS_PER_BUNDLE = 32;

/** The folder of the bundles, at the site's base. */
export const BUNDLE_DIR = 'paper-data';

type Listed = Pick<PaperView, 'slug' | 'firstSeen'>;

/** The papers with a page of their own: all, or the `limit` most recently listed (ties by slug). */
export function papersWithPages<T extends Listed>(papers: readonly T[], limit: number | undefined): T[] {
  if (limit === undefined || limit >= papers.length) return [...papers];
  const newest = [...papers].sort((a, b) => (a.firstSeen !== b.firstSeen ? (a.firstSeen < b.firstSeen ? 1 : -1) : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const kept = new Set(newest.slice(0, limit).map((p) => p.slug));
  return papers.filter((p) => kept.has(p.slug));
}

/**
 * How many bundles hold this many articles: a power of two, so that the archive growing moves
 * papers between bundles only when it doubles. Zero for none.
 */
export function bundleCount(articles: number): number {
  if (articles === 0) return 0;
  let count = 1;
  while (count * PAPERS_PER_BUNDLE < articles) count *= 2;
  return count;
}

/** The bundle a paper's article is in: FNV-1a of its slug, so the browser finds it from the address alone. */
export function bundleOf(slug: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** A bundle's address relative to the site's base: `paper-data/3/`. */
export function bundlePath(n: number): string {
  return `${BUNDLE_DIR}/${n}/`;
}
