/**
 * The reader's site in Chromium, over the real build under a sub-path: a paper page that leads
 * to the paper (action bar, BibTeX, reference-manager tags, its path through the digests), days
 * that fit a phone (compact list, topic filter, scroll loading, no page over 150 KB, three papers
 * above the fold), and feeds that miss nothing (strict XML, RSS 2.0, every paper of a day).
 * Sharing on a foreign host: reader-controls.test.ts; installing and offline: app-and-offline.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser.ts';
import { collection, slugOf, type PaperFacts } from '../support/collection.ts';
import { elements } from '../support/html-dom.ts';
import { childrenNamed, childText, parseXmlStrictly, type XmlElement } from '../support/xml.ts';
import { isCodeUrl } from '../../src/papers/view.ts';
import { DAY_PAGE_SIZE } from '../../src/config.ts';

const site = useSite();
const papers = collection();
const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true } as const;
const MAX_PAGE_BYTES = 150 * 1024;

const allDays = [...new Set(papers.flatMap((p) => p.days))].sort();
const latestDay = allDays.at(-1)!;
const papersOf = (day: string) => papers.filter((p) => p.days.includes(day));
const longestDay = [...allDays].sort((a, b) => papersOf(b).length - papersOf(a).length)[0]!;
const bySlug = (slug: string) => papers.find((p) => p.slug === slug)!;

/** The slugs of the paper links in a list of rows, in order. */
async function rowSlugs(page: Page, rows: string): Promise<string[]> {
  const hrefs = await page.locator(`${rows} .paper-card__title a`).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(slugOf);
}

describe('a paper page leads to the paper', () => {
  const withId = papers.find((p) => p.arxiv && p.authors)!;
  const withoutId = [...papers].sort((a, b) => a.slug.localeCompare(b.slug)).find((p) => !p.arxiv && p.urls.some(isCodeUrl) && !p.urls.some((u) => u.includes('arxiv.org')))!;

  it('has an action bar right under the title, above the fold on a phone: arXiv, PDF and Hugging Face for a known id', async () => {
    expect(withId, 'the bundled collection has a paper with a hand-set arXiv id and authors').toBeDefined();
    const page = await site.page(PHONE);
    await page.goto(site.url(`papers/${withId.slug}/`));
    const bar = page.getByRole('group', { name: 'Read, share and cite this paper' });
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(800);
    // Authors and facts take a few lines between the title and the bar, not a 270 px box; the
    // topics, with the reader's watch toggles beside them, come after the bar.
    const title = (await page.locator('main h1').boundingBox())!;
    expect(box.y - (title.y + title.height)).toBeLessThan(170);
    expect(await bar.getByRole('link', { name: 'arXiv', exact: true }).getAttribute('href')).toBe(`https://arxiv.org/abs/${withId.arxiv}`);
    expect(await bar.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(`https://arxiv.org/pdf/${withId.arxiv}`);
    expect(await bar.getByRole('link', { name: 'Hugging Face' }).getAttribute('href')).toBe(`https://huggingface.co/papers/${withId.arxiv}`);
    expect(await bar.getByRole('link', { name: 'Find on arXiv' }).count()).toBe(0);
    expect(await bar.getByRole('button', { name: 'Copy link' }).count()).toBe(1);
    // The reading list's Save button goes here.
    expect(await bar.locator('[data-save-slot]').count()).toBe(1);
    expect(await page.locator('.paper__authors').innerText()).toBe(withId.authors!.join(', '));
  });

  it('offers "Find on arXiv" as a search, never as the paper, when the id is unknown; Code is the first code link', async () => {
    const page = await site.page(PHONE);
    await page.goto(site.url(`papers/${withoutId.slug}/`));
    const bar = page.getByRole('group', { name: 'Read, share and cite this paper' });
    const find = bar.getByRole('link', { name: 'Find on arXiv' });
    const url = new URL((await find.getAttribute('href'))!);
    expect(`${url.origin}${url.pathname}`).toBe('https://arxiv.org/search/');
    expect(url.searchParams.get('query')).toBe(withoutId.title);
    expect(await bar.getByRole('link', { name: 'arXiv', exact: true }).count()).toBe(0);
    expect(await page.locator('a[href^="https://arxiv.org/abs/"], a[href^="https://arxiv.org/pdf/"]').count()).toBe(0);
    expect(await bar.getByRole('link', { name: 'Code' }).getAttribute('href')).toBe(withoutId.urls.find(isCodeUrl));
  });

  it('cites: Cite shows a BibTeX entry that parses, Copy BibTeX copies it; reference-manager tags name the paper', async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url(`papers/${withId.slug}/`));
    const entry = page.locator('#bibtex');
    expect(await entry.isVisible()).toBe(false);
    await page.locator('.cite summary', { hasText: 'Cite' }).click();
    await entry.waitFor({ state: 'visible' });
    const text = await entry.innerText();
    const library = parseBibtex(text, { sentenceCase: false });
    expect(library.errors).toEqual([]);
    const fields = library.entries[0]!.fields;
    expect(fields.title).toBe(withId.title);
    expect((fields.author as Array<{ firstName: string; lastName: string }>).map((a) => `${a.firstName} ${a.lastName}`)).toEqual(withId.authors);
    expect(fields.eprint).toBe(withId.arxiv);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await page.locator('[data-copy-status]', { hasText: 'BibTeX copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const meta = (name: string) => page.locator(`head meta[name="${name}"]`).evaluateAll((tags) => tags.map((t) => (t as HTMLMetaElement).content));
    expect(await meta('citation_title')).toEqual([withId.title]);
    expect(await meta('citation_author')).toEqual(withId.authors);
    expect(await meta('citation_arxiv_id')).toEqual([withId.arxiv]);
    expect(await meta('citation_publication_date')).toEqual([withId.date.replaceAll('-', '/')]);
    expect(await meta('citation_pdf_url')).toEqual([`https://arxiv.org/pdf/${withId.arxiv}`]);
  });

  it('shows its path through the digests: every day listed, each a link to its row on that day\'s page', async () => {
    const repeated = papers.find((p) => p.days.length >= 2)!;
    const page = await site.page();
    await page.goto(site.url(`papers/${repeated.slug}/`));
    expect(await page.locator('[data-digest-path-summary]').innerText()).toMatch(new RegExp(`^Listed ${repeated.days.length} days`));
    const places = await page.locator('.digest-path li').evaluateAll((lis) =>
      lis.map((li) => ({ href: li.querySelector('a')!.href, place: li.querySelector('.muted')!.textContent!.trim() })),
    );
    expect(places.map((p) => new URL(p.href).pathname.match(/digests\/(\d{4}-\d{2}-\d{2})\//)![1])).toEqual(repeated.days);
    for (const { href, place } of places) {
      await page.goto(href);
      const row = page.locator(`[id="p-${repeated.slug}"]`);
      expect(await rowSlugs(page, `[id="p-${repeated.slug}"]`), href).toEqual([repeated.slug]);
      expect(await row.isVisible()).toBe(true);
      // "#3 of 40" on the paper page is the row's rank on the day's page.
      const [, rank, of] = /^#(\d+) of (\d+)$/.exec(place)!;
      expect(await row.locator('.paper-card__rank').innerText(), href).toBe(rank);
      expect(Number(of)).toBe(papersOf(new URL(href).pathname.match(/digests\/([\d-]+)\//)![1]!).length);
    }
  });
});

describe('days that fit a phone', () => {
  it(`the longest day (${longestDay}) opens as a compact list of ${DAY_PAGE_SIZE}, one line of abstract a paper`, async () => {
    const page = await site.page(PHONE);
    await page.goto(site.url(`digests/${longestDay}/`));
    expect(await page.locator('[data-day-list] > li').count()).toBe(Math.min(DAY_PAGE_SIZE, papersOf(longestDay).length));
    const excerpt = page.locator('[data-day-list] .paper-card__excerpt').first();
    const [height, lineHeight] = await excerpt.evaluate((el) => [el.getBoundingClientRect().height, parseFloat(getComputedStyle(el).lineHeight)]);
    expect(height).toBeLessThan(lineHeight * 1.5);
  });

  it('switches to full cards, and remembers the choice on reload and on other days', async () => {
    const page = await site.page(PHONE);
    await page.goto(site.url(`digests/${longestDay}/`));
    const excerptLines = () =>
      page.locator('[data-day-list] .paper-card__excerpt').first().evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(await excerptLines()).toBe(1);
    await page.getByLabel('Full cards').check();
    expect(await excerptLines()).toBeGreaterThan(2);
    await page.reload();
    expect(await page.getByLabel('Full cards').isChecked()).toBe(true);
    expect(await excerptLines()).toBeGreaterThan(2);
    await page.goto(site.url(`digests/${latestDay}/`));
    expect(await excerptLines()).toBeGreaterThan(2);
    await page.getByLabel('Compact list').check();
    expect(await excerptLines()).toBe(1);
  });

  it('filters the whole day by topic, across its pages, and the filter is in the address', async () => {
    const page = await site.page(PHONE);
    await page.goto(site.url(`digests/${longestDay}/`));
    const options = await page.locator('[data-topic-filter] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const topic = options[0]!;
    const expected = papersOf(longestDay).filter((p) => p.topicSlugs.includes(topic));
    await page.selectOption('[data-topic-filter]', topic);
    await page.locator('[data-filter-status]', { hasText: ' papers on ' }).waitFor();
    expect(await page.locator('[data-filter-status]').innerText()).toMatch(new RegExp(`^${expected.length} of ${papersOf(longestDay).length} papers on `));
    expect((await rowSlugs(page, '[data-day-list] > li:not([hidden])')).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(new URL(page.url()).searchParams.get('topic')).toBe(topic);

    // The address opens the day filtered.
    await page.reload();
    await page.locator('[data-filter-status]', { hasText: ' papers on ' }).waitFor();
    expect(await page.locator('[data-day-list] > li:not([hidden])').count()).toBe(expected.length);
    await page.selectOption('[data-topic-filter]', '');
    expect(await page.locator('[data-day-list] > li:not([hidden])').count()).toBe(papersOf(longestDay).length);
  });

  it('loads the next page of a long day as the reader scrolls', async () => {
    const page = await site.page(PHONE);
    await page.goto(site.url(`digests/${longestDay}/`));
    const rows = page.locator('[data-day-list] > li');
    expect(await rows.count()).toBe(DAY_PAGE_SIZE);
    await page.locator('[data-day-more]').scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll('[data-day-list] > li').length > n, DAY_PAGE_SIZE);
    const slugs = await rowSlugs(page, '[data-day-list] > li');
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((s) => bySlug(s).days.includes(longestDay))).toBe(true);
  });

  it('shows at least three papers of the latest day above the fold at 375 × 800, the day\'s top ones, then a place for what is new since the last visit', async () => {
    const page = await site.page(PHONE);
    await page.goto(site.url(`digests/${latestDay}/`));
    const dayOrder = await rowSlugs(page, '[data-day-list] > li');
    await page.goto(site.url());
    const rows = await page.locator('main .paper-list > li').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().bottom));
    const aboveFold = rows.filter((bottom) => bottom <= 800).length;
    expect(aboveFold).toBeGreaterThanOrEqual(3);
    expect((await rowSlugs(page, 'main .paper-list > li')).slice(0, aboveFold)).toEqual(dayOrder.slice(0, aboveFold));
    // Top papers, then "new since your last visit" (empty and hidden until the personal layer fills it), then topics.
    const order = await page.evaluate(() => {
      const top = document.querySelector('main .paper-list')!;
      const catchUp = document.querySelector<HTMLElement>('[data-catch-up]')!;
      const topics = [...document.querySelectorAll('main h2')].find((h) => h.textContent === 'Topics')!;
      const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return { catchUpAfterTop: follows(top, catchUp), topicsAfterCatchUp: follows(catchUp, topics), hidden: catchUp.hidden };
    });
    expect(order).toEqual({ catchUpAfterTop: true, topicsAfterCatchUp: true, hidden: true });
  });

  it(`no HTML page weighs over 150 KB; the longest day is split into pages of ${DAY_PAGE_SIZE}`, async () => {
    const sizes = htmlFiles(site.built.dir).map((file) => ({ file: relative(site.built.dir, file), bytes: statSync(file).size }));
    expect(sizes.length).toBeGreaterThan(papers.length);
    expect(sizes.filter((s) => s.bytes > MAX_PAGE_BYTES)).toEqual([]);
    const pages = Math.ceil(papersOf(longestDay).length / DAY_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    // And as the browser receives the biggest of them.
    const biggest = sizes.sort((a, b) => b.bytes - a.bytes)[0]!;
    const page = await site.page();
    const response = await page.goto(site.url(biggest.file.replace(/index\.html$/, '')));
    expect((await response!.body()).byteLength).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    for (let n = 2; n <= pages; n++) expect(sizes.some((s) => s.file === `digests/${longestDay}/${n}/index.html`), `page ${n}`).toBe(true);
  });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name));
}

describe('feeds that miss nothing', () => {
  const fetchFeed = async (path: string): Promise<XmlElement> => {
    const response = await fetch(site.url(path));
    expect(response.status, path).toBe(200);
    return parseXmlStrictly(await response.text());
  };
  const items = (feed: XmlElement) => childrenNamed(childrenNamed(feed, 'channel')[0]!, 'item');
  const links = (feed: XmlElement) => items(feed).map((i) => childText(i, 'link'));
  const paperUrl = (p: PaperFacts) => new URL(`${site.built.basePath}papers/${p.slug}/`, site.built.siteOrigin).href;
  const topicFeeds = () => readdirSync(join(site.built.dir, 'topics')).filter((t) => statSync(join(site.built.dir, 'topics', t, 'rss.xml'), { throwIfNoEntry: false }));

  it('every .xml file of the build parses as XML with a strict, conforming parser', () => {
    const files = readdirSync(site.built.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(() => parseXmlStrictly(readFileSync(join(site.built.dir, file), 'utf8')), file).not.toThrow();
  });

  it('every feed is RSS 2.0: a channel with title, link, description and its own address; items with title, link, guid, date', async () => {
    for (const path of ['rss.xml', 'papers/rss.xml', ...topicFeeds().map((t) => `topics/${t}/rss.xml`)]) {
      const feed = await fetchFeed(path);
      expect([feed.name, feed.attrs.version], path).toEqual(['rss', '2.0']);
      const [channel, ...more] = childrenNamed(feed, 'channel');
      expect(more, path).toEqual([]);
      for (const field of ['title', 'link', 'description']) expect(childText(channel!, field), `${path}: channel ${field}`).toBeTruthy();
      const self = channel!.children.find((c) => c.uri === 'http://www.w3.org/2005/Atom' && c.attrs.rel === 'self');
      expect(self?.attrs.href, path).toBe(new URL(`${site.built.basePath}${path}`, site.built.siteOrigin).href);
      expect(items(feed).length, path).toBeGreaterThan(0);
      for (const item of items(feed)) {
        for (const field of ['title', 'link', 'guid', 'pubDate', 'description']) expect(childText(item, field), `${path}: item ${field}`).toBeTruthy();
        const date = new Date(childText(item, 'pubDate')!);
        expect(date.toUTCString(), `${path}: RFC 822 date`).toBe(childText(item, 'pubDate'));
      }
    }
  });

  it('every paper of the latest day is in each of its topics\' feeds and in the paper feed, with its topics as categories', async () => {
    const latest = papersOf(latestDay);
    const everyPaper = await fetchFeed('papers/rss.xml');
    expect(links(everyPaper)).toEqual(expect.arrayContaining(latest.map(paperUrl)));
    for (const topic of new Set(latest.flatMap((p) => p.topicSlugs))) {
      const feed = await fetchFeed(`topics/${topic}/rss.xml`);
      for (const p of latest.filter((p) => p.topicSlugs.includes(topic))) {
        const item = items(feed).find((i) => childText(i, 'link') === paperUrl(p));
        expect(item, `${p.slug} in the ${topic} feed`).toBeDefined();
        expect(childrenNamed(item!, 'category').map((c) => c.text)).toEqual(p.topics);
      }
    }
  });

  it('found before: "The Lottery Ticket Hypothesis" is in the efficiency feed, and every topic entry of the January 2026 digests is in its feed', async () => {
    const lottery = papers.find((p) => p.title.startsWith('The Lottery Ticket Hypothesis'))!;
    expect(links(await fetchFeed('topics/efficiency/rss.xml'))).toContain(paperUrl(lottery));
    const january = papers.filter((p) => p.days.some((d) => d.startsWith('2026-01')));
    const entries = january.flatMap((p) => p.topicSlugs.map((topic) => ({ p, topic })));
    expect(entries.length).toBeGreaterThan(100);
    const feeds = new Map<string, string[]>();
    for (const topic of new Set(entries.map((e) => e.topic))) feeds.set(topic, links(await fetchFeed(`topics/${topic}/rss.xml`)) as string[]);
    expect(entries.filter(({ p, topic }) => !feeds.get(topic)!.includes(paperUrl(p))).map(({ p, topic }) => `${topic}: ${p.slug}`)).toEqual([]);
  });

  it('the site feed has an item per day that links every paper of that day, in the day\'s order', async () => {
    const feed = await fetchFeed('rss.xml');
    const day = items(feed).find((i) => childText(i, 'link') === new URL(`${site.built.basePath}digests/${latestDay}/`, site.built.siteOrigin).href)!;
    expect(day).toBeDefined();
    const content = day.children.find((c) => c.uri === 'http://purl.org/rss/1.0/modules/content/' && c.name === 'content:encoded')!.text;
    const linked = elements(`<body>${content}`).filter((e) => e.tag === 'a');
    expect(linked.map((a) => slugOf(a.attrs.href!)).sort()).toEqual(papersOf(latestDay).map((p) => p.slug).sort());
    expect(linked.map((a) => a.text)).toEqual(linked.map((a) => bySlug(slugOf(a.attrs.href!)).title));
    const page = await site.page();
    await page.goto(site.url(`digests/${latestDay}/`));
    expect(linked.map((a) => slugOf(a.attrs.href!))).toEqual(await rowSlugs(page, '[data-day-list] > li'));
  });

  it('are discoverable from every page; a topic page names its own feed too', async () => {
    const page = await site.page();
    const topic = topicFeeds()[0]!;
    for (const path of ['', `digests/${latestDay}/`, `papers/${papers[0]!.slug}/`, 'search/', `topics/${topic}/`]) {
      await page.goto(site.url(path));
      const feeds = await page.locator('head link[rel="alternate"][type="application/rss+xml"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
      expect(feeds, path).toEqual(expect.arrayContaining([site.url('rss.xml'), site.url('papers/rss.xml')]));
      if (path.startsWith('topics/')) expect(feeds).toContain(site.url(`topics/${topic}/rss.xml`));
      for (const feed of feeds) expect((await page.request.get(feed)).status(), feed).toBe(200);
    }
  });
});
