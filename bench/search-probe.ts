/**
 * A first and a second search as a reader makes them, in headless Chromium against the
 * built site served on 127.0.0.1: bytes transferred and time until results are shown.
 *
 * Two probes, each in a fresh browser context (cold cache):
 * - api: imports the Pagefind bundle (found in dist, wherever the build put it) into a blank
 *   same-origin page, runs `search()` and loads the data of the first 10 results, which is
 *   what any result list needs. It also tells the ui probe which result links to expect.
 * - ui: opens the site's search page (`/search/` if there is one, else the home page),
 *   types the query into its search box and waits until a new link to a result page is
 *   rendered (resultLinks; or `resultSelector` shows). Skipped, with a note, when there is no
 *   search box.
 *
 * Bytes are metered by the server (page, modules and web workers alike). Every request to
 * another host fails (a dead proxy; loopback bypasses proxies) and is listed in the result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { walk } from './file-census.ts';
import { BLANK_PAGE, serveFolder, type StaticServer, type Traffic } from './static-server.ts';

export interface ProbeOptions {
  distDir: string;
  /** The first and the second query (different, so the second fetches its own chunks). */
  queries: [string, string];
  chromium: string;
  /** URL path of the page holding the search box; default `/search/` if built, else `/`. */
  searchPage?: string;
  /** Default: the first search box in `<main>`, else anywhere on the page. */
  searchInput?: string;
  /** Selector of a rendered result; default: a new link to a result the api probe found. */
  resultSelector?: string;
  timeoutMs?: number;
}

export interface QueryProbe extends Traffic {
  query: string;
  /** From issuing the query to results shown (ui) or results' data loaded (api); null if none came. */
  ms: number | null;
  /** Of the bytes, those of the search bundle (script, worker, wasm, index chunks, fragments). */
  searchBundleBytes: number;
  /** Results found (api) or result links shown (ui). */
  results: number | null;
  note?: string;
}

export interface PageLoad extends Traffic {
  searchBundleBytes: number;
}

export interface SearchProbe {
  browser: string;
  /** URL path of the Pagefind bundle, or null when the build made none. */
  bundle: string | null;
  api: { first: QueryProbe; second: QueryProbe } | null;
  ui: { page: string; input: string; load: PageLoad; first: QueryProbe; second: QueryProbe } | null;
  /** Requests to other hosts, which were made to fail. */
  blockedRequests: string[];
  notes: string[];
}

const INPUT_CANDIDATES = ['main input[type="search"]', 'main [role="search"] input', 'main input[name="q"]', 'input[type="search"]', '[role="search"] input', 'input[name="q"]'];

export async function probeSearch(options: ProbeOptions): Promise<SearchProbe> {
  const server = await serveFolder(options.distDir);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--headless', '--proxy-server=http://127.0.0.1:9'],
  });
  const bundle = findSearchBundle(options.distDir);
  const result: SearchProbe = { browser: browser.version(), bundle: bundle && `/${relative(options.distDir, bundle)}/`, api: null, ui: null, blockedRequests: [], notes: [] };
  const probe: Probe = { browser, server, result, timeoutMs: options.timeoutMs ?? 15_000 };
  try {
    let expected: string[][] = [[], []];
    if (result.bundle) {
      const api = await apiProbe(probe, options.queries, options.distDir);
      result.api = { first: api.first, second: api.second };
      expected = api.urls;
    } else {
      result.notes.push('no Pagefind bundle (pagefind.js) in dist: the build has no search index yet');
    }
    await uiProbe(probe, options, expected);
  } finally {
    await browser.close();
    await server.close();
  }
  result.blockedRequests = [...new Set(result.blockedRequests)];
  return result;
}

interface Probe {
  browser: Browser;
  server: StaticServer;
  result: SearchProbe;
  timeoutMs: number;
}

/** The folder holding `pagefind.js` next to `pagefind-entry.json`. */
export function findSearchBundle(distDir: string): string | null {
  // An index in shards (pagefind-entry.json names them): the whole `pagefind/` folder is the bundle.
  if (searchShards(distDir).length > 0) return join(distDir, 'pagefind');
  for (const path of walk(distDir)) {
    if (path.endsWith('/pagefind.js') && existsSync(join(dirname(path), 'pagefind-entry.json'))) return dirname(path);
  }
  return null;
}

/** The shard folders the search page merges, relative to `dist/` (`pagefind/shards/0/`…); none for an index in one piece. */
function searchShards(distDir: string): string[] {
  try {
    const entry = JSON.parse(readFileSync(join(distDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { shards?: Array<{ path: string }> };
    return (entry.shards ?? []).map((s) => `pagefind/${s.path}`);
  } catch {
    return [];
  }
}

async function apiProbe({ browser, server, result }: Probe, queries: [string, string], distDir: string) {
  const shards = searchShards(distDir).map((path) => `${server.origin}/${path}`);
  const module = shards.length > 0 ? `${shards[0]}pagefind.js` : `${server.origin}${result.bundle}pagefind.js`;
  const { context, page } = await openPage(browser, server, result);
  await page.goto(server.origin + BLANK_PAGE);
  await server.quiet();
  const urls: string[][] = [];
  const probes: QueryProbe[] = [];
  for (const query of queries) {
    server.start();
    const started = performance.now();
    const found = await page.evaluate(runPagefind, { module, merge: shards.slice(1), query });
    const ms = performance.now() - started;
    await server.quiet();
    probes.push({ query, ms, results: found.total, ...withBundleBytes(server.stop(), result.bundle) });
    urls.push(found.urls);
  }
  await context.close();
  return { first: probes[0]!, second: probes[1]!, urls };
}

interface PagefindModule {
  search(query: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
  mergeIndex(path: string): Promise<void>;
}

/** Runs in the page: the search a result list makes (every shard merged), data of the first 10 results included. */
async function runPagefind({ module, merge, query }: { module: string; merge: string[]; query: string }) {
  const scope = window as unknown as { benchPagefind?: PagefindModule };
  if (!scope.benchPagefind) {
    const pagefind = (await import(module)) as PagefindModule;
    for (const path of merge) await pagefind.mergeIndex(path);
    scope.benchPagefind = pagefind;
  }
  const search = await scope.benchPagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return { total: search.results.length, urls: data.map((d) => new URL(d.url, location.href).pathname) };
}

async function uiProbe({ browser, server, result, timeoutMs }: Probe, options: ProbeOptions, expected: string[][]) {
  const pagePath = options.searchPage ?? (existsSync(join(options.distDir, 'search/index.html')) ? '/search/' : '/');
  if (!options.resultSelector && expected.some((urls) => urls.length === 0)) {
    result.notes.push('ui probe skipped: no expected results from the search index and no --result-selector');
    return;
  }
  const { context, page } = await openPage(browser, server, result);
  try {
    server.start();
    await page.goto(server.origin + pagePath, { waitUntil: 'load' });
    await server.quiet();
    const load = withBundleBytes(server.stop(), result.bundle);
    const found = await findInput(page, options.searchInput);
    if (!found) {
      result.notes.push(`ui probe skipped: no search box (${options.searchInput ?? INPUT_CANDIDATES.join(', ')}) on ${pagePath}`);
      return;
    }
    const probes: QueryProbe[] = [];
    for (const [i, query] of options.queries.entries()) {
      // Links already on the page (or from the first query) are not results of this one.
      await page.locator('a[href]').evaluateAll((links) => links.forEach((a) => a.setAttribute('data-bench-seen', '')));
      const results = page.locator(options.resultSelector ?? resultLinks(expected[i]!));
      server.start();
      const started = performance.now();
      await found.input.fill(query);
      let ms = await timeUntilVisible(results, started, timeoutMs);
      let note: string | undefined;
      if (ms === null) {
        // A plain form searches on submit, not while typing.
        await found.input.press('Enter');
        ms = await timeUntilVisible(results, started, timeoutMs);
        note = ms === null ? `no results shown within ${timeoutMs} ms, even after Enter` : 'results came only after pressing Enter';
      }
      await server.quiet();
      probes.push({ query, ms, results: ms === null ? null : await results.count(), ...withBundleBytes(server.stop(), result.bundle), ...(note ? { note } : {}) });
    }
    result.ui = { page: pagePath, input: found.selector, load, first: probes[0]!, second: probes[1]! };
  } finally {
    await context.close();
  }
}

/**
 * A new link to a result page: the api probe's results are all in one folder (`/papers/…/`), a
 * new link into it; else a new link to one of those results. A page may search part of its
 * index first (the newest papers, say) and show other papers of the same query: any of them is
 * a result shown.
 */
export function resultLinks(urls: string[]): string {
  const folder = commonFolder(urls);
  if (folder !== null) return `a[href*="${folder}"]:not([data-bench-seen])`;
  return urls.map((url) => `a[href*="${url}"]:not([data-bench-seen])`).join(', ');
}

/** The deepest folder holding every one of these paths (`/papers/`), or null if that is the root. */
function commonFolder(paths: string[]): string | null {
  const folders = paths.map((p) => p.split('/').slice(0, -2));
  let depth = 0;
  while (folders.every((f) => depth < f.length && f[depth] === folders[0]![depth])) depth++;
  return depth > 1 ? `${folders[0]!.slice(0, depth).join('/')}/` : null;
}

async function findInput(page: Page, selector: string | undefined): Promise<{ selector: string; input: Locator } | null> {
  for (const candidate of selector ? [selector] : INPUT_CANDIDATES) {
    const input = page.locator(candidate).first();
    if ((await input.count()) > 0 && (await input.isVisible())) return { selector: candidate, input };
  }
  return null;
}

async function timeUntilVisible(locator: Locator, started: number, timeoutMs: number): Promise<number | null> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return performance.now() - started;
  } catch {
    return null;
  }
}

async function openPage(browser: Browser, server: StaticServer, result: SearchProbe): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  context.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && !url.startsWith(`${server.origin}/`)) result.blockedRequests.push(url);
  });
  return { context, page: await context.newPage() };
}

function withBundleBytes(traffic: Traffic, bundle: string | null): Traffic & { searchBundleBytes: number } {
  const inBundle = traffic.files.filter((f) => bundle !== null && f.path.startsWith(bundle));
  return { ...traffic, searchBundleBytes: inBundle.reduce((n, f) => n + f.bytes, 0) };
}
