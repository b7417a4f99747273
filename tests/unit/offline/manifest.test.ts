/** What the service worker keeps and how it names things: the pure logic under src/offline. */
import { describe, expect, it } from 'vitest';
import { buildCacheName, isBuildCacheOf, settingsCacheName } from '../../../src/offline/cache-names.ts';
import { formatBytes } from '../../../src/offline/format-bytes.ts';
import { buildManifest, latestDigestDays, linkedPaperSlugs, pagesOfDay, saveSet, selectOfflineFiles, totalBytes } from '../../../src/offline/manifest.ts';
import type { PagefindEntry } from '../../../src/search/entry.ts';
import { assetsOfPage, routeOf, urlPathOfFile } from '../../../src/offline/site-paths.ts';

const entry: PagefindEntry = { version: '1.6.0', languages: { en: { hash: 'en_abc123', wasm: 'en', page_count: 4 } } };
const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'];
const site = [
  'index.html',
  'search/index.html',
  'offline/index.html',
  'saved/index.html',
  'about/index.html',
  '404.html',
  'favicon.svg',
  'manifest.webmanifest',
  'icons/icon-light-192.png',
  'rss.xml',
  '_astro/Base.x1.css',
  '_astro/search.x2.js',
  'digests/index.html',
  ...days.map((d) => `digests/${d}/index.html`),
  // The newest day is long: a second page.
  'digests/2026-01-08/2/index.html',
  'papers/old-paper/index.html',
  'papers/paper-c/index.html',
  'papers/paper-a/index.html',
  'papers/paper-b/index.html',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.en_abc123.pf_meta',
  'pagefind/wasm.en.pagefind',
  'pagefind/wasm.unknown.pagefind',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-component-ui.css',
  'pagefind/index/en_1a.pf_index',
  'pagefind/fragment/en_2b.pf_fragment',
  'pagefind/fragment/en_3c.pf_fragment',
  'pagefind/filter/en_4d.pf_filter',
];
// The oldest day lists old-paper; the newest two share paper-a, the newest's second page lists paper-c; a link to a missing page is ignored.
const papersOfPage = (file: string) =>
  file === 'digests/2026-01-08/2/index.html' ? ['paper-c'] : file.includes('2026-01-01') ? ['old-paper'] : file >= 'digests/2026-01-07' ? ['paper-a', 'paper-b', 'no-such-paper'] : ['paper-a'];
const selection = selectOfflineFiles(site, entry, papersOfPage);

describe('choosing the offline files of an index in shards', () => {
  const sharded: PagefindEntry = { ...entry, shards: [{ path: 'shards/0/', hash: 'a', papers: 2 }, { path: 'shards/1/', hash: 'b', papers: 1 }] };
  const files = [
    'index.html',
    'search/index.html',
    'pagefind/pagefind-entry.json',
    'pagefind/sort/newest.abc.txt',
    ...['0', '1'].flatMap((n) => [
      `pagefind/shards/${n}/pagefind.js`,
      `pagefind/shards/${n}/pagefind-worker.js`,
      `pagefind/shards/${n}/pagefind-entry.json`,
      `pagefind/shards/${n}/pagefind.en_${n}${n}.pf_meta`,
      `pagefind/shards/${n}/wasm.en.pagefind`,
      `pagefind/shards/${n}/pagefind-ui.js`,
      `pagefind/shards/${n}/index/en_${n}a.pf_index`,
      `pagefind/shards/${n}/fragment/en_${n}b.pf_fragment`,
      `pagefind/shards/${n}/filter/en_${n}c.pf_filter`,
    ]),
  ];
  const chosen = selectOfflineFiles(files, { ...sharded, languages: { en: { hash: 'en_00', wasm: 'en' } } }, () => []);

  it('keeps on a first visit the newest shard\'s code, the start and filters of the shards a search begins with, and no second copy of the code', () => {
    expect(chosen.shell).toEqual([
      'index.html',
      'search/index.html',
      'pagefind/shards/1/pagefind.js',
      'pagefind/shards/1/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/shards/1/wasm.en.pagefind',
      'pagefind/shards/1/pagefind-entry.json',
      'pagefind/shards/1/pagefind.en_11.pf_meta',
      'pagefind/shards/1/filter/en_1c.pf_filter',
    ]);
  });

  it('saves the older shards\' start with the index', () => {
    expect(chosen.index).toEqual(expect.arrayContaining(['pagefind/shards/0/pagefind-entry.json', 'pagefind/shards/0/pagefind.en_00.pf_meta', 'pagefind/shards/1/pagefind.en_11.pf_meta']));
  });

  it('saves every chunk of every shard and the sort orders', () => {
    expect(chosen.index.filter((f) => /\/(index|fragment|filter|sort)\//.test(f)).sort()).toEqual(
      files.filter((f) => /\/(index|fragment|filter|sort)\//.test(f)).sort(),
    );
  });

  it('routes shard files as the worker must serve them', () => {
    expect(routeOf('pagefind/shards/1/pagefind-entry.json', false)).toBe('search-entry');
    expect(routeOf('pagefind/shards/1/pagefind.en_11.pf_meta', false)).toBe('immutable');
    expect(routeOf('pagefind/shards/1/index/en_1a.pf_index', false)).toBe('immutable');
    expect(routeOf('pagefind/shards/0/pagefind.js', false)).toBe('search-runtime');
    expect(routeOf('pagefind/shards/x/pagefind.js', false)).toBe('other');
  });
});

describe('choosing the offline files', () => {
  it('keeps on install the pages and code every visit needs, and Pagefind without its index and fragment chunks', () => {
    expect(selection.shell).toEqual([
      'index.html',
      'search/index.html',
      'offline/index.html',
      'saved/index.html',
      'favicon.svg',
      'manifest.webmanifest',
      'icons/icon-light-192.png',
      '_astro/Base.x1.css',
      '_astro/search.x2.js',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_abc123.pf_meta',
      'pagefind/wasm.en.pagefind',
      'pagefind/filter/en_4d.pf_filter',
    ]);
  });

  it('saves the whole index: what Pagefind loads, not the UI bundles or another language\'s WebAssembly', () => {
    expect(selection.index).toEqual([
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_abc123.pf_meta',
      'pagefind/wasm.en.pagefind',
      'pagefind/filter/en_4d.pf_filter',
      'pagefind/fragment/en_2b.pf_fragment',
      'pagefind/fragment/en_3c.pf_fragment',
      'pagefind/index/en_1a.pf_index',
    ]);
  });

  it('saves the latest seven digest days, every page of each, and each paper they list once', () => {
    expect(selection.days).toEqual(days.slice(1).reverse());
    expect(selection.recent).toEqual([
      'digests/index.html',
      'digests/2026-01-08/index.html',
      'digests/2026-01-08/2/index.html',
      ...days.slice(1, -1).reverse().map((d) => `digests/${d}/index.html`),
      'papers/paper-a/index.html',
      'papers/paper-b/index.html',
      'papers/paper-c/index.html',
    ]);
    expect(selection.papers).toBe(3);
  });

  it('picks the same files from a listing without the paper pages, looking up only the papers the digests list', () => {
    const asked: string[] = [];
    const papers = new Set(site.filter((f) => f.startsWith('papers/')));
    const withoutPapers = site.filter((f) => !papers.has(f));
    const isPaperPage = (file: string) => {
      asked.push(file);
      return papers.has(file);
    };
    expect(selectOfflineFiles(withoutPapers, entry, papersOfPage, isPaperPage)).toEqual(selection);
    expect([...new Set(asked)].sort()).toEqual(['paper-a', 'paper-b', 'paper-c', 'no-such-paper'].map((s) => `papers/${s}/index.html`).sort());
  });

  it('uses the "unknown" WebAssembly for a language Pagefind has none for, as Pagefind does', () => {
    const other = selectOfflineFiles(site, { version: '1.6.0', languages: { xx: { hash: 'xx_1', wasm: null } } }, () => []);
    expect(other.index).toContain('pagefind/wasm.unknown.pagefind');
  });
});

describe('reading built pages', () => {
  it('finds the paper pages a digest links to, under any base path', () => {
    const html = '<a href="/paper-digest/papers/a-b/">A</a> <a href="/papers/c/">C</a> <a href="/paper-digest/papers/a-b/">again</a> <a href="https://x.org/papers/ext">x</a> <a href="/topics/papers/">t</a>';
    expect(linkedPaperSlugs(html)).toEqual(['a-b', 'c']);
  });

  it('finds every page of a long digest day, in order', () => {
    const files = ['digests/2026-01-08/10/index.html', 'digests/2026-01-08/index.html', 'digests/2026-01-08/2/index.html', 'digests/2026-01-07/index.html', 'digests/2026-01-08/2/x.png'];
    expect(pagesOfDay(files, '2026-01-08')).toEqual(['digests/2026-01-08/index.html', 'digests/2026-01-08/2/index.html', 'digests/2026-01-08/10/index.html']);
  });

  it('lists the newest digest days first', () => {
    expect(latestDigestDays(['digests/2025-12-31/index.html', 'digests/index.html', 'digests/2026-01-02/index.html', 'digests/2026-01-01/index.html'], 2)).toEqual(['2026-01-02', '2026-01-01']);
  });

  it('finds the Astro assets a page links to', () => {
    const html = '<link rel="stylesheet" href="/paper-digest/_astro/Base.X1-a.css"><script type="module" src="/_astro/page.Q_2.js"></script><link href="/_astro/Base.X1-a.css">';
    expect(assetsOfPage(html)).toEqual(['_astro/Base.X1-a.css', '_astro/page.Q_2.js']);
  });

  it('serves a folder\'s index.html at the folder\'s address', () => {
    expect(['index.html', 'papers/x/index.html', '404.html', 'pagefind/pagefind.js'].map(urlPathOfFile)).toEqual(['', 'papers/x/', '404.html', 'pagefind/pagefind.js']);
  });
});

describe('the manifest', () => {
  const facts = (hashes: Record<string, string> = {}) => async (file: string) => ({ bytes: file.length * 10, hash: hashes[file] ?? `h-${file}` });

  it('describes each file by its address, size and hash, and saves each file once', async () => {
    const manifest = await buildManifest(selection, facts(), 'worker');
    expect(manifest.shell[0]).toEqual({ path: '', bytes: 100, hash: 'h-index.html' });
    expect(manifest.recent.files.map((f) => f.path)).toContain('papers/paper-a/');
    const saved = saveSet(manifest).map((f) => f.path);
    expect(new Set(saved).size).toBe(saved.length);
    expect(saved).toHaveLength(new Set([...selection.shell, ...selection.index, ...selection.recent]).size);
    expect(totalBytes(saveSet(manifest))).toBe(saveSet(manifest).reduce((n, f) => n + f.bytes, 0));
  });

  it('gets a new build id when an offline file or the worker changes, and only then', async () => {
    const id = (await buildManifest(selection, facts(), 'worker')).buildId;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect((await buildManifest(selection, facts(), 'worker')).buildId).toBe(id);
    expect((await buildManifest(selection, facts({ 'papers/paper-b/index.html': 'changed' }), 'worker')).buildId).not.toBe(id);
    expect((await buildManifest(selection, facts({ 'pagefind/pagefind-entry.json': 'changed' }), 'worker')).buildId).not.toBe(id);
    expect((await buildManifest(selection, facts(), 'worker v2')).buildId).not.toBe(id);
  });
});

describe('how the worker treats each address', () => {
  it.each([
    ['papers/x/', true, 'page'],
    ['', true, 'page'],
    ['_astro/Base.x1.css', false, 'immutable'],
    ['pagefind/index/en_1a.pf_index', false, 'immutable'],
    ['pagefind/fragment/en_2b.pf_fragment', false, 'immutable'],
    ['pagefind/filter/en_4d.pf_filter', false, 'immutable'],
    ['pagefind/pagefind.en_abc123.pf_meta', false, 'immutable'],
    ['pagefind/pagefind-entry.json', false, 'search-entry'],
    ['pagefind/pagefind.js', false, 'search-runtime'],
    ['pagefind/pagefind-worker.js', false, 'search-runtime'],
    ['pagefind/wasm.en.pagefind', false, 'search-runtime'],
    ['pagefind/pagefind-ui.js', false, 'other'],
    ['favicon.svg', false, 'other'],
    ['rss.xml', false, 'other'],
  ] as const)('%s (navigation: %s) → %s', (path, navigation, route) => {
    expect(routeOf(path, navigation)).toBe(route);
  });
});

describe('cache names', () => {
  it('keep two sites on one origin apart', () => {
    const root = 'https://user.github.io/';
    const project = 'https://user.github.io/paper-digest/';
    expect(isBuildCacheOf(buildCacheName(root, 'a1'), root)).toBe(true);
    expect(isBuildCacheOf(buildCacheName(project, 'a1'), root)).toBe(false);
    expect(isBuildCacheOf(buildCacheName(root, 'a1'), project)).toBe(false);
    expect(isBuildCacheOf(settingsCacheName(root), root)).toBe(false);
  });
});

describe('sizes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [845_300, '845 kB'],
    [999_499, '999 kB'],
    [999_600, '1.0 MB'],
    [1_000_000, '1.0 MB'],
    [9_960_000, '10 MB'],
    [7_432_100, '7.4 MB'],
    [12_600_000, '13 MB'],
  ])('%d bytes read "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
