/** What the offline browser tests share: the worker's state, the caches, a search. */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { searchSettled } from './browser.ts';
import { collection, slugOf, type PaperFacts } from './collection.ts';

/** The first statement of every built sw.js (scripts/build-offline.ts). */
declare const OFFLINE_BUILD: { id: string };

/** Waits until a service worker controls the page (after a first visit: installed, shell kept). */
export async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Waits until the service worker of the build `buildId` is the origin's active worker, its
 * activate step (which drops older builds' caches) finished, and returns it. Waited for by
 * the worker's own state events, so a page that reloads meanwhile does not matter.
 */
export async function workerActivated(context: BrowserContext, buildId: string): Promise<Worker> {
  const worker = await workerOfBuild(context, buildId);
  await worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const me = (self as unknown as { serviceWorker: ServiceWorker }).serviceWorker;
        const done = () => me.state === 'activated' && resolve();
        me.addEventListener('statechange', done);
        done();
      }),
  );
  return worker;
}

/** The service worker of a build (sw.js starts with `const OFFLINE_BUILD={"id":…}`), once the browser has started it. */
function workerOfBuild(context: BrowserContext, buildId: string): Promise<Worker> {
  return new Promise((resolve) => {
    const consider = async (worker: Worker) => {
      // A worker being replaced may be gone before it answers.
      const id = await worker.evaluate(() => OFFLINE_BUILD.id).catch(() => null);
      if (id !== buildId) return;
      context.off('serviceworker', consider);
      resolve(worker);
    };
    context.on('serviceworker', consider);
    for (const worker of context.serviceWorkers()) void consider(worker);
  });
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
