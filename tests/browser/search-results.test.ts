/**
 * Search results that explain themselves, in Chromium over the real built index: each card's
 * date, topics, upvotes, code badge and excerpt of the abstract; filter counts that follow the
 * query; slug URLs and the label URLs shared before them; one search box on a phone with the
 * first result on the first screen; results drawn as they arrive; and "search within" links
 * from topic and digest-day pages.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/utils/format-date.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { collection, factsBySlug, slugOf, type PaperFacts } from '../support/collection.ts';

const site = useSite();
const papers = collection();
const bySlug = factsBySlug();
const texts = papers.map((p) => `${p.title} ${p.abstract}`.toLowerCase());

async function openSearch(path = 'search/', options: Parameters<typeof site.page>[0] = {}): Promise<Page> {
  const page = await site.page(options);
  await page.goto(site.url(path));
  await searchSettled(page);
  return page;
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator('#search-query').fill(query);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await searchSettled(page);
}

async function shownSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(slugOf);
}

const statusCount = async (page: Page) => Number(/^(\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? 0);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A word of the paper's title that no more than `most` papers use. */
function rareTitleWord(paper: PaperFacts, most = 2): string | undefined {
  return paper.title.toLowerCase().match(/\b[a-z]{7,}\b/g)?.find((w) => texts.filter((t) => t.includes(w)).length <= most);
}

describe('a result card', () => {
  // A paper with everything to show: publication date, upvotes, code, topics, an abstract.
  const paper = papers.find((p) => p.year !== 'unknown' && p.upvotes > 0 && p.hasCode && p.topics.length > 0 && p.abstract && rareTitleWord(p));

  it('shows the date, upvotes, code badge and topics, and an excerpt of the abstract, not the title', async () => {
    expect(paper, 'a bundled paper with a date, upvotes, code and topics').toBeDefined();
    const page = await openSearch();
    await searchFor(page, rareTitleWord(paper!)!);
    const card = page.locator('#search-results article').filter({ has: page.getByRole('link', { name: paper!.title, exact: true }) });
    expect(await card.locator('.paper-card__date').textContent()).toBe(formatDay(paper!.date));
    expect(await card.locator('.upvotes').textContent()).toBe(`▲ ${paper!.upvotes}`);
    expect(await card.locator('.badge').textContent()).toBe('code');
    expect(await card.locator('.chips a').allTextContents()).toEqual(paper!.topics);
    const hrefs = await card.locator('.chips a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toEqual(paper!.topicSlugs.map((s) => `${site.built.basePath}topics/${s}/`));
    const excerpt = squash((await card.locator('.paper-card__excerpt').textContent())!.replace(/…/g, ''));
    expect(excerpt.length).toBeGreaterThan(20);
    expect(squash(paper!.abstract)).toContain(excerpt);
  });

  it('says "first listed …" for a paper with no publication date, and shows no code badge or upvotes it does not have', async () => {
    const undated = papers.find((p) => p.year === 'unknown' && !p.hasCode && p.upvotes === 0 && rareTitleWord(p))!;
    const page = await openSearch();
    await searchFor(page, rareTitleWord(undated)!);
    const card = page.locator('#search-results article').filter({ has: page.getByRole('link', { name: undated.title, exact: true }) });
    expect(await card.locator('.paper-card__date').textContent()).toBe(`first listed ${formatDay(undated.date)}`);
    expect(await card.locator('.badge').count()).toBe(0);
    expect(await card.locator('.upvotes').count()).toBe(0);
  });
});

describe('filter counts', () => {
  it('are the collection\'s before a search, and follow the query after it: each count is what picking that choice finds', async () => {
    const page = await openSearch();
    const topicOptions = page.locator('select[name=topic] option:not([value=""])');
    const before = await topicOptions.allTextContents();
    await page.locator('select[name=topic]').focus();
    await page.locator('#search-filters[data-counts=all]').waitFor({ state: 'attached' });
    expect(await topicOptions.allTextContents()).toEqual(before);

    await searchFor(page, 'diffusion');
    await page.locator('#search-filters[data-counts=search]').waitFor({ state: 'attached' });
    const after = await topicOptions.allTextContents();
    expect(after).not.toEqual(before);
    const total = await statusCount(page);
    const counts = new Map(
      await page.locator('select[name=topic] option:not([value=""])').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, Number(/\((\d+)\)$/.exec(o.textContent!)![1])] as const)),
    );
    for (const n of counts.values()) expect(n).toBeLessThanOrEqual(total);
    // The largest topic for this query: picking it finds as many papers as its count said.
    const [slug, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(0);
    await page.locator('select[name=topic]').selectOption(slug);
    await page.waitForFunction((s) => new URLSearchParams(location.search).get('topic') === s, slug);
    await searchSettled(page);
    expect(await statusCount(page)).toBe(count);
    // With the topic set, its own choices still say what switching to each would find.
    await page.locator('#search-filters[data-counts=search]').waitFor({ state: 'attached' });
    expect(await page.locator(`select[name=topic] option[value="${slug}"]`).textContent()).toMatch(new RegExp(`\\(${count}\\)$`));
  });
});

describe('filters in the URL', () => {
  const topic = [...new Set(papers.flatMap((p) => p.topicSlugs))].sort()[0]!;
  const name = papers.find((p) => p.topicSlugs.includes(topic))!.topics[papers.find((p) => p.topicSlugs.includes(topic))!.topicSlugs.indexOf(topic)]!;
  const expected = papers.filter((p) => p.topicSlugs.includes(topic)).length;

  it('are slugs: picking a topic writes topic=<slug>', async () => {
    const page = await openSearch();
    await page.locator('select[name=topic]').selectOption(topic);
    await page.waitForFunction((s) => location.search === `?topic=${s}`, topic);
    await searchSettled(page);
    expect(await statusCount(page)).toBe(expected);
  });

  it('a slug URL and an older label URL open the same search; the label URL is rewritten to the slug', async () => {
    const bySlugUrl = await openSearch(`search/?q=model&topic=${topic}`);
    const byLabelUrl = await openSearch(`search/?q=model&topic=${encodeURIComponent(name).replace(/%20/g, '+')}`);
    for (const page of [bySlugUrl, byLabelUrl]) expect(await page.locator('select[name=topic]').inputValue()).toBe(topic);
    expect(await shownSlugs(byLabelUrl)).toEqual(await shownSlugs(bySlugUrl));
    expect(await byLabelUrl.locator('#search-status').textContent()).toBe(await bySlugUrl.locator('#search-status').textContent());
    expect(new URL(byLabelUrl.url()).searchParams.get('topic')).toBe(topic);
  });
});

describe('on a phone (375 × 667)', () => {
  const phone = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

  it('one search box, and after a search the first result is on the first screen', async () => {
    const page = await openSearch('search/', phone);
    expect(await page.locator('input[type=search]').count()).toBe(1);
    await searchFor(page, 'language model');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const box = await page.locator('#search-results > li').first().locator('h2 a').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(667);
  });

  it('the filters fold away behind a button that says how many are set', async () => {
    const page = await openSearch(`search/?year=2025&code=yes`, phone);
    const toggle = page.locator('#search-filters-toggle');
    expect(await page.locator('select[name=year]').isVisible()).toBe(false);
    expect(squash((await toggle.textContent())!)).toBe('Filters and order (2 set)');
    await toggle.click();
    expect(await page.locator('select[name=year]').isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('other pages keep the header search box', async () => {
    const page = await site.page(phone);
    await page.goto(site.url());
    expect(await page.locator('#site-search').isVisible()).toBe(true);
  });
});

describe('results arrive', () => {
  it('as their data does, first ones first: the first result shows while the others are held back', async () => {
    const page = await openSearch();
    const held: Route[] = [];
    let released = false;
    // On the context: Pagefind fetches fragments from its web worker, which page routes do not see.
    await page.context().route(/\/pagefind\/(?:shards\/\d+\/)?fragment\//, async (route) => {
      if (released) return route.continue();
      held.push(route);
      // The first fragment asked for goes through; the rest wait.
      if (held.length === 1) await route.continue();
    });
    await page.locator('#search-query').fill('language model');
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.locator('#search-results').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('#search-results > li').count()).toBe(1);
    released = true;
    await Promise.all(held.slice(1).map((route) => route.continue()));
    await searchSettled(page);
    const shown = await shownSlugs(page);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown[0]).toBe((await shownSlugs(await openSearch('search/?q=language+model')))[0]);
  });
});

describe('search within', () => {
  it('a topic: its page links to the search page with that topic set', async () => {
    const topic = [...new Set(papers.flatMap((p) => p.topicSlugs))].sort()[0]!;
    const page = await site.page();
    await page.goto(site.url(`topics/${topic}/`));
    await page.getByRole('link', { name: 'Search within this topic' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/search/'));
    await searchSettled(page);
    expect(await page.locator('select[name=topic]').inputValue()).toBe(topic);
    expect(await statusCount(page)).toBe(papers.filter((p) => p.topicSlugs.includes(topic)).length);
  });

  it('a digest day: its page links to the search page with that day set', async () => {
    const day = papers[0]!.days[0]!;
    const page = await site.page();
    await page.goto(site.url(`digests/${day}/`));
    await page.getByRole('link', { name: 'Search within this day' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/search/'));
    await searchSettled(page);
    expect(await page.locator('select[name=day]').inputValue()).toBe(day);
    const expected = papers.filter((p) => p.days.includes(day)).map((p) => p.slug);
    expect(await statusCount(page)).toBe(expected.length);
    for (const slug of await shownSlugs(page)) expect(bySlug.get(slug)!.days).toContain(day);
  });
});
