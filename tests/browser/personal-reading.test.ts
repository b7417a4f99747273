/**
 * Reading with the personal layer, in a real browser over the real built site: seen marks,
 * catch-up after an earlier last visit, the watchlist and its highlights, and the list keys.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/personal/day-file-write.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { collection, type PaperFacts } from '../support/collection.ts';
import { listedSlugs, putStored, seenSlugs, storedEntries } from '../support/personal.ts';

const site = useSite();

const days = () => [...new Set(collection().flatMap((p) => p.days))].sort();
const latestDay = () => days().at(-1)!;
const papersOf = (day: string) => collection().filter((p) => p.days.includes(day));
const slugSet = (slugs: string[]) => [...slugs].sort();

/** Two frames: the page has rendered (and computed what is on screen) since the last step. */
const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe('seen papers', () => {
  it('a paper opened is marked seen where it is listed', async () => {
    const paper = papersOf(latestDay()).sort((a, b) => a.slug.localeCompare(b.slug))[0]!;
    const page = await site.page();
    await page.goto(site.url(`papers/${paper.slug}/`));
    await expect.poll(() => seenSlugs(page, site.built.basePath)).toEqual([paper.slug]);
    await page.goto(site.url(`digests/${latestDay()}/`));
    const card = page.locator(`[data-digest-day] [data-paper="${paper.slug}"]`);
    await card.locator('.seen-mark', { hasText: 'Seen' }).waitFor();
    expect(await page.locator('[data-digest-day] [data-seen]').count()).toBe(1);
  });

  it('papers scrolled past in a digest are marked seen, and only those', async () => {
    const page = await site.page({ reducedMotion: 'reduce', viewport: { width: 1280, height: 720 } });
    await page.goto(site.url(`digests/${latestDay()}/`));
    const cards = page.locator('[data-digest-day] [data-paper]');
    // Each of the first six comes on screen, then the seventh goes to the top: six have been passed.
    for (let i = 0; i <= 6; i++) {
      await cards.nth(i).evaluate((card) => card.scrollIntoView({ block: 'start' }));
      await frames(page);
    }
    const passed = (await listedSlugs(page, '[data-digest-day]')).slice(0, 6);
    await expect.poll(() => seenSlugs(page, site.built.basePath)).toEqual(slugSet(passed));

    await page.reload();
    await page.locator('[data-digest-day] [data-seen]').nth(5).waitFor();
    const marked = await page.locator('[data-digest-day] [data-seen]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.paper!));
    expect(marked).toEqual(passed);
  });
});

describe('catch-up', () => {
  const lastVisit = () => days().at(-3)!;
  /** A reader whose last visit was when the third-newest day was the newest. */
  async function returningReader(): Promise<Page> {
    const page = await site.page();
    await page.goto(site.url('about/'));
    await putStored(page, site.built.basePath, { version: 1, visits: { last: null, current: lastVisit() } });
    return page;
  }

  it('after an earlier last visit, lists exactly the papers first listed since, each once, most upvoted first', async () => {
    const page = await returningReader();
    await page.goto(site.url('catch-up/'));
    const summary = page.locator('[data-catch-up-summary]', { hasText: 'first listed since your last visit' });
    await summary.waitFor();
    const expected = collection().filter((p) => p.days[0]! > lastVisit());
    expect(expected.length).toBeGreaterThan(0);
    const listed = await listedSlugs(page, '[data-catch-up-list]');
    expect(new Set(listed).size).toBe(listed.length);
    expect(slugSet(listed)).toEqual(slugSet(expected.map((p) => p.slug)));
    expect(await summary.textContent()).toMatch(new RegExp(`^${expected.length} papers first listed since your last visit .* from 2 digest days`));
    const upvotes = await page.locator('[data-catch-up-list] .upvotes').allTextContents();
    const counts = upvotes.map((u) => Number(u.replace(/\D/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    // The home page shows the first few, and leads to the rest.
    await page.goto(site.url());
    await page.locator('[data-catch-up]:not([hidden])').waitFor();
    expect(await listedSlugs(page, '[data-catch-up-list]')).toEqual(listed.slice(0, 5));
    expect(await page.getByRole('link', { name: `All ${expected.length} new papers` }).getAttribute('href')).toBe(`${site.built.basePath}catch-up/`);
  });

  it('"mark all as seen" marks them and leaves the reader caught up, also after a reload', async () => {
    const page = await returningReader();
    await page.goto(site.url('catch-up/'));
    await page.locator('[data-catch-up-list] [data-paper]').first().waitFor();
    const listed = await listedSlugs(page, '[data-catch-up-list]');
    await page.getByRole('button', { name: 'Mark all as seen' }).click();
    await page.locator('[data-catch-up-summary]', { hasText: 'You are caught up' }).waitFor();
    expect(await page.locator('[data-catch-up-list] [data-paper]').count()).toBe(0);
    expect(await seenSlugs(page, site.built.basePath)).toEqual(slugSet(listed));
    await page.reload();
    await page.locator('[data-catch-up-summary]', { hasText: 'You are caught up' }).waitFor();
    await page.goto(site.url());
    await page.locator('[data-digest-day] [data-seen]').first().waitFor();
    expect(await page.locator('[data-catch-up]').isHidden()).toBe(true);
  });

  it('on a first visit, says it starts from the next one, and the home page shows nothing of it', async () => {
    const page = await site.page();
    await page.goto(site.url('catch-up/'));
    await page.locator('[data-catch-up-summary]', { hasText: 'From your next visit' }).waitFor();
    await page.goto(site.url());
    await page.locator('[data-digest-day] button[data-save]').first().waitFor();
    expect(await page.locator('[data-catch-up]').isHidden()).toBe(true);
    expect(await storedEntries(page, site.built.basePath)).toMatchObject({ visits: { last: null, current: latestDay() } });
  });
});

describe('the watchlist', () => {
  const words = (text: string) => text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const mentions = (paper: PaperFacts, word: string) => words(`${paper.title} ${firstSentence(paper.abstract)} ${paper.organisation ?? ''}`).some((w) => w.startsWith(word));
  /** A title word of the latest day that a few of its papers share: a highlight that means something. */
  function watchedWord(): { word: string; expected: string[] } {
    const papers = papersOf(latestDay());
    const candidates = [...new Set(papers.flatMap((p) => words(p.title)).filter((w) => w.length >= 6))].sort();
    for (const word of candidates) {
      const expected = papers.filter((p) => mentions(p, word)).map((p) => p.slug);
      if (expected.length >= 2 && expected.length <= 6) return { word, expected };
    }
    throw new Error('no word shared by 2 to 6 papers of the latest day');
  }
  /** The button shows "watching" at once and stores the watch after: leaving the page before then would drop it. */
  const watchWritten = (page: Page) => expect.poll(async () => ((await storedEntries(page, site.built.basePath)).watch as unknown[] | undefined)?.length).toBe(1);
  const highlighted = (page: Page) => page.locator('[data-digest-day] [data-watched]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.paper!));

  it('a watched word highlights exactly the matching papers of a new day, and the Watchlist page lists them', async () => {
    const { word, expected } = watchedWord();
    const page = await site.page();
    await page.goto(site.url('watch/'));
    await page.locator('input[name=words]').fill(word);
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.locator('[data-watch-rules] li', { hasText: `“${word}”` }).waitFor();
    await page.locator('[data-watch-list] [data-paper]').first().waitFor();
    expect(await listedSlugs(page, '[data-watch-list]')).toEqual(expect.arrayContaining(expected));

    await page.goto(site.url(`digests/${latestDay()}/`));
    await page.locator('[data-digest-day] [data-watched]').nth(expected.length - 1).waitFor();
    expect(slugSet(await highlighted(page))).toEqual(slugSet(expected));
    expect(await page.locator('[data-digest-day] [data-watched] .watch-mark').first().textContent()).toBe(`Watching “${word}”`);
  });

  it('"watch this search" watches the query with its topic', async () => {
    const { word } = watchedWord();
    const topic = collection().find((p) => mentions(p, word) && p.topics.length > 0)!.topics[0]!;
    const page = await site.page();
    await page.goto(site.url(`search/?q=${encodeURIComponent(word)}&topic=${encodeURIComponent(topic)}`));
    await searchSettled(page);
    await page.getByRole('button', { name: 'Watch this search' }).click();
    await page.locator('button.watch-search[aria-pressed="true"]', { hasText: 'Watching this search' }).waitFor();
    await watchWritten(page);
    await page.goto(site.url('watch/'));
    await page.locator('[data-watch-rules] li', { hasText: `“${word}” in ${topic}` }).waitFor();
  });

  it("a paper's topic, watched from its page, highlights that topic's papers on a digest", async () => {
    const day = papersOf(latestDay());
    const paper = day.find((p) => p.topics.length > 0)!;
    const topic = paper.topics[0]!;
    const page = await site.page();
    await page.goto(site.url(`papers/${paper.slug}/`));
    await page.getByRole('button', { name: `Watch ${topic}`, exact: true }).click();
    await page.getByRole('button', { name: `Watch ${topic}`, pressed: true }).waitFor();
    await watchWritten(page);
    await page.goto(site.url(`digests/${latestDay()}/`));
    const expected = day.filter((p) => p.topics.includes(topic)).map((p) => p.slug);
    await page.locator('[data-digest-day] [data-watched]').nth(expected.length - 1).waitFor();
    expect(slugSet(await highlighted(page))).toEqual(slugSet(expected));
    await page.goto(site.url('watch/'));
    await page.getByRole('button', { name: `Stop watching topic ${topic}` }).click();
    await page.locator('[data-watch-summary]', { hasText: 'You watch nothing yet.' }).waitFor();
  });
});

describe('list keys', () => {
  const focusedPaper = (page: Page) => page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-paper]')?.dataset.paper ?? null);

  it('j and k move through the papers, s saves, ? lists the keys, o opens', async () => {
    const page = await site.page();
    await page.goto(site.url(`digests/${latestDay()}/`));
    await page.locator('button[data-save]').first().waitFor();
    const papers = await listedSlugs(page, 'main');
    await page.keyboard.press('j');
    expect(await focusedPaper(page)).toBe(papers[0]);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedPaper(page)).toBe(papers[2]);
    await page.keyboard.press('k');
    expect(await focusedPaper(page)).toBe(papers[1]);

    await page.keyboard.press('s');
    await page.locator(`[data-paper="${papers[1]}"] button[data-save][aria-pressed="true"]`).first().waitFor();
    await expect.poll(async () => ((await storedEntries(page, site.built.basePath)).saved as Array<{ slug: string }> | undefined)?.map((p) => p.slug)).toEqual([papers[1]]);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.locator('dt').allTextContents()).toEqual(['j', 'k', 's', 'o', '?', '/']);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('o');
    await page.waitForURL(site.url(`papers/${papers[1]}/`));
  });

  it('do nothing while the reader types in a field', async () => {
    const page = await site.page();
    await page.goto(site.url(`digests/${latestDay()}/`));
    await page.locator('button[data-save]').first().waitFor();
    await page.locator('#site-search').click();
    await page.keyboard.type('jjks?o');
    expect(await page.locator('#site-search').inputValue()).toBe('jjks?o');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(await page.locator('button[data-save][aria-pressed="true"]').count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
