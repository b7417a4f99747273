/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): a page that returns the same key as in the last build, from a route whose
 * code is unchanged (Astro checks that itself), is not rendered again and its file in `dist/`
 * is left as it is. A key is a hash of everything the page shows that is not its route's code:
 * its props (pages get what they show through them), and what every page may show from
 * elsewhere (topic names and descriptions from the taxonomy file, whether link-preview images
 * are on).
 *
 * A paper appears in many pages' data (its own page, topic and archive lists, its digest days):
 * it stands in those keys by one name. At 30,000 papers, hashing every page's data whole cost
 * 4.3 s of every build. The name is its slug and the digest of its file's text
 * (nameByFile): everything a page shows of a paper is worked out from those two, by code that is
 * the route's, which Astro checks. A paper not named so is hashed whole, once per build; hashing
 * the 30,000 papers so took 0.45 s of every build, their files' digests 0.1 s.
 */
import { hash } from 'node:crypto';
import { env } from '../config.ts';
import { allTopics } from './topics.ts';

let salt: Promise<string> | undefined;
const paperHashes = new WeakMap<object, string>();

export async function pageCacheKey(data: unknown): Promise<string> {
  // By its digest: the topics' descriptions hashed into each of 33,000 keys were 0.25 s a build.
  salt ??= allTopics().then((topics) => digest(JSON.stringify([env.ogImages(), topics.map(({ slug, name, description }) => [slug, name, description])])));
  return digest(`${await salt}\0${JSON.stringify(data, byPaperHash)}`);
}

/** Names a paper (a view of it) by its slug and the digest of the file it was read from. */
export function nameByFile(paper: { slug: string }, fileDigest: string): void {
  paperHashes.set(paper, `${paper.slug} ${fileDigest}`);
}

/** Stands a paper (an object with a slug and a title key) in by its name, or by the hash of all of it. */
function byPaperHash(this: unknown, key: string, value: unknown): unknown {
  if (key === '' || value === null || typeof value !== 'object' || !('titleKey' in value) || !('slug' in value)) return value;
  let hash = paperHashes.get(value);
  if (hash === undefined) paperHashes.set(value, (hash = digest(JSON.stringify(value))));
  return { paper: hash };
}

function digest(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, 24);
}

/** A page of a paginated list, as far as what it shows goes: its items and where it is among the pages. */
export function pageFacts(page: { data: unknown[]; currentPage: number; lastPage: number; total: number; url: { prev?: string | undefined; next?: string | undefined } }) {
  return { data: page.data, currentPage: page.currentPage, lastPage: page.lastPage, total: page.total, prev: page.url.prev, next: page.url.next };
}
