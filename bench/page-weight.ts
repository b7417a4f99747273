/**
 * The weight of a typical paper page as built: its HTML, the CSS files it links and the
 * scripts it loads, and whether any script blocks rendering (a classic script in
 * `<head>` without `async` or `defer`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { walk } from './file-census.ts';

export interface PageWeight {
  /** The page's URL path, e.g. `/papers/<slug>/`. */
  url: string;
  /** How many paper pages the median was taken over. */
  paperPages: number;
  htmlBytes: number;
  cssBytes: number;
  cssFiles: string[];
  /** HTML and CSS gzip-compressed, as most static hosts serve them. */
  htmlCssGzipBytes: number;
  /** Classic external scripts in `<head>` without `async`/`defer`: they block rendering. */
  blockingScripts: string[];
  /** Inline classic scripts in `<head>` (they run before rendering but load nothing). */
  inlineHeadScripts: number;
  scriptFiles: string[];
  scriptBytes: number;
}

/**
 * @param slugs the papers' slugs; their pages are found wherever the site puts them
 *   (`<slug>/index.html` or `<slug>.html`), so the URL scheme is not assumed.
 */
export function typicalPaperPage(distDir: string, slugs: string[]): PageWeight | null {
  const wanted = new Set(slugs);
  const pages: Array<{ path: string; size: number }> = [];
  for (const path of walk(distDir)) {
    if (!path.endsWith('.html')) continue;
    const name = basename(path) === 'index.html' ? basename(dirname(path)) : basename(path, '.html');
    if (wanted.has(name)) pages.push({ path, size: statSync(path).size });
  }
  if (pages.length === 0) return null;
  pages.sort((a, b) => a.size - b.size);
  const median = pages[Math.floor(pages.length / 2)]!;
  return { ...weighPage(distDir, median.path), paperPages: pages.length };
}

export function weighPage(distDir: string, file: string): Omit<PageWeight, 'paperPages'> {
  const html = readFileSync(file, 'utf8');
  const url = `/${relative(distDir, file)}`.replace(/index\.html$/, '');
  const local = (href: string) => {
    const target = new URL(href, `http://page${url}`);
    if (target.host !== 'page') return null; // another host: not part of the build
    const path = decodeURIComponent(target.pathname);
    const onDisk = join(distDir, path.endsWith('/') ? `${path}index.html` : path);
    return existsSync(onDisk) ? onDisk : null;
  };

  const cssFiles = tags(html, 'link')
    .filter((tag) => /(^|\s)stylesheet(\s|$)/i.test(attribute(tag, 'rel') ?? '') && attribute(tag, 'href'))
    .map((tag) => attribute(tag, 'href')!);
  const css = cssFiles.map((href) => (local(href) ? readFileSync(local(href)!, 'utf8') : ''));

  const head = html.slice(0, Math.max(0, html.search(/<\/head>|<body[\s>]/i)));
  const headScripts = scripts(head);
  const isClassic = (tag: string) => /^(|text\/javascript|application\/javascript|text\/ecmascript)$/i.test(attribute(tag, 'type') ?? '');
  const blocks = (tag: string) => isClassic(tag) && !hasAttribute(tag, 'async') && !hasAttribute(tag, 'defer');
  const scriptFiles = scripts(html).flatMap(({ tag }) => (attribute(tag, 'src') ? [attribute(tag, 'src')!] : []));

  return {
    url,
    htmlBytes: Buffer.byteLength(html),
    cssBytes: css.reduce((n, text) => n + Buffer.byteLength(text), 0),
    cssFiles,
    htmlCssGzipBytes: gzipSync(html).length + css.reduce((n, text) => n + gzipSync(text).length, 0),
    blockingScripts: headScripts.filter(({ tag }) => attribute(tag, 'src') && blocks(tag)).map(({ tag }) => attribute(tag, 'src')!),
    inlineHeadScripts: headScripts.filter(({ tag }) => !attribute(tag, 'src') && isClassic(tag)).length,
    scriptFiles,
    scriptBytes: scriptFiles.reduce((n, src) => n + (local(src) ? statSync(local(src)!).size : 0), 0),
  };
}

function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

function scripts(html: string): Array<{ tag: string }> {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => ({ tag: m[0] }));
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function hasAttribute(tag: string, name: string): boolean {
  return new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag);
}

/**
 * Papers whose article is drawn from a bundle instead of a page of their own (a build with
 * PAPER_PAGES: src/site/paper-pages.ts): the slugs the bundles in `paper-data/` hold.
 */
export function bundledArticles(distDir: string): Set<string> {
  const slugs = new Set<string>();
  if (!existsSync(join(distDir, 'paper-data'))) return slugs;
  for (const path of walk(join(distDir, 'paper-data'))) {
    if (!path.endsWith('.html')) continue;
    for (const match of readFileSync(path, 'utf8').matchAll(/<article class="paper" data-paper="([^"]+)"/g)) slugs.add(match[1]!);
  }
  return slugs;
}
