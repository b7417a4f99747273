/**
 * The sitemap: `sitemap-index.xml` and `sitemap-<n>.xml` of 45,000 addresses each, written when
 * `astro build` is done, from the pages it built. @astrojs/sitemap writes the same files with the
 * `sitemap` package, but sorts the addresses with `localeCompare(b, 'en', { numeric: true })`,
 * which makes a collator for every comparison: 1.6 s of every build at 30,000 papers; one
 * collator gives the same order in a few milliseconds. The files are written here as that
 * package writes them, byte for byte: its streams took 0.14–0.23 s of every build at 30,000
 * papers, on the build's longest path, for what is a list of addresses; written at once, 0.01 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const SITEMAP_INDEX = 'sitemap-index.xml';
const ENTRY_LIMIT = 45_000;
// Error pages are no addresses to visit.
const STATUS_PAGES = new Set(['404', '500']);

/**
 * The built pages' absolute addresses in sitemap order: alphabetical, numbers by value.
 * @param pathnames pages as Astro names them, relative to the base (`papers/x/`, `` for the home page)
 * @param root the site's address with its base path (`https://host/sub/`)
 */
export function sitemapUrls(pathnames: readonly string[], root: URL, exclude: (url: string) => boolean = () => false): string[] {
  const basePath = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  const urls = pathnames
    .map((p) => p.replace(/^\//, ''))
    .filter((p) => !STATUS_PAGES.has(p.replace(/\/$/, '')))
    // As a path under the base path, as @astrojs/sitemap resolves it: `a:b/` is a page, not a URL scheme.
    .map((p) => new URL(basePath + p, root).href)
    .filter((url) => !exclude(url));
  return [...new Set(urls)].sort(new Intl.Collator('en', { numeric: true }).compare);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
// The namespaces the `sitemap` package declares, so that the files stay as they were.
const URLSET_OPEN = `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">`;

/** An address as XML text; addresses from URL's `href` hold no character XML refuses. */
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes the sitemap files of `urls` into `dir`; `root` is the site's address with its base path. */
export function writeSitemap(dir: string, urls: readonly string[], root: URL): void {
  mkdirSync(dir, { recursive: true });
  const sitemaps: string[] = [];
  for (let start = 0; start < urls.length; start += ENTRY_LIMIT) {
    const name = `sitemap-${sitemaps.length}.xml`;
    const entries = urls.slice(start, start + ENTRY_LIMIT).map((url) => `<url><loc>${xmlText(url)}</loc></url>`);
    writeFileSync(join(dir, name), `${XML_DECLARATION}${URLSET_OPEN}${entries.join('')}</urlset>`);
    sitemaps.push(new URL(posix.join(root.pathname, name), root).href);
  }
  const index = sitemaps.map((url) => `<sitemap><loc>${xmlText(url)}</loc></sitemap>`).join('');
  writeFileSync(join(dir, SITEMAP_INDEX), `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">${index}</sitemapindex>`);
}

/** The integration: the sitemap of every page `astro build` built, but those `exclude` leaves out. */
export function sitemap({ exclude }: { exclude?: (url: string) => boolean } = {}): AstroIntegration {
  let root: URL | undefined;
  return {
    name: 'paper-digest:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.site ? new URL(config.base, config.site) : undefined;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (root === undefined) return logger.warn('no `site` in the Astro config: no sitemap written');
        writeSitemap(fileURLToPath(dir), sitemapUrls(pages.map((p) => p.pathname), root, exclude), root);
        logger.info(`${SITEMAP_INDEX} written`);
      },
    },
  };
}
