/**
 * A site with fewer paper pages than papers (PAPER_PAGES, src/site/paper-pages.ts), for hosts
 * that cap a site's files: the most recently listed papers get a page of their own, and the
 * permalink of any other paper, which the host answers with the not-found page, shows its
 * article all the same. The bundled papers are built with pages for 100 of them.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteInto } from '../support/built-site.ts';
import { useSite } from '../support/browser.ts';
import { collection } from '../support/collection.ts';
import { bundleCount, bundleOf } from '../../src/site/paper-pages.ts';

const PAGES = 100;
const site = useSite(() => buildSiteInto(join(mkdtempSync(join(tmpdir(), 'paper-pages-')), 'dist'), { PAPER_PAGES: String(PAGES) }));
const papers = collection();
// The most recently listed first, ties by slug.
const newest = [...papers].sort((a, b) => b.days[0]!.localeCompare(a.days[0]!) || a.slug.localeCompare(b.slug));
const withPage = new Set(newest.slice(0, PAGES).map((p) => p.slug));
const without = papers.filter((p) => !withPage.has(p.slug));

/**
 * The host's answer for a missing page is the not-found page, with status 404, and a bundle
 * the page asks for past a possible deploy may be missing: the browser says so on its console.
 */
function forgetNotFoundLoad(path: string): void {
  const expected = (problem: string) => problem.includes('404 (Not Found)') && (problem.includes(path) || problem.includes('/paper-data/'));
  for (let i = site.problems.length - 1; i >= 0; i--) if (expected(site.problems[i]!)) site.problems.splice(i, 1);
}

describe('a site with pages for the most recently listed papers only', () => {
  it('gives those papers a page and bundles the articles of the others', () => {
    const pages = readdirSync(join(site.built.dir, 'papers'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(new Set(pages)).toEqual(withPage);
    const bundles = readdirSync(join(site.built.dir, 'paper-data'));
    expect(bundles).toHaveLength(bundleCount(without.length));
    expect(bundles.map(Number).sort((a, b) => a - b)).toEqual(bundles.map((_, n) => n));
    const bundled = new Map<string, number>();
    for (const name of bundles) {
      const html = readFileSync(join(site.built.dir, 'paper-data', name, 'index.html'), 'utf8');
      for (const [, slug] of html.matchAll(/<article class="paper" data-paper="([^"]+)"/g)) bundled.set(slug!, Number(name));
    }
    expect(new Map([...bundled].sort())).toEqual(new Map(without.map((p) => [p.slug, bundleOf(p.slug, bundles.length)] as const).sort()));
  });

  it('shows a paper without a page at its permalink, as its page would', async () => {
    const paper = without.find((p) => p.abstract.length > 200 && p.topics.length > 0)!;
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    const path = `papers/${paper.slug}/`;
    const response = await page.goto(site.url(path));
    expect(response?.status()).toBe(404);
    const article = page.locator(`main article[data-paper="${paper.slug}"]`);
    await expect(article.locator('h1').textContent()).resolves.toBe(paper.title);
    await expect(page.title()).resolves.toBe(`${paper.title} · Paper Digest`);
    await expect(article.locator('.abstract').textContent()).resolves.toContain(paper.abstract.slice(0, 80));
    await expect(article.locator('a.chip').allTextContents()).resolves.toEqual(paper.topics);
    // The paper page's own script ran: its Save button is there and saves.
    const save = article.getByRole('button', { name: 'Save' });
    await save.click();
    await expect(save.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('heading', { name: 'Page not found' }).count()).resolves.toBe(0);
    // Its buttons work as on a page: Copy link gives the permalink.
    await article.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => article.locator('[data-copy-status]').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(site.url(path));
    forgetNotFoundLoad(path);
  });

  it('keeps the not-found message for an address that names no paper', async () => {
    const page = await site.page();
    const path = 'papers/no-such-paper-at-all/';
    await page.goto(site.url(path));
    // Looked for in the bundles first, then the message is back.
    await page.locator('[data-paper-bundles]:not([aria-busy])').getByRole('heading', { name: 'Page not found' }).waitFor();
    await expect(page.locator('article[data-paper]').count()).resolves.toBe(0);
    forgetNotFoundLoad(path);
  });

  it('leaves the bundles out of the sitemap', () => {
    const sitemap = readdirSync(site.built.dir).filter((f) => f.startsWith('sitemap-') && f !== 'sitemap-index.xml').map((f) => readFileSync(join(site.built.dir, f), 'utf8')).join('');
    expect(sitemap).toContain('/papers/');
    expect(sitemap).not.toContain('/paper-data/');
  });
});
