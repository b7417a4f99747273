/**
 * Papers from the Daily Papers JSON in a real browser over a real build: search finds a paper
 * by an author's name, "Has arXiv id" keeps exactly the papers with an id, and the paper page
 * leads to the paper.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/papers/file.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { buildSiteInto, root, type BuiltSite } from '../support/built-site.ts';
import { slugOf } from '../support/collection.ts';

/** Slug → arXiv id (or null), as ingest wrote the paper files. */
let arxivBySlug = new Map<string, string | null>();

async function buildDailySite(): Promise<BuiltSite> {
  const scratch = mkdtempSync(join(tmpdir(), 'daily-site-'));
  const listings = join(scratch, 'listings');
  mkdirSync(listings);
  copyFileSync(join(root, 'tests/fixtures/listings/layout-a.txt'), join(listings, '2026-01-08.txt'));
  copyFileSync(join(root, 'tests/fixtures/listings/daily-papers.json'), join(listings, '2026-01-09-daily.json'));
  const papersDir = join(scratch, 'papers');
  // Exits 1 for the fixture's malformed item; everything else is written.
  await promisify(execFile)(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', '--papers-dir', papersDir, listings], { cwd: root }).catch(() => {});
  arxivBySlug = new Map(
    readdirSync(papersDir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => [n.slice(0, -3), (readFrontmatter(readFileSync(join(papersDir, n), 'utf8')).data.arxiv as string | null) ?? null]),
  );
  return buildSiteInto(join(scratch, 'dist'), { PAPERS_DIR: papersDir, OG_IMAGES: 'off' });
}

// One build for the whole file (builds wait for each other; the tier's hook guard in vitest.config.ts
// allows for that). Its scratch folder goes with the run's (tests/support/scratch-root.ts): removed
// here, it could vanish while the server still answers the browser's last requests.
const site = useSite(buildDailySite);

async function results(page: Page): Promise<string[]> {
  await searchSettled(page);
  const hrefs = await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(slugOf).sort();
}

describe('searching papers from the Daily Papers JSON', () => {
  it.each([
    ['Lovelace', 'sparse-mixture-of-experts-at-scale'],
    ['Ångström', 'long-context-retrieval-without-tears'],
    ['Witten', 'strings-with-an-old-style-identifier'],
  ])('finds a paper by its author %s', async (name, slug) => {
    const page = await site.page();
    await page.goto(site.url(`search/?q=${encodeURIComponent(name)}`));
    expect(await results(page)).toEqual([slug]);
  });

  it('"Has arXiv id" keeps exactly the papers a listing gave an id', async () => {
    const withId = [...arxivBySlug].filter(([, id]) => id !== null).map(([slug]) => slug).sort();
    expect(withId).toHaveLength(4);
    expect(arxivBySlug.size).toBeGreaterThan(withId.length);
    const page = await site.page();
    await page.goto(site.url('search/'));
    await searchSettled(page);
    await page.getByLabel('Has arXiv id').check();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('arxiv') === 'yes');
    expect(await results(page)).toEqual(withId);
  });
});

describe('the page of a paper from the Daily Papers JSON', () => {
  it('names its authors and leads to its arXiv abstract, PDF and code', async () => {
    const page = await site.page();
    await page.goto(site.url('papers/sparse-mixture-of-experts-at-scale/'));
    expect(await page.locator('.paper__authors').innerText()).toBe('Ada Lovelace, Alan Turing');
    expect(await page.getByRole('link', { name: 'arXiv', exact: true }).getAttribute('href')).toBe('https://arxiv.org/abs/2510.11496');
    expect(await page.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe('https://arxiv.org/pdf/2510.11496');
    expect(await page.getByRole('link', { name: 'Code', exact: true }).getAttribute('href')).toBe('https://github.com/example/smoe');
  });
});
