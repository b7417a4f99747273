/**
 * Names, content paths, environment variables and page sizes: the project's settings in one
 * place. Pure values only (no Astro imports), so scripts, the benchmark and tests read them too.
 */

export const SITE_NAME = 'Paper Digest';

/** Where the maintainer's content lives, relative to the project root. */
export const CONTENT = {
  listings: 'content/listings',
  papers: 'content/papers',
  topics: 'content/topics.yaml',
  notes: 'content/notes',
} as const;

/** Environment variables the build and scripts read; each one's meaning is in docs/publishing.md. */
export const env = {
  /** The paper collection to build from (tests and the benchmark point it at a scratch folder). */
  papersDir: () => process.env.PAPERS_DIR || CONTENT.papers,
  /** The topic taxonomy to file and show papers under. */
  topicsFile: () => process.env.TOPICS_FILE || CONTENT.topics,
  /** Caps Pagefind's result-fragment files, for hosts that limit a deployment's file count. */
  maxFragments: () => Number(process.env.PAGEFIND_MAX_FRAGMENTS) || undefined,
  /** Builds the site and the search index one after the other, for machines short of memory. */
  sequentialBuild: () => Boolean(process.env.SEQUENTIAL_BUILD),
  /** The Daily Papers API `npm run fetch` asks (tests point it at a local server). */
  dailyPapersUrl: () => process.env.DAILY_PAPERS_URL || 'https://huggingface.co/api/daily_papers',
  /** `off` leaves link-preview images out of the build. */
  ogImages: (vars: Record<string, string | undefined> = process.env) => !/^(off|0|false|no)$/i.test(vars.OG_IMAGES ?? ''),
};

/** A setting with a value the build cannot use; the message names it and says what it should be. */
export class SettingError extends Error {}

/**
 * Where the site is published, from SITE_URL and BASE_PATH: the origin, and the base path every
 * link starts with (`/` or `/sub/`). A path in SITE_URL is the base path unless BASE_PATH says
 * otherwise, in which case they must agree; anything but an http(s) address is refused.
 */
export function siteAddress(vars: Record<string, string | undefined> = process.env): { origin: string; base: string } {
  const raw = vars.SITE_URL || 'http://localhost:4321';
  const refuse = () => new SettingError(`SITE_URL "${raw}" is not an http(s) address such as https://example.org or https://example.org/digest/`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse();
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '' || url.search !== '' || url.hash !== '') throw refuse();
  const slashed = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const sitePath = slashed(url.pathname);
  const basePath = vars.BASE_PATH ? slashed(vars.BASE_PATH) : null;
  if (basePath !== null && sitePath !== '/' && basePath !== sitePath) {
    throw new SettingError(`SITE_URL has the path ${sitePath} but BASE_PATH is ${basePath}: give the path in one of them, or the same in both`);
  }
  return { origin: url.origin, base: basePath ?? sitePath };
}

/**
 * Papers per page of a long list (a topic, an archive month). One size for both, so a reader
 * meets the same page length everywhere, and a month of thousands of papers at 30k is still
 * pages of about 30 KB of HTML.
 */
export const LIST_PAGE_SIZE = 25;
