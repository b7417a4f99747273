/**
 * Hostile listing text, end to end: a listing whose titles, abstracts and organisation names
 * are crafted markup (tests/fixtures/listings/hostile.txt) goes through the real ingest CLI
 * and one full site build (astro build, Pagefind index, offline step) into a scratch folder.
 *
 * The built files must carry that text as text: on every HTML page and in its head tags, in
 * the feeds and the sitemap; only http(s) URLs become links; every page has a strict CSP.
 * Then Chromium loads every page and searches for the papers: no dialog may open, no payload
 * may run, no handler or script URL may reach the live DOM, no CSP violation may be reported
 * (the fixture fails a test on any). The payloads call alert() (seen as dialogs) or set
 * `window.__pwned` (checked after every page), so a payload that runs is seen either way.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/papers/file.ts';
import { parseBibtex } from '../support/bibtex.ts';
import { elements, injectedMarkup, type Element } from '../support/html-dom.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { buildSiteInto, root, type BuiltSite } from '../support/built-site.ts';
import { listedSlugs, putStored } from '../support/personal.ts';

const LISTING = join(root, 'tests/fixtures/listings/hostile.txt');
const CAPTURE_DATE = '2026-02-01';
// Every payload the fixture must carry, as listing text: checked against what ingest wrote.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{ x }}',
  '${x}',
  '<Component />',
  "import x from 'y'",
  '</title><script>alert(2)</script>',
  '<svg onload=alert(3)>',
  'data:text/html,<script>',
  'https://example.org/a"onmouseover="alert(4)',
  '<b>Evil</b>',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=window.__pwned=2>',
  '<svg onload=window.__pwned=3>',
  '<img src=x onerror=window.__pwned=4>',
];

/** A paper as ingest wrote it: what the pages must show, character for character. */
interface HostilePaper {
  slug: string;
  title: string;
  abstract: string;
  org: string | null;
  topics: string[];
  published: string;
  rank: number;
  urls: string[];
}

interface Frontmatter {
  title: string;
  org: { name: string } | null;
  topics: string[];
  published: string;
  urls: string[];
  listings: Array<{ rank: number }>;
}

let papers: HostilePaper[] = [];

async function buildHostileSite(): Promise<BuiltSite> {
  const scratch = mkdtempSync(join(tmpdir(), 'hostile-site-'));
  const papersDir = join(scratch, 'papers');
  await promisify(execFile)(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', '--papers-dir', papersDir, '--date', CAPTURE_DATE, LISTING], { cwd: root });
  papers = readPapers(papersDir);
  return buildSiteInto(join(scratch, 'dist'), { PAPERS_DIR: papersDir });
}

function readPapers(dir: string): HostilePaper[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const { data, body } = readFrontmatter(readFileSync(join(dir, name), 'utf8'));
      const fm = data as unknown as Frontmatter;
      return { slug: name.replace(/\.md$/, ''), title: fm.title, abstract: body.trim(), org: fm.org?.name ?? null, topics: fm.topics, published: fm.published, rank: fm.listings[0]!.rank, urls: fm.urls };
    });
}

// One build for the whole file (builds wait for each other; the tier's hook guard in vitest.config.ts
// allows for that). Its scratch folder goes with the run's (tests/support/scratch-root.ts): removed
// here, it could vanish while the server still answers the browser's last requests.
const site = useSite(buildHostileSite);

const read = (file: string) => readFileSync(join(site.built.dir, file), 'utf8');

/** Every HTML file of the build, as its site path: `index.html` → '', `papers/x/index.html` → 'papers/x/'. */
function htmlPages(): string[] {
  return readdirSync(site.built.dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}
const fileOf = (path: string) => (path === '' || path.endsWith('/') ? `${path}index.html` : path);
const pageUrl = (path: string) => new URL(`${site.built.basePath}${path}`, site.built.siteOrigin);

// The body's text: what the page shows (the <title> and meta tags are checked on their own).
const textOf = (all: Element[]) => all.find((e) => e.tag === 'body')!.text;
const meta = (all: Element[]) => new Map(all.filter((e) => e.tag === 'meta' && e.attrs.content !== undefined).map((e) => [e.attrs.property ?? e.attrs.name ?? e.attrs['http-equiv'], e.attrs.content!]));
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
const CSP_META = /<meta http-equiv="content-security-policy"/i;

/** The bodies of the site's own `<script is:inline>` elements, as written in src/: Astro copies them into pages unhashed. */
function inlineSources(): Set<string> {
  const dir = join(root, 'src');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro'));
  return new Set(files.flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/<script is:inline>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)));
}

/** A page's inline scripts, split at its CSP meta tag: a meta policy governs only what follows it. */
function inlineScripts(html: string): { beforePolicy: string[]; underPolicy: string[] } {
  const inline = (all: Element[]) => all.filter((e) => e.tag === 'script' && !e.attrs.src).map((e) => e.text);
  const scripts = inline(elements(html));
  const before = inline(elements(html.slice(0, html.search(CSP_META)))).length;
  return { beforePolicy: scripts.slice(0, before), underPolicy: scripts.slice(before) };
}

/** The page's CSP, directive → sources: one meta tag, in the head (browsers ignore one in the body). */
function policyOf(html: string, all = elements(html)): Map<string, string[]> {
  const tags = all.filter((e) => e.tag === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
  expect(tags).toHaveLength(1);
  expect(html.search(CSP_META)).toBeLessThan(html.search(/<\/head>/i));
  const directives = tags[0]!.attrs.content!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
  return new Map(directives.map(([name, ...sources]) => [name!, sources]));
}

/** What a page must show as text, from the paper files: the pages that list a paper show its card. */
function shownText(): Map<string, string[]> {
  const shown = new Map<string, string[]>();
  const add = (path: string, ...texts: Array<string | null>) => shown.set(path, [...(shown.get(path) ?? []), ...texts.filter((t): t is string => t !== null)]);
  for (const p of papers) {
    const month = `archive/${p.published.slice(0, 4)}/${p.published.slice(5, 7)}/`;
    for (const path of [`papers/${p.slug}/`, `digests/${CAPTURE_DATE}/`, '', month, ...p.topics.map((t) => `topics/${t}/`)]) add(path, p.title, p.abstract, p.org);
    add('search/', p.org);
  }
  return shown;
}

/** An XML file as a browser's XML parser reads it: every element name, and each item's or url's fields as text. */
interface ParsedXml {
  error: string | null;
  tags: string[];
  records: Array<Record<string, string>>;
}
async function parseXml(page: Page, xml: string, record: 'item' | 'url' | 'sitemap'): Promise<ParsedXml> {
  return page.evaluate(
    ([text, name]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const tags = [...new Set([...doc.getElementsByTagName('*')].map((e) => e.localName))].sort();
      const records = [...doc.getElementsByTagName(name)].map((r) => Object.fromEntries([...r.children].map((c) => [c.localName, c.textContent ?? ''])));
      return { error, tags, records };
    },
    [xml, record] as const,
  );
}

/** A feed description is HTML to a feed reader: what it shows as text, and the elements it would build. */
function asFeedReaderSees(description: string): { text: string; markup: string[] } {
  const all = elements(`<!doctype html><body>${description}`);
  return { text: all.find((e) => e.tag === 'body')!.text, markup: all.map((e) => e.tag).filter((tag) => !['html', 'head', 'body'].includes(tag)) };
}

describe('the hostile listing', () => {
  it('is ingested with every payload kept as literal text', () => {
    expect(papers).toHaveLength(4);
    const stored = papers.map((p) => [p.title, p.abstract, p.org].join('\n')).join('\n');
    for (const payload of PAYLOADS) expect(stored, payload).toContain(payload);
  });
});

describe('the built files carry the hostile text as text', () => {
  it('every HTML page: no injected markup; only http(s) links, outbound ones with rel="noopener noreferrer"', () => {
    const sources = inlineSources();
    for (const path of htmlPages()) {
      const html = read(fileOf(path));
      const scriptHashes = new Set(policyOf(html).get('script-src'));
      // The site's scripts: its bundled modules, inline ones whose hash the CSP lists, and its is:inline ones.
      const own = (el: Element) => (el.attrs.src ? el.attrs.src.startsWith(`${site.built.basePath}_astro/`) : scriptHashes.has(`'sha256-${sha256(el.text)}'`) || sources.has(el.text));
      expect(injectedMarkup(html, own), path).toEqual([]);
      for (const a of elements(html).filter((e) => e.tag === 'a' && e.attrs.href !== undefined)) {
        const url = new URL(a.attrs.href!, pageUrl(path));
        expect(url.protocol, `${path}: <a href="${a.attrs.href}">`).toMatch(/^https?:$/);
        if (url.origin !== site.built.siteOrigin) expect(a.attrs.rel?.split(/\s+/).sort(), `${path}: <a href="${a.attrs.href}">`).toEqual(['noopener', 'noreferrer']);
      }
    }
  });

  it('titles, abstracts and organisation names, literally, on every page that lists the paper; every link to a paper reads its title', () => {
    const shown = shownText();
    expect([...shown.keys()]).toEqual(expect.arrayContaining(['', 'search/', `digests/${CAPTURE_DATE}/`, 'topics/other/', 'archive/2025/12/', 'archive/2026/01/']));
    for (const [path, texts] of shown) {
      const text = textOf(elements(read(fileOf(path))));
      for (const expected of texts) expect(text, `${path} shows ${expected}`).toContain(expected);
    }
    const titles = new Map(papers.map((p) => [`${site.built.basePath}papers/${p.slug}/`, p.title]));
    for (const path of htmlPages()) {
      for (const a of elements(read(fileOf(path))).filter((e) => e.tag === 'a' && e.attrs.href !== undefined)) {
        const url = new URL(a.attrs.href!, pageUrl(path));
        if (titles.has(url.pathname) && url.hash === '') expect(a.text.trim(), `${path}: link to ${a.attrs.href}`).toBe(titles.get(url.pathname));
      }
    }
  });

  it('every paper page: its title and abstract in the <title>, description, Open Graph and Twitter tags; its http(s) URLs as links', () => {
    for (const p of papers) {
      const all = elements(read(`papers/${p.slug}/index.html`));
      const tags = meta(all);
      expect(all.find((e) => e.tag === 'title')!.text).toBe(`${p.title} · Paper Digest`);
      expect(all.find((e) => e.tag === 'h1')!.text).toBe(p.title);
      expect(tags.get('og:title')).toBe(p.title);
      expect(tags.get('og:description')).toBe(p.abstract);
      expect(tags.get('description')).toBe(p.abstract);
      // Whichever of these the layout writes, each holds the text as it is.
      for (const name of ['twitter:title', 'og:image:alt']) if (tags.has(name)) expect(tags.get(name), name).toBe(p.title);
      if (tags.has('twitter:description')) expect(tags.get('twitter:description')).toBe(p.abstract);
      const hrefs = all.filter((e) => e.tag === 'a').map((e) => e.attrs.href);
      for (const url of p.urls) expect(hrefs, p.slug).toContain(url);
    }
    // The digest's description names its first three papers.
    const digest = meta(elements(read(`digests/${CAPTURE_DATE}/index.html`)));
    for (const name of ['description', 'og:description']) expect(papers.filter((p) => digest.get(name)!.includes(p.title)), name).toHaveLength(3);
  });

  it('every page has a CSP meta tag that allows only the site\'s own scripts (files, hashed inline ones) and WebAssembly', () => {
    const sources = inlineSources();
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(15);
    for (const path of pages) {
      const html = read(fileOf(path));
      const all = elements(html);
      const policy = policyOf(html, all);
      const scriptSrc = policy.get('script-src') ?? [];
      expect(scriptSrc, path).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
      for (const source of scriptSrc) expect(source, `${path}: script-src`).toMatch(/^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/);
      // Nothing loosens it: no per-element or per-attribute script policy, no inline handlers.
      expect([...policy.keys()].filter((d) => d.startsWith('script-src') && d !== 'script-src'), path).toEqual([]);
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'self'"]);
      for (const source of policy.get('style-src') ?? []) expect(source, `${path}: style-src`).toMatch(/^('self'|'sha256-[A-Za-z0-9+/]+=*')$/);
      // The inline scripts it governs are the site's, allowed by hash; any before it (the theme
      // script, which must run before first paint) are the site's is:inline ones, as in src/.
      const { beforePolicy, underPolicy } = inlineScripts(html);
      for (const script of underPolicy) expect(scriptSrc, `${path}: inline script ${script.slice(0, 40)}`).toContain(`'sha256-${sha256(script)}'`);
      for (const script of beforePolicy) expect(sources, `${path}: inline script ${script.slice(0, 40)}`).toContain(script);
    }
  });

  it('the feeds parse as XML with no element injected, titles as plain text and descriptions as HTML that shows the literal text', async () => {
    const page = await site.page();
    const digestFeed = await parseXml(page, read('rss.xml'), 'item');
    expect(digestFeed.error).toBeNull();
    expect(digestFeed.tags).toEqual(['channel', 'description', 'encoded', 'guid', 'item', 'language', 'link', 'pubDate', 'rss', 'title']);
    const [day] = digestFeed.records;
    expect(asFeedReaderSees(day!.description!).markup).toEqual([]);
    // The day's content links every paper, each by its title as text; the only markup is the feed's own list.
    const shown = asFeedReaderSees(day!.encoded!);
    expect(new Set(shown.markup)).toEqual(new Set(['p', 'ol', 'li', 'a']));
    const links = elements(`<body>${day!.encoded!}`).filter((e) => e.tag === 'a');
    expect(links.map((a) => a.text).sort()).toEqual(papers.map((p) => p.title).sort());
    for (const a of links) expect(new URL(a.attrs.href!).origin).toBe(site.built.siteOrigin);

    const topics = [...new Set(papers.flatMap((p) => p.topics))];
    expect(topics.length).toBeGreaterThan(1);
    for (const feedPath of ['papers/rss.xml', ...topics.map((topic) => `topics/${topic}/rss.xml`)]) {
      const feed = await parseXml(page, read(feedPath), 'item');
      expect(feed.error, feedPath).toBeNull();
      expect(feed.tags, feedPath).toEqual(['category', 'channel', 'description', 'guid', 'item', 'language', 'link', 'pubDate', 'rss', 'title']);
      const items = new Map(feed.records.map((r) => [r.link, r]));
      const topic = feedPath.startsWith('topics/') ? feedPath.split('/')[1] : null;
      for (const p of papers.filter((p) => topic === null || p.topics.includes(topic))) {
        const item = items.get(pageUrl(`papers/${p.slug}/`).href);
        expect(item?.title, p.slug).toBe(p.title);
        expect(asFeedReaderSees(item!.description!), p.slug).toEqual({ text: p.abstract, markup: [] });
      }
    }
  });

  it('the sitemaps parse as XML and list only the site\'s own pages, the hostile papers\' among them', async () => {
    const page = await site.page();
    const index = await parseXml(page, read('sitemap-index.xml'), 'sitemap');
    expect(index.error).toBeNull();
    const locs: string[] = [];
    for (const { loc } of index.records) {
      const sitemap = await parseXml(page, read(new URL(loc!).pathname.slice(site.built.basePath.length)), 'url');
      expect(sitemap.error).toBeNull();
      expect(sitemap.tags.filter((t) => !['urlset', 'url', 'loc', 'lastmod', 'changefreq', 'priority'].includes(t))).toEqual([]);
      locs.push(...sitemap.records.map((r) => r.loc!));
    }
    const pages = new Set(htmlPages().map((path) => pageUrl(path).href));
    for (const loc of locs) expect(pages, loc).toContain(loc);
    for (const p of papers) expect(locs).toContain(pageUrl(`papers/${p.slug}/`).href);
  });
});

// Runs in the page: what a payload that got through would leave in the live document.
function liveDomProblems(): string[] {
  const problems: string[] = [];
  const pwned = (window as unknown as { __pwned?: unknown }).__pwned;
  if (pwned !== undefined) problems.push(`window.__pwned = ${String(pwned)}`);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) problems.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value)) problems.push(`<${el.localName} ${attr.name}="${attr.value}">`);
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const url = new URL((a as HTMLAnchorElement).href);
    if (!/^https?:$/.test(url.protocol)) problems.push(`link to ${url.href}`);
    else if (url.origin !== location.origin && !['noopener', 'noreferrer'].every((r) => (a as HTMLAnchorElement).relList.contains(r))) problems.push(`outbound link without rel="noopener noreferrer": ${url.href}`);
  }
  for (const script of document.scripts) if (script.src && new URL(script.src).origin !== location.origin) problems.push(`script from ${script.src}`);
  return problems;
}

/** A page that records every dialog it opens (and dismisses it, so the page goes on). */
async function watchedPage(options: Parameters<typeof site.page>[0] = {}): Promise<{ page: Page; dialogs: string[] }> {
  const page = await site.page(options);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  return { page, dialogs };
}

describe('in Chromium', () => {
  it('the watchers see a payload that runs: its dialog, its canary, its handler', async () => {
    // CSP bypassed, so that the injected payload can run at all.
    const { page, dialogs } = await watchedPage({ bypassCSP: true });
    await page.goto(site.url());
    // The payload sets the canary, then opens its dialog: once the dialog is seen, both have happened.
    const dialog = page.waitForEvent('dialog');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned=1;alert(1)">'));
    await dialog;
    expect(dialogs.length).toBe(1);
    const problems = await page.evaluate(liveDomProblems);
    expect(problems).toContain('window.__pwned = 1');
    expect(problems.some((p) => p.includes('onerror'))).toBe(true);
  });

  it('every page of the build loads with no dialog, no payload run, no handler and no script URL in the DOM', async () => {
    const shown = shownText();
    const { page, dialogs } = await watchedPage();
    for (const path of htmlPages()) {
      await page.goto(site.url(path));
      expect(await page.evaluate(liveDomProblems), path).toEqual([]);
      // What the reader sees is the literal text (innerText: as rendered, not as parsed).
      const text = await page.locator('body').innerText();
      for (const expected of (shown.get(path) ?? []).filter((t) => !t.includes('\n'))) expect(text.replace(/\s+/g, ' '), path).toContain(expected.replace(/\s+/g, ' '));
    }
    expect(dialogs).toEqual([]);
  });

  it('search finds each paper by a word of its title and shows the title as literal text', async () => {
    const { page, dialogs } = await watchedPage();
    const words = (p: HostilePaper) => new Set(`${p.title} ${p.abstract}`.toLowerCase().match(/[a-z]{6,}/g));
    for (const p of papers) {
      const word = [...(p.title.toLowerCase().match(/[a-z]{6,}/g) ?? [])].find((w) => papers.every((o) => o === p || !words(o).has(w)))!;
      await page.goto(site.url(`search/?q=${encodeURIComponent(word)}`));
      await searchSettled(page);
      expect(await page.locator('#search-results li h2 a').allTextContents(), word).toEqual([p.title]);
      expect(await page.evaluate(liveDomProblems), word).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  });

  it('search for a hostile word ("script") and by a hostile organisation shows the markup as text', async () => {
    const { page, dialogs } = await watchedPage();
    await page.goto(site.url('search/?q=script'));
    await searchSettled(page);
    const titles = await page.locator('#search-results li h2 a').allTextContents();
    expect(titles).toContain(papers.find((p) => p.title.startsWith('<script>alert(1)</script>'))!.title);
    for (const title of titles) expect(papers.map((p) => p.title)).toContain(title);
    const excerpts = await page.locator('#search-results .paper-card__excerpt').allInnerTexts();
    expect(excerpts.join('\n')).toContain('<script>');
    expect(await page.evaluate(liveDomProblems)).toEqual([]);

    const evil = papers.find((p) => p.org === '<b>Evil</b>')!;
    await page.goto(site.url(`search/?organisation=${encodeURIComponent(evil.org!)}`));
    await searchSettled(page);
    expect(await page.locator('select[name=organisation] option:checked').textContent()).toBe('<b>Evil</b> (1)');
    expect(await page.locator('#search-results li h2 a').allTextContents()).toEqual([evil.title]);
    expect(await page.evaluate(liveDomProblems)).toEqual([]);

    // The paper page's "search its papers" lands on the same search, by the organisation's slug.
    await page.goto(site.url(`papers/${evil.slug}/`));
    await page.getByRole('link', { name: 'search its papers' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/search/'));
    await searchSettled(page);
    expect(new URL(page.url()).searchParams.get('organisation')).toMatch(/^[a-z0-9-]+$/);
    expect(await page.locator('select[name=organisation] option:checked').textContent()).toBe('<b>Evil</b> (1)');
    expect(await page.locator('#search-results li h2 a').allTextContents()).toEqual([evil.title]);
    expect(await page.evaluate(liveDomProblems)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("the reader's pages (saved, catch-up, watchlist, highlights, BibTeX) show hostile titles and organisations as text", async () => {
    const { page, dialogs } = await watchedPage({ acceptDownloads: true });
    await page.goto(site.url('about/'));
    await putStored(page, site.built.basePath, { version: 1, visits: { last: null, current: '2026-01-01' }, watch: [{ words: 'script', addedAt: 1 }, { org: '<b>Evil</b>', addedAt: 2 }] });
    await page.goto(site.url(`digests/${CAPTURE_DATE}/`));
    const buttons = page.locator('[data-digest-day] button[data-save]');
    for (let i = 0; i < papers.length; i++) await buttons.nth(i).click();
    await page.locator('[data-digest-day] button[data-save][aria-pressed="true"]').nth(papers.length - 1).waitFor();
    await page.locator('[data-watched] .watch-mark').first().waitFor();
    expect((await page.locator('.watch-mark').allTextContents()).filter((t) => t.endsWith('organisation <b>Evil</b>'))).toHaveLength(1);
    expect(await page.evaluate(liveDomProblems)).toEqual([]);

    const titleOf = new Map(papers.map((p) => [p.slug, p.title]));
    for (const [path, list] of [['saved/', '[data-saved-list]'], ['catch-up/', '[data-catch-up-list]'], ['watch/', '[data-watch-list]']] as const) {
      await page.goto(site.url(path));
      await page.locator(`${list} [data-paper]`).first().waitFor();
      const slugs = await listedSlugs(page, list);
      expect(slugs.length, path).toBeGreaterThan(0);
      expect(await page.locator(`${list} [data-paper] h2 a`).allTextContents(), path).toEqual(slugs.map((s) => titleOf.get(s)));
      expect(await page.evaluate(liveDomProblems), path).toEqual([]);
    }
    expect(await page.locator('[data-watch-rules] li span').allTextContents()).toEqual(['“script”', 'organisation <b>Evil</b>']);

    await page.goto(site.url('saved/'));
    await page.locator('[data-saved-list] [data-paper]').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as BibTeX' }).click()]);
    const entries = parseBibtex(readFileSync(await download.path(), 'utf8'));
    expect(new Map(entries.map((e) => [e['citation-key'], e.title]))).toEqual(titleOf);
    expect(dialogs).toEqual([]);
  });
});
