/**
 * Saving papers, in a real browser over the real built site: Save on a paper page and on a
 * digest card, the Saved page, reading saved papers offline, export / clear / import, BibTeX,
 * a browser that keeps nothing, and no button at all without JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../support/bibtex.ts';
import { useSite } from '../support/browser.ts';
import { collection, factsBySlug } from '../support/collection.ts';
import { listedSlugs, putStored, storedEntries } from '../support/personal.ts';

const site = useSite();

const latestDay = () => collection().flatMap((p) => p.days).sort().at(-1)!;
/** Papers of the latest digest day, in slug order: a page's choice that does not depend on ranking. */
const latestPapers = () => collection().filter((p) => p.days.includes(latestDay())).sort((a, b) => a.slug.localeCompare(b.slug));

const saveButton = (page: Page, slug: string) => page.locator(`[data-paper="${slug}"] button[data-save]`).first();

async function save(page: Page, slug: string): Promise<void> {
  const button = saveButton(page, slug);
  await button.click();
  await page.locator(`[data-paper="${slug}"] button[data-save][aria-pressed="true"]`).first().waitFor();
  // Written: the Saved page of a new page load will list it.
  await expect.poll(async () => ((await storedEntries(page, site.built.basePath)).saved as Array<{ slug: string }> | undefined)?.some((p) => p.slug === slug)).toBe(true);
}

/**
 * Waits until the service worker keeps a page (the cache is what offline reading is served from);
 * that waits for the worker's first install (the site's shell), however long that takes.
 */
async function keptOffline(page: Page, path: string): Promise<void> {
  await page.waitForFunction(async (url) => (await caches.match(url)) !== undefined, site.url(path), { polling: 200 });
}

describe('Save', () => {
  it('on a paper page and on a digest card: kept across reloads, listed newest first, and readable offline', async () => {
    const [onPage, onCard] = latestPapers();
    const page = await site.page();
    await page.goto(site.url(`papers/${onPage!.slug}/`));
    const button = saveButton(page, onPage!.slug);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await save(page, onPage!.slug);
    await expect.poll(() => page.locator('[data-personal-status]').textContent()).toBe(`Saved ${onPage!.title}`);

    await page.goto(site.url(`digests/${latestDay()}/`));
    // The paper saved on its page shows as saved here too.
    await page.locator(`[data-paper="${onPage!.slug}"] button[data-save][aria-pressed="true"]`).waitFor();
    await save(page, onCard!.slug);
    await page.reload();
    await page.locator(`[data-paper="${onCard!.slug}"] button[data-save][aria-pressed="true"]`).waitFor();

    await page.goto(site.url('saved/'));
    await page.locator('[data-saved-list] [data-paper]').nth(1).waitFor();
    expect(await listedSlugs(page, '[data-saved-list]')).toEqual([onCard!.slug, onPage!.slug]);
    const card = page.locator(`[data-saved-list] [data-paper="${onCard!.slug}"]`);
    expect((await card.locator('h2').textContent())?.trim()).toBe(onCard!.title);
    expect(await card.locator('.chip').allTextContents()).toEqual(onCard!.topics);
    expect(await card.locator('time').getAttribute('datetime')).toBe(onCard!.date);

    // The card's paper was never opened: only saving can have kept it.
    await keptOffline(page, `papers/${onCard!.slug}/`);
    await keptOffline(page, `papers/${onPage!.slug}/`);
    await page.locator(`[data-paper="${onCard!.slug}"] .offline-mark`).waitFor();
    await page.context().setOffline(true);
    for (const paper of [onCard!, onPage!]) {
      await page.goto(site.url('saved/'));
      await page.locator(`[data-saved-list] [data-paper="${paper.slug}"] h2 a`).click();
      await page.waitForURL(site.url(`papers/${paper.slug}/`));
      expect((await page.locator('main h1').textContent())?.trim()).toBe(paper.title);
    }
  });

  it('toggles off again', async () => {
    const paper = latestPapers()[2]!;
    const page = await site.page();
    await page.goto(site.url(`papers/${paper.slug}/`));
    await save(page, paper.slug);
    await saveButton(page, paper.slug).click();
    await page.locator('button[data-save][aria-pressed="false"]').waitFor();
    await expect.poll(async () => (await storedEntries(page, site.built.basePath)).saved).toEqual([]);
    await page.goto(site.url('saved/'));
    await page.locator('[data-saved-summary]', { hasText: 'Nothing saved yet' }).waitFor();
  });
});

describe('the Saved page', () => {
  async function savedThree(page: Page): Promise<string[]> {
    await page.goto(site.url(`digests/${latestDay()}/`));
    for (const paper of latestPapers().slice(3, 6)) await save(page, paper.slug);
    await page.goto(site.url('watch/'));
    await page.locator('input[name=words]').fill('diffusion');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.locator('[data-watch-rules] li').waitFor();
    await page.goto(site.url('saved/'));
    await page.locator('[data-saved-list] [data-paper]').nth(2).waitFor();
    return listedSlugs(page, '[data-saved-list]');
  }

  it('exports, clears after a confirmation, and imports the same list back', async () => {
    const page = await site.page({ acceptDownloads: true });
    const before = await savedThree(page);
    expect(before).toHaveLength(3);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.saved.map((p: { slug: string }) => p.slug)).toEqual(before);
    expect(exported.watch).toEqual([expect.objectContaining({ words: 'diffusion' })]);

    await page.getByRole('button', { name: 'Clear all…' }).click();
    // Nothing is gone until the reader confirms.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await listedSlugs(page, '[data-saved-list]')).toEqual(before);
    await page.getByRole('button', { name: 'Clear all…' }).click();
    expect(await page.locator('[data-clear-box] p').textContent()).toMatch(/^Remove 3 saved papers, 1 watch and \d+ seen marks? from this browser\?/);
    await page.getByRole('button', { name: 'Clear everything' }).click();
    await page.locator('[data-saved-summary]', { hasText: 'Nothing saved yet' }).waitFor();
    await page.reload();
    await page.locator('[data-saved-summary]', { hasText: 'Nothing saved yet' }).waitFor();
    expect(Object.keys(await storedEntries(page, site.built.basePath)).filter((k) => k.startsWith('seen:') || k === 'watch')).toEqual([]);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON…' }).click()]);
    await chooser.setFiles(file);
    await page.locator('[data-saved-status]', { hasText: 'Imported' }).waitFor();
    expect(await listedSlugs(page, '[data-saved-list]')).toEqual(before);
    // Their buttons say so on this page too, without a reload.
    await page.locator('[data-saved-list] button[data-save][aria-pressed="true"]').nth(2).waitFor();
    expect(await page.locator('[data-saved-list] button[data-save][aria-pressed="false"]').count()).toBe(0);
    await page.reload();
    await page.locator('[data-saved-list] [data-paper]').nth(2).waitFor();
    expect(await listedSlugs(page, '[data-saved-list]')).toEqual(before);
    await page.goto(site.url('watch/'));
    await page.locator('[data-watch-rules] li', { hasText: '“diffusion”' }).waitFor();
  });

  it('refuses a file that is not an export, naming the file and what is wrong', async () => {
    const page = await site.page();
    await page.goto(site.url('saved/'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON…' }).click()]);
    await chooser.setFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'paper-digest-personal', version: 1, saved: [{ slug: 'javascript:alert(1)', title: 'x', topics: [], date: null, savedAt: 1 }], watch: [], seen: [] })) });
    await page.locator('[data-saved-status]', { hasText: 'list.json was not imported: saved[0].slug: expected a paper slug' }).waitFor();
    expect(await listedSlugs(page, '[data-saved-list]')).toEqual([]);
  });

  it('exports BibTeX that a BibTeX parser reads back: one entry per saved paper', async () => {
    const page = await site.page({ acceptDownloads: true });
    const slugs = await savedThree(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as BibTeX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.bib$/);
    const entries = parseBibtex(readFileSync(await download.path(), 'utf8'));
    const facts = factsBySlug();
    expect(entries.map((e) => e['citation-key'])).toEqual(slugs);
    for (const entry of entries) {
      const paper = facts.get(entry['citation-key'])!;
      expect(entry.title).toBe(paper.title);
      expect(entry.URL).toBe(`${site.built.siteOrigin}${site.built.basePath}papers/${paper.slug}/`);
      expect(entry.issued?.['date-parts'][0]?.[0]).toBe(Number(paper.date.slice(0, 4)));
    }
  });
});

describe('a browser that keeps nothing (private window, storage off)', () => {
  it('still saves for the page, says so, and nothing breaks', async () => {
    const paper = latestPapers()[0]!;
    const page = await site.page();
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.goto(site.url(`papers/${paper.slug}/`));
    await saveButton(page, paper.slug).click();
    await page.locator('button[data-save][aria-pressed="true"]').waitFor();
    await page.locator('[data-personal-notice]', { hasText: 'keeps nothing for this site' }).waitFor();
    await page.goto(site.url('saved/'));
    await page.locator('[data-personal-notice]', { hasText: 'keeps nothing for this site' }).waitFor();
    await page.locator('[data-saved-summary]', { hasText: 'Nothing saved yet' }).waitFor();
  });
});

describe('data stored by a newer version of the site', () => {
  it('is left untouched: the page works from memory and says to reload', async () => {
    const paper = latestPapers()[0]!;
    const page = await site.page();
    await page.goto(site.url('about/'));
    const newer = { version: 2, saved: [{ slug: 'from-the-future', shape: 'unknown' }] };
    await putStored(page, site.built.basePath, newer);
    await page.goto(site.url(`papers/${paper.slug}/`));
    await saveButton(page, paper.slug).click();
    await page.locator('button[data-save][aria-pressed="true"]').waitFor();
    await page.locator('[data-personal-notice]', { hasText: 'A newer version of this site stored your saved papers: reload' }).waitFor();
    expect(await storedEntries(page, site.built.basePath)).toEqual(newer);
  });
});

describe('with JavaScript off', () => {
  it('no Save button, watch toggle, catch-up or link to the reader\'s pages is there', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    const paper = latestPapers()[0]!;
    for (const path of [`papers/${paper.slug}/`, `digests/${latestDay()}/`, '']) {
      await page.goto(site.url(path));
      expect(await page.locator('main [data-paper]').count(), path).toBeGreaterThan(0);
      expect(await page.locator('button').filter({ hasText: /Save|Watch/ }).count(), path).toBe(0);
      expect(await page.locator('[data-save-slot]:not(:empty)').count(), path).toBe(0);
      expect(await page.getByRole('link', { name: 'Saved' }).isVisible(), path).toBe(false);
      expect(await page.locator('.watch-toggle').count(), path).toBe(0);
      expect(await page.locator('[data-catch-up]').evaluateAll((els) => els.every((e) => (e as HTMLElement).hidden)), path).toBe(true);
    }
  });
});
