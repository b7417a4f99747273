/**
 * Search over an index in several shards (src/search/shards.ts): the search page merges every
 * shard, so a filter shows the papers of all of them and a sort orders them together. The bundled
 * papers are built with shards of 100 papers (six shards) instead of the default 8,000.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteInto } from '../support/built-site.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { collection, slugOf } from '../support/collection.ts';
import { shardPapers } from '../../src/search/shards.ts';

const SHARD_SIZE = 100;
const site = useSite(() => buildSiteInto(join(mkdtempSync(join(tmpdir(), 'sharded-')), 'dist'), { SEARCH_SHARD_SIZE: String(SHARD_SIZE) }));
const papers = collection();

describe('an index in shards', () => {
  it('is written as one Pagefind bundle per shard', () => {
    const entry = JSON.parse(readFileSync(join(site.built.dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { shards: Array<{ path: string }> };
    expect(entry.shards.map((s) => s.path)).toEqual(Array.from({ length: Math.ceil(papers.length / SHARD_SIZE) }, (_, n) => `shards/${n}/`));
  });

  it('shows the papers of every shard under a filter, newest first across shards', async () => {
    // The papers of the earliest digest day sit in the first shard, the latest in the last: a
    // year filter holding both spans shards. The most common year does.
    const byYear = new Map<string, string[]>();
    for (const p of papers) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.slug]);
    const [year, expected] = [...byYear].sort((a, b) => b[1].length - a[1].length)[0]!;
    const shards = shardPapers(papers.map((p) => ({ slug: p.slug, firstSeen: p.days[0]! })), SHARD_SIZE);
    expect(shards.filter((shard) => shard.some((p) => expected.includes(p.slug))).length).toBeGreaterThan(2);
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
