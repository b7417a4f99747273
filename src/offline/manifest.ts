/**
 * The offline manifest: which files of one build the service worker keeps, with their size
 * and content hash. The build step (scripts/build-offline.ts) writes it next to the site
 * after Pagefind has run; the service worker downloads it when it installs and checks every
 * file it saves against it, so a cache only ever holds files of that one build.
 */
import { contentHash } from './content-hash.ts';
import { metaFile, SEARCH_ENTRY, type PagefindEntry } from '../search/entry.ts';
import { isSearchChunk, isSearchShardStart, urlPathOfFile } from './site-paths.ts';
import { newestShardsToSearch } from '../search/shards.ts';

/** Where the manifest is published, relative to the site's base. */
export const MANIFEST_PATH = 'offline-manifest.json';
/** The page with the "save for offline" button, also shown for unsaved pages when offline. */
export const OFFLINE_PAGE = 'offline/';
/** How many of the latest digest days "save for offline" keeps, with their papers. */
export const RECENT_DAYS = 7;

export interface OfflineFile {
  /** The file's address relative to the site's base: `papers/x/`, `pagefind/pagefind.js`. */
  path: string;
  bytes: number;
  hash: string;
}

export interface OfflineManifest {
  /** Names this build's cache; a digest of every file below and of the worker's code. */
  buildId: string;
  /** Kept on install: the pages and code every visit needs, and Pagefind minus its chunks. */
  shell: OfflineFile[];
  /** The whole search index: Pagefind's runtime and every chunk it can load. */
  index: OfflineFile[];
  /** The latest digest days, newest first, and their pages and papers' pages. */
  recent: { days: string[]; papers: number; files: OfflineFile[] };
}

/** What Pagefind's `pagefind-entry.json` says about the index. */
/** The built files the manifest names, by path relative to the site folder (`papers/x/index.html`). */
export interface OfflineSelection {
  shell: string[];
  index: string[];
  recent: string[];
  days: string[];
  papers: number;
}

/**
 * Picks the offline files from the list of built files.
 * @param files the files of the built site, relative to its folder, with `/` separators: every
 *   one, or every one but the paper pages when `isPaperPage` says which of those exist
 * @param papersOfPage the slugs of the papers a digest page (`digests/<day>/[<n>/]index.html`) lists
 * @param isPaperPage whether a paper's page (`papers/<slug>/index.html`) was built, if `files` leaves them out
 */
export function selectOfflineFiles(
  files: string[],
  entry: PagefindEntry,
  papersOfPage: (file: string) => string[],
  isPaperPage?: (file: string) => boolean,
): OfflineSelection {
  const listed = new Set(files);
  const built = (file: string) => listed.has(file) || (isPaperPage !== undefined && file.startsWith('papers/') && isPaperPage(file));
  const existing = (paths: string[]) => paths.filter(built);
  // The code is the newest shard's, where the search page starts (src/search/client/search.ts),
  // or, for an index in one piece, the bundle's own; every shard adds its entry and metadata,
  // which a search loads when it reaches that shard.
  const code = `pagefind/${entry.shards?.at(-1)?.path ?? ''}`;
  const runtime = [`${code}pagefind.js`, `${code}pagefind-worker.js`, SEARCH_ENTRY];
  for (const language of Object.values(entry.languages)) {
    // Pagefind loads `pagefind.<hash>.pf_meta` and `wasm.<wasm or "unknown">.pagefind` per language;
    // the entry's hash is that of an index in one piece (a shard's own entry names its own).
    if (!entry.shards?.length) runtime.push(`${code}${metaFile(language.hash)}`);
    runtime.push(`${code}wasm.${language.wasm || 'unknown'}.pagefind`);
  }
  // A first visit keeps the start of the shards a search begins with (src/search/shards.ts); the
  // others come with the rest of the index when the reader saves it for offline reading.
  const shards = entry.shards ?? [];
  const first = shards.slice(shards.length - newestShardsToSearch(shards)).map((s) => `pagefind/${s.path}`);
  const searchedFirst = (f: string) => shards.length === 0 || first.some((path) => f.startsWith(path));
  const starts = files.filter((f) => isSearchShardStart(f) && !runtime.includes(f)).sort();
  runtime.push(...starts.filter(searchedFirst));
  const chunks = files.filter(isSearchChunk).sort();
  // A filter's chunks load when the reader sets it or turns to the filters.
  const filters = chunks.filter((f) => /^pagefind\/(?:shards\/\d+\/)?filter\//.test(f) && searchedFirst(f));
  const shell = existing([
    'index.html',
    'search/index.html',
    `${OFFLINE_PAGE}index.html`,
    // The reader's saved papers, so the list of what is kept offline opens offline too.
    'saved/index.html',
    'favicon.svg',
    // What installing the site as an app needs.
    'manifest.webmanifest',
    ...files.filter((f) => /^icons\/[^/]+\.png$/.test(f)).sort(),
    ...files.filter((f) => /^_astro\/[^/]+$/.test(f)).sort(),
    ...runtime,
    ...filters,
  ]);

  const days = latestDigestDays(files, RECENT_DAYS);
  const dayPages = days.flatMap((day) => pagesOfDay(files, day));
  const slugs = [...new Set(dayPages.flatMap(papersOfPage))].filter((slug) => built(`papers/${slug}/index.html`));
  const recent = existing(['digests/index.html', ...dayPages, ...slugs.map((s) => `papers/${s}/index.html`)]);
  return { shell, index: existing([...runtime, ...starts.filter((f) => !searchedFirst(f)), ...chunks]), recent, days, papers: slugs.length };
}

/** The pages of a digest day, in order: `digests/<day>/index.html`, then `digests/<day>/2/index.html`… for a long day. */
export function pagesOfDay(files: string[], day: string): string[] {
  const later = new RegExp(`^digests/${day}/(\\d+)/index\\.html$`);
  const page = (file: string) => (file === `digests/${day}/index.html` ? 1 : Number(later.exec(file)?.[1] ?? 0));
  return files.filter((f) => page(f) > 0).sort((a, b) => page(a) - page(b));
}

/** The newest digest days that have a page, newest first. */
export function latestDigestDays(files: string[], count: number): string[] {
  const days = files.map((f) => /^digests\/(\d{4}-\d{2}-\d{2})\/index\.html$/.exec(f)?.[1]).filter((d): d is string => d !== undefined);
  return days.sort().reverse().slice(0, count);
}

/** The slugs of the paper pages a page links to (`href="<base>papers/<slug>/"`), in order. */
export function linkedPaperSlugs(html: string): string[] {
  return [...new Set([...html.matchAll(/href="[^"]*\/papers\/([^/"?#]+)\/"/g)].map((m) => m[1]!))];
}

/**
 * The manifest for a selection.
 * @param facts size and content hash of a built file
 * @param salt anything else that should give a new build id when it changes (the worker's code)
 */
export async function buildManifest(
  selection: OfflineSelection,
  facts: (file: string) => Promise<{ bytes: number; hash: string }>,
  salt: string,
): Promise<OfflineManifest> {
  const describe = (files: string[]) => Promise.all(files.map(async (file) => ({ path: urlPathOfFile(file), ...(await facts(file)) })));
  const [shell, index, recent] = await Promise.all([describe(selection.shell), describe(selection.index), describe(selection.recent)]);
  const lines = [...shell, ...index, ...recent].map((f) => `${f.path} ${f.hash}`);
  const buildId = await contentHash(new TextEncoder().encode([...new Set(lines)].sort().join('\n') + `\n${salt}`));
  return { buildId, shell, index, recent: { days: selection.days, papers: selection.papers, files: recent } };
}

/** Everything "save for offline" keeps: shell, index and recent digests, each file once. */
export function saveSet(manifest: OfflineManifest): OfflineFile[] {
  const byPath = new Map<string, OfflineFile>();
  for (const file of [...manifest.shell, ...manifest.index, ...manifest.recent.files]) byPath.set(file.path, file);
  return [...byPath.values()];
}

export function totalBytes(files: OfflineFile[]): number {
  return files.reduce((sum, f) => sum + f.bytes, 0);
}
