/**
 * Search over an index in several shards (src/search/shards.ts): the search page searches the
 * newest shards first and merges the others when a search needs them, so a query finds an old
 * paper, a filter shows the papers of every shard and a sort orders them together. The bundled
 * papers are built with full shards of 100 papers (eight shards: five full, then 50, 12 and 4)
 * instead of the default 8,000.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteInto } from '../support/built-site.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { collection, slugOf } from '../support/collection.ts';
import { newestShardsToSearch, shardPapers } from '../../src/search/shards.ts';

const SHARD_SIZE = 100;
const site = useSite(() => buildSiteInto(join(mkdtempSync(join(tmpdir(), 'sharded-')), 'dist'), { SEARCH_SHARD_SIZE: String(SHARD_SIZE) }));
const papers = collection();
const shards = () => shardPapers(papers.map((p) => ({ slug: p.slug, firstSeen: p.days[0]! })), SHARD_SIZE);
/** The papers a first search covers: those of the newest shards. */
function newestPapers(): Set<string> {
  const all = shards();
  return new Set(all.slice(-newestShardsToSearch(all.map((s) => ({ papers: s.length })))).flatMap((s) => s.map((p) => p.slug)));
}
const holds = (word: string) => {
  const pattern = new RegExp(`\\b${word}\\b`, 'i');
  return (p: (typeof papers)[number]) => pattern.test(`${p.title} ${p.abstract}`);
};
const wordsOf = (p: (typeof papers)[number]) => new Set(`${p.title} ${p.abstract}`.toLowerCase().match(/\b[a-z]{5,}\b/g) ?? []);

describe('an index in shards', () => {
  it('is written as one Pagefind bundle per shard', () => {
    const entry = JSON.parse(readFileSync(join(site.built.dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { shards: Array<{ path: string }> };
    expect(entry.shards.map((s) => s.path)).toEqual(shards().map((_, n) => `shards/${n}/`));
    expect(entry.shards.length).toBeGreaterThan(3);
  });

  it('shows the papers of every shard under a filter, newest first across shards', async () => {
    // The papers of the earliest digest day sit in the first shard, the latest in the last: a
    // year filter holding both spans shards. The most common year does.
    const byYear = new Map<string, string[]>();
    for (const p of papers) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.slug]);
    const [year, expected] = [...byYear].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(shards().filter((shard) => shard.some((p) => expected.includes(p.slug))).length).toBeGreaterThan(2);
    const page = await site.page();
    await page.goto(site.url(`search/?year=${year}&sort=newest`));
    await searchSettled(page);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(`${expected.length} papers found.`);
    const more = page.locator('#search-more');
    while (await more.isVisible()) {
      const before = await page.locator('#search-results > li').count();
      // The page marks the list busy from the click until the whole next page is drawn.
      await more.click();
      await searchSettled(page);
      expect(await page.locator('#search-results > li').count()).toBeGreaterThan(before);
    }
    const shown = (await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).map(slugOf);
    expect([...shown].sort()).toEqual([...expected].sort());
    const dates = shown.map((slug) => papers.find((p) => p.slug === slug)!.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('a first search on an index in shards', () => {
  it('searches the most recently listed papers, says so, and searches all of them when asked', async () => {
    const newest = newestPapers();
    expect(newest.size).toBeLessThan(papers.length);
    // The word most of the newest papers hold: the first search finds a page of them at least.
    const frequency = new Map<string, number>();
    for (const p of papers.filter((p) => newest.has(p.slug))) for (const w of wordsOf(p)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const [word, count] = [...frequency].sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(20);
    expect(papers.filter(holds(word)).length).toBeGreaterThan(count);

    const page = await site.page();
    const metadata: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.pf_meta')) metadata.push(path);
    });
    await page.goto(site.url(`search/?q=${word}`));
    await searchSettled(page);
    const status = page.locator('#search-status');
    await expect(status.textContent()).resolves.toMatch(new RegExp(`^\\d+ papers found among the ${newest.size} most recently listed papers\\.$`));
    const shown = (await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).map(slugOf);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((slug) => !newest.has(slug))).toEqual([]);
    // Only the searched shards' metadata was fetched.
    const searched = shards().length - newestShardsToSearch(shards().map((s) => ({ papers: s.length })));
    expect(metadata.filter((path) => Number(/shards\/(\d+)\//.exec(path)?.[1]) < searched)).toEqual([]);

    const before = Number((await status.textContent())!.split(' ')[0]);
    const widen = page.getByRole('button', { name: `Search all ${papers.length} papers` });
    await widen.click();
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers found\.$/);
    await searchSettled(page);
    // The button is gone: the reader is taken to what it did.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-status');
    expect(Number((await status.textContent())!.split(' ')[0])).toBeGreaterThan(before);
    await expect(widen.isHidden()).resolves.toBe(true);
    expect(new Set(metadata.map((path) => /shards\/(\d+)\//.exec(path)?.[1])).size).toBe(shards().length);
  });

  it('finds an old paper by a word only its title holds, with no button to press', async () => {
    const newest = newestPapers();
    const texts = papers.map((p) => `${p.title} ${p.abstract}`.toLowerCase());
    // A word of an old paper's title that no other paper's text holds, even inside a word.
    const found = papers
      .filter((p) => !newest.has(p.slug))
      .flatMap((p) => (p.title.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []).map((word) => ({ p, word })))
      .find(({ word }) => texts.filter((t) => t.includes(word)).length === 1);
    expect(found).toBeDefined();
    const page = await site.page();
    await page.goto(site.url(`search/?q=${found!.word}`));
    await searchSettled(page);
    // Its stem may match a few other papers' words: fewer than a page, so every shard was searched.
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^\d+ papers? found\.$/);
    const shown = (await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).map(slugOf);
    expect(shown).toContain(found!.p.slug);
    await expect(page.locator('#search-widen').isHidden()).resolves.toBe(true);
  });
});

describe('a search of the newest papers that falls short', () => {
  /** A word held by older papers only, no word of a newest paper starting with it: Pagefind would match a shorter word there. */
  function wordOfOlderPapersOnly(): { word: string; holders: string[] } {
    const newest = newestPapers();
    const newestWords = [...new Set(papers.filter((p) => newest.has(p.slug)).flatMap((p) => [...wordsOf(p)]))];
    const holders = new Map<string, string[]>();
    for (const p of papers.filter((p) => !newest.has(p.slug))) for (const w of wordsOf(p)) if (w.length >= 8) holders.set(w, [...(holders.get(w) ?? []), p.slug]);
    const [word, slugs] = [...holders].filter(([w]) => !newestWords.some((n) => n.startsWith(w))).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
    return { word, holders: slugs };
  }

  it('searches every shard when the newest papers do not hold a query word, whatever else they match', async () => {
    const { word, holders } = wordOfOlderPapersOnly();
    const page = await site.page();
    await page.goto(site.url(`search/?q=${word}`));
    await searchSettled(page);
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^\d+ papers? found\.$/);
    const first = slugOf(await page.locator('#search-results li h2 a').first().evaluate((a) => (a as HTMLAnchorElement).href));
    expect(holders).toContain(first);
  });

  it('keeps searching the newest papers when an older shard cannot load', async () => {
    const { word } = wordOfOlderPapersOnly();
    // Without the service worker, which would fetch past the test's routes.
    const page = await site.page({ serviceWorkers: 'block' });
    // The oldest shard's metadata is missing (a deploy half done, a dropped connection).
    await page.route(/\/pagefind\/shards\/0\/pagefind\.[^/]+\.pf_meta$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(site.url(`search/?q=${word}`));
    await searchSettled(page);
    // Whatever it found among the newest papers is shown, said to be that, with the button to try again.
    const status = page.locator('#search-status');
    await expect(status.textContent()).resolves.toMatch(/among the \d+ most recently listed papers\.$|^No papers match\.$/);
    await page.locator('#search-query').fill('model');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ papers found among the \d+ most recently listed papers\.$/);
    await searchSettled(page);
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Search all \d+ papers$/ }).click();
    await expect.poll(() => page.locator('#search-widen').textContent()).toMatch(/^Search all \d+ papers$/);
    await searchSettled(page);
    await expect(status.textContent()).resolves.toMatch(/among the \d+ most recently listed papers\.$/);
    for (let i = site.problems.length - 1; i >= 0; i--) if (/404 \(Not Found\)/.test(site.problems[i]!)) site.problems.splice(i, 1);
  });
});
