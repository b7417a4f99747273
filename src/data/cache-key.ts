/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): a page that returns the same key as in the last build, from a route whose
 * code is unchanged (Astro checks that itself), is not rendered again and its file in `dist/`
 * is left as it is. A key is a hash of everything the page shows that is not its route's code:
 * its own data, and what pages show from elsewhere (topic names and descriptions from the
 * taxonomy file, whether link-preview images are on).
 */
import { createHash } from 'node:crypto';
import { env } from '../config.ts';
import { allTopics } from './topics.ts';

let salt: Promise<string> | undefined;

export async function pageCacheKey(data: unknown): Promise<string> {
  salt ??= allTopics().then((topics) => JSON.stringify([env.ogImages(), topics.map(({ slug, name, description }) => [slug, name, description])]));
  return createHash('sha256').update(await salt).update('\0').update(JSON.stringify(data)).digest('base64url').slice(0, 24);
}

/** A page of a paginated list, as far as what it shows goes: its papers and where it is among the pages. */
export function pageFacts(page: { data: unknown[]; currentPage: number; lastPage: number; total: number; url: { prev?: string | undefined; next?: string | undefined } }) {
  return { data: page.data, currentPage: page.currentPage, lastPage: page.lastPage, total: page.total, prev: page.url.prev, next: page.url.next };
}
