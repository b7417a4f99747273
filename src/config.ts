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

/**
 * Node's flags for the build's own process (scripts/build-site.ts), which waits on its steps and
 * walks the site's files: with V8's default young generation it held 270 MB at 100,000 papers
 * while `astro build` ran, most of it space the walks had grown and V8 kept; with 8 MB semi-spaces
 * 156 MB (docs/performance.md). `npm run build:site` passes the same flags (tests/integration/workflow.test.ts checks).
 */
export const BUILD_SITE_NODE_FLAGS = ['--max-semi-space-size=8'];

/**
 * Pages `astro build` renders at once (its `build.concurrency`). One at a time, its thread waits
 * on each rendered page's three file operations and sat idle for a third of a day's page
 * generation; four at a time overlap those waits: 7.2–7.4 s → 6.0–6.5 s at 30,000 papers
 * (docs/performance.md). Astro 7 keeps its incremental cache at any concurrency.
 */
export const PAGE_CONCURRENCY = 4;

/** What the build steps keep between builds, relative to the project root (docs/performance.md). */
export const BUILD_CACHE = {
  /** Parsed paper files, reused while a file's size and mtime are unchanged (src/papers/read.ts). */
  papers: 'node_modules/.cache/paper-digest-papers',
  /** The search index in shards, mirrored into the site (scripts/build-site.ts). */
  search: 'node_modules/.cache/paper-digest-search',
  /** Every paper's stem counts for related papers, reused while its text is unchanged (src/analysis/term-counts.ts). */
  termCounts: 'node_modules/.cache/paper-digest-related/term-counts.v8',
  /** Content hashes of the files the offline manifest names, reused while a file is unchanged (src/offline/kept-hashes.ts). */
  offlineHashes: 'node_modules/.cache/paper-digest-offline/hashes.json',
} as const;

/** Environment variables the build and scripts read; each one's meaning is in docs/publishing.md. */
export const env = {
  /** The paper collection to build from (tests and the benchmark point it at a scratch folder). */
  papersDir: () => process.env.PAPERS_DIR || CONTENT.papers,
  /** The topic taxonomy to file and show papers under. */
  topicsFile: () => process.env.TOPICS_FILE || CONTENT.topics,
  /** Caps Pagefind's result-fragment files, for hosts that limit a deployment's file count. */
  maxFragments: () => Number(process.env.PAGEFIND_MAX_FRAGMENTS) || undefined,
  /** Papers per search-index shard (src/search/shards.ts); tests set it low to get several shards from a few papers. */
  searchShardSize: () => Number(process.env.SEARCH_SHARD_SIZE) || undefined,
  /** How many of the most recently listed papers get a page of their own (src/site/paper-pages.ts); unset: all. */
  paperPages: () => paperPages(process.env.PAPER_PAGES),
  /** Builds the site and the search index side by side: faster on two cores, with both memory peaks at once (docs/performance.md). */
  parallelBuild: () => Boolean(process.env.PARALLEL_BUILD),
  /** The most papers the search step indexes beside `astro build` (scripts/build-site.ts); unset: 4,000. */
  searchBesidePapers: () => (/^\d+$/.test(process.env.SEARCH_BESIDE_PAPERS ?? '') ? Number(process.env.SEARCH_BESIDE_PAPERS) : undefined),
  /** The Daily Papers API `npm run fetch` asks (tests point it at a local server). */
  dailyPapersUrl: () => process.env.DAILY_PAPERS_URL || 'https://huggingface.co/api/daily_papers',
  /** `off` leaves link-preview images out of the build. */
  ogImages: (vars: Record<string, string | undefined> = process.env) => !/^(off|0|false|no)$/i.test(vars.OG_IMAGES ?? ''),
};

/** A setting with a value the build cannot use; the message names it and says what it should be. */
export class SettingError extends Error {}

/** PAPER_PAGES: a whole number of papers, or unset for all; anything else is refused, not ignored (the host's cap would be passed). */
function paperPages(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new SettingError(`PAPER_PAGES "${raw}" is not a number of papers such as 10000; unset it to give every paper its page`);
  return Number(raw.trim());
}

/**
 * Where the site is published, from SITE_URL and BASE_PATH: the origin, and the base path every
 * link starts with (`/` or `/sub/`). A path in SITE_URL is the base path unless BASE_PATH says
 * otherwise, in which case they must agree; anything but an http(s) address is refused.
 */
export function siteAddress(vars: Record<string, string | undefined> = process.env): { origin: string; base: string } {
  const raw = vars.SITE_URL || DEFAULT_SITE_URL;
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

/**
 * Papers per page of a digest day. A full card is about 800 bytes of HTML, so a page of 100 is
 * about 90 KB: a 400-paper day is four pages, each well under the 150 KB a page may weigh.
 */
export const DAY_PAGE_SIZE = 100;

/** A day with at least this many papers opens as a compact list (rank, title, topics, one line). */
export const COMPACT_DAY_FROM = 20;

/** How many of the latest day's papers the home page shows before linking to the day. */
export const HOME_TOP_PAPERS = 10;

/**
 * What the paper feeds hold: every paper listed in the latest 30 digest days, and at least the
 * 50 newest (src/site/feeds.ts). The site feed has an item for each of the latest 30 days.
 */
export const FEED_WINDOW = { days: 30, minItems: 50 } as const;

/** The address the site is built for when SITE_URL is not set: right only for `npm run preview`. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The line a build prints at its end when SITE_URL is not set; null when it is. */
export function siteUrlNotice(vars: Record<string, string | undefined> = process.env): string | null {
  if (vars.SITE_URL) return null;
  return `SITE_URL is not set: canonical links, link previews, feeds and the sitemap point at ${DEFAULT_SITE_URL}, which only works on this machine. Build with SITE_URL=https://your.host (and BASE_PATH=/sub/path/ if the site is not at the root) to publish it.`;
}
