/**
 * Reading and searching offline, in a real browser over the real built site: what the
 * service worker keeps after a first visit, and what "save for offline" adds.
 * (Updates to a newer build: offline-update.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/offline/format-bytes.ts';
import { saveSet, totalBytes, type OfflineManifest } from '../../src/offline/manifest.ts';
import { useSite } from '../support/browser.ts';
import { collection, slugOf, type PaperFacts } from '../support/collection.ts';
import { kept, searchFor, titleWord, workerInCharge } from '../support/offline-helpers.ts';

const site = useSite();

async function paperHeading(page: Page): Promise<string> {
  return (await page.locator('main h1').textContent())?.trim() ?? '';
}

describe('after a first visit, offline', () => {
  it('a paper read online can be read again, and a search run online runs again', async () => {
    const page = await site.page();
    await page.goto(site.url());
    await workerInCharge(page);
    const paper = await firstPaperOnHome(page);
    const word = titleWord(paper);
    await page.goto(site.url(`papers/${paper.slug}/`));
    const online = await searchFor(page, site.url(), word);
    expect(online).toContain(paper.slug);

    await page.context().setOffline(true);
    await page.goto(site.url(`papers/${paper.slug}/`));
    expect(await paperHeading(page)).toBe(paper.title);
    expect(await searchFor(page, site.url(), word)).toEqual(online);

    // The connection really is off: a paper never opened is not there, the offline page is.
    const unread = collection().find((p) => p.slug !== paper.slug && !online.includes(p.slug))!;
    await page.goto(site.url(`papers/${unread.slug}/`));
    expect(await paperHeading(page)).toBe('Offline reading');
    await page.locator('[data-offline-missing]').waitFor();
  });
});

describe('pages a reader opened, offline', () => {
  it('a topic page and an archive month read online read again offline; a page never opened shows what is kept, not a dead end', async () => {
    const topics = subfolders('topics');
    const month = subfolders('archive').flatMap((y) => subfolders(`archive/${y}`).map((m) => `archive/${y}/${m}/`))[0]!;
    const [topic, unopened] = [topics[0]!, topics[1]!];
    const page = await site.page();
    await page.goto(site.url());
    await workerInCharge(page);
    await page.goto(site.url(`topics/${topic}/`));
    const topicHeading = await paperHeading(page);
    await page.goto(site.url(month));
    const monthHeading = await paperHeading(page);

    await page.context().setOffline(true);
    await page.goto(site.url(`topics/${topic}/`));
    expect(await paperHeading(page)).toBe(topicHeading);
    await page.goto(site.url(month));
    expect(await paperHeading(page)).toBe(monthHeading);

    await page.goto(site.url(`topics/${unopened}/`));
    expect(await paperHeading(page)).toBe('Offline reading');
    await page.locator('[data-offline-missing]').waitFor();
    const kept = page.locator('[data-offline-kept]');
    await kept.waitFor();
    const links = await kept.locator('a').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent })));
    expect(links).toEqual(expect.arrayContaining([{ href: site.url(`topics/${topic}/`), text: expect.stringContaining(topicHeading) }, { href: site.url(month), text: expect.stringContaining(monthHeading) }]));
    expect(links.map((l) => l.href)).not.toContain(site.url(`topics/${unopened}/`));
    // A kept page listed there opens, offline.
    await kept.getByRole('link', { name: topicHeading }).first().click();
    await page.waitForURL(site.url(`topics/${topic}/`));
    expect(await paperHeading(page)).toBe(topicHeading);
  });
});

describe('"save for offline"', () => {
  it('shows the size first, shows progress, and then a paper never opened reads and is found offline', async () => {
    const manifest = JSON.parse(readFileSync(join(site.built.dir, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
    const size = formatBytes(totalBytes(saveSet(manifest)));
    const page = await site.page();
    await page.goto(site.url('offline/'));
    const summary = page.locator('[data-offline-plan]');
    await summary.filter({ hasText: size }).waitFor();
    expect(await summary.textContent()).toContain(`with their ${manifest.recent.papers} papers`);

    // Every step of the progress text, as the page shows it.
    await page.locator('[data-offline-amount]').evaluate((amount) => {
      const seen: string[] = [];
      new MutationObserver(() => seen.push(amount.textContent ?? '')).observe(amount, { childList: true, characterData: true, subtree: true });
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    });
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await page.locator('[data-offline-status]').filter({ hasText: 'Saved.' }).waitFor();
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(`${size} of ${size}`);
    expect(await page.locator('[data-offline-progress] progress').evaluate((bar: HTMLProgressElement) => bar.value === bar.max)).toBe(true);
    expect(await kept(page)).toEqual(expect.arrayContaining(saveSet(manifest).map((f) => site.url(f.path))));

    await page.context().setOffline(true);
    const latestDay = manifest.recent.days[0]!;
    const unread = collection().find((p) => p.days.includes(latestDay) && !page.url().includes(p.slug))!;
    await page.goto(site.url(`papers/${unread.slug}/`));
    expect(await paperHeading(page)).toBe(unread.title);
    expect(await searchFor(page, site.url(), titleWord(unread))).toContain(unread.slug);
    // Sorting fetches its order file only now, from what was saved.
    const newest = await searchFor(page, site.url(), 'model', 'newest');
    const dates = newest.map((slug) => collection().find((p) => p.slug === slug)!.date);
    expect(newest.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

const subfolders = (path: string) =>
  readdirSync(join(site.built.dir, path), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

async function firstPaperOnHome(page: Page): Promise<PaperFacts> {
  const href = await page.locator('main .paper-card__title a').first().getAttribute('href');
  return collection().find((p) => p.slug === slugOf(href!))!;
}
