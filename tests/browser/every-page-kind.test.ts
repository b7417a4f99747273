/**
 * One page of every kind, loaded in the browser: each must load, make no request to any
 * other host, and log no error or CSP violation (the fixture records all three and fails
 * the test on any). The watchers themselves are checked first, so a pass means something.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchSettled, useSite } from '../support/browser.ts';
import { collection } from '../support/collection.ts';

const site = useSite();

const subfolders = (path: string) =>
  readdirSync(join(site.built.dir, path), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe('the problem watchers', () => {
  it('record and abort a request to another host', async () => {
    const page = await site.page({ bypassCSP: true });
    await page.goto(site.url());
    const loaded = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const img = new Image();
          img.onload = () => resolve(true);
          img.onerror = () => resolve(false);
          img.src = 'https://example.org/tracker.png';
        }),
    );
    expect(loaded).toBe(false);
    expect(site.problems).toContain('off-site request: GET https://example.org/tracker.png');
    await page.context().close();
    site.problems.splice(0);
  });

  it('record a CSP violation', async () => {
    const page = await site.page();
    await page.goto(site.url());
    // The fixture records console errors as they arrive; this waits for that one to arrive.
    const reported = page.context().waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('connect-src'));
    await page.evaluate(() => fetch('https://example.org/beacon').catch(() => null));
    await reported;
    expect(site.problems.some((p) => p.includes('connect-src'))).toBe(true);
    expect(site.problems.some((p) => p.startsWith('off-site request'))).toBe(false);
    // Chromium and the page's own listener both report it; close the page before clearing.
    await page.context().close();
    site.problems.splice(0);
  });
});

describe('every kind of page loads with no off-site request, no error and no CSP violation', () => {
  const pages = (): Record<string, string> => {
    const paper = [...collection()].sort((a, b) => a.slug.localeCompare(b.slug));
    const month = subfolders('archive').flatMap((y) => subfolders(`archive/${y}`).map((m) => `${y}/${m}`)).at(-1);
    const topic = subfolders('topics')[0];
    return {
      home: '',
      'digest index': 'digests/',
      'a digest': `digests/${subfolders('digests').at(-1)}/`,
      ...Object.fromEntries(subfolders('digests').flatMap((d) => subfolders(`digests/${d}`).slice(0, 1).map((n) => ['a later page of a long digest day', `digests/${d}/${n}/`]))),
      feeds: 'feeds/',
      'archive index': 'archive/',
      'an archive month': `archive/${month}/`,
      'topics index': 'topics/',
      ...(topic ? { 'a topic': `topics/${topic}/` } : {}),
      'a paper with code links': `papers/${paper.find((p) => p.hasCode)!.slug}/`,
      'a paper from an organisation': `papers/${paper.find((p) => p.organisation)!.slug}/`,
      'a paper with an arXiv id': `papers/${paper.find((p) => p.arxiv)!.slug}/`,
      search: 'search/',
      about: 'about/',
      'saved papers': 'saved/',
      'catch-up': 'catch-up/',
      watchlist: 'watch/',
    };
  };

  it('every page kind', async () => {
    const page = await site.page();
    for (const [name, path] of Object.entries(pages())) {
      const response = await page.goto(site.url(path));
      expect(response?.status(), name).toBe(200);
      expect(await page.locator('main h1').count(), `${name} has a heading`).toBe(1);
    }
  });

  it('the search page with results', async () => {
    const page = await site.page();
    await page.goto(site.url('search/?q=diffusion&sort=newest'));
    await searchSettled(page);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 20);
  });

  it('the 404 page, for any missing address', async () => {
    const page = await site.page();
    const response = await page.goto(site.url('no/such/page/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').count()).toBe(1);
    // Its own stylesheet and links work from any depth: the page is styled.
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
    // Chromium logs the document's own 404 status as a console error; that one is expected.
    const documentStatus = `console error on ${site.url('no/such/page/')}: Failed to load resource: the server responded with a status of 404 (Not Found) (${site.url('no/such/page/')})`;
    site.problems.splice(0, site.problems.length, ...site.problems.filter((p) => p !== documentStatus));
  });
});
