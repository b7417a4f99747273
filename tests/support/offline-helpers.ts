/** What the offline browser tests share: the worker's state, the caches, a search. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { searchSettled } from './browser.ts';
import { collection, slugOf, type PaperFacts } from './collection.ts';

/** Waits until a service worker controls the page (after a first visit: installed, shell kept). */
export async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens the search page for a query (in a sort order) and returns the slugs of the first page of results. */
export async function searchFor(page: Page, siteRoot: string, query: string, sort = ''): Promise<string[]> {
  await page.goto(`${siteRoot}search/?q=${encodeURIComponent(query)}${sort ? `&sort=${sort}` : ''}`);
  await searchSettled(page);
  expect(await page.locator('#search-status').textContent()).not.toMatch(/could not/);
  const hrefs = await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(slugOf);
}

/** Every address kept in the origin's caches. */
export async function kept(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
}

/** The word of a paper's title that the fewest papers use, so searching it finds the paper on the first page. */
export function titleWord(paper: PaperFacts): string {
  const texts = collection().map((p) => `${p.title} ${p.abstract}`.toLowerCase());
  const words = paper.title.toLowerCase().match(/\b[a-z]{5,}\b/g) ?? [];
  const uses = (word: string) => texts.filter((t) => new RegExp(`\\b${word}`).test(t)).length;
  return words.map((word) => ({ word, n: uses(word) })).sort((a, b) => a.n - b.n)[0]?.word ?? paper.title;
}
