/**
 * The bits of script on ordinary pages, in a real browser: the theme toggle, the `/` shortcut
 * to the search box, and copy link and share on paper pages (which give the canonical URL only
 * where it opens: on the host the site was built for).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser.ts';
import { collection } from '../support/collection.ts';

const site = useSite();

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const toggle = (page: Page) => page.locator('[data-theme-toggle]');

/** The page background the site shows with no choice made, under a system preference. */
async function systemBackground(colorScheme: 'light' | 'dark'): Promise<string> {
  const page = await site.page({ colorScheme });
  await page.goto(site.url());
  expect(await theme(page), 'no theme is chosen before the reader picks one').toBeNull();
  return background(page);
}

describe('the theme', () => {
  it('follows the system preference before the reader chooses', async () => {
    const light = await systemBackground('light');
    const dark = await systemBackground('dark');
    expect(light).not.toBe(dark);
    // The dark background is the darker one.
    const lightness = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).reduce((sum, n) => sum + Number(n), 0);
    expect(lightness(dark)).toBeLessThan(lightness(light));
  });

  it('toggles between light and dark, and the choice survives a reload', async () => {
    const light = await systemBackground('light');
    const dark = await systemBackground('dark');
    const page = await site.page({ colorScheme: 'light' });
    await page.goto(site.url());
    await expect(toggle(page).getAttribute('aria-label')).resolves.toBe('Switch to dark theme');

    await toggle(page).click();
    expect(await theme(page)).toBe('dark');
    expect(await background(page)).toBe(dark);
    await expect(toggle(page).getAttribute('aria-label')).resolves.toBe('Switch to light theme');

    await page.reload();
    expect(await theme(page)).toBe('dark');
    expect(await background(page)).toBe(dark);

    // Another page of the site remembers it too.
    await page.goto(site.url('search/'));
    expect(await background(page)).toBe(dark);
    await toggle(page).click();
    expect(await theme(page)).toBe('light');
    expect(await background(page)).toBe(light);
    await page.reload();
    expect(await background(page)).toBe(light);
  });

  it('under a dark system, the first click switches to light', async () => {
    const light = await systemBackground('light');
    const page = await site.page({ colorScheme: 'dark' });
    await page.goto(site.url());
    await expect(toggle(page).getAttribute('aria-label')).resolves.toBe('Switch to light theme');
    await toggle(page).click();
    expect(await theme(page)).toBe('light');
    expect(await background(page)).toBe(light);
  });
});

describe('the / key', () => {
  it('focuses the header search box on an ordinary page', async () => {
    const page = await site.page();
    await page.goto(site.url('digests/'));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    // The slash itself is not typed into the box.
    expect(await page.locator('#site-search').inputValue()).toBe('');
  });

  it("focuses the search page's own box on /search/", async () => {
    const page = await site.page();
    await page.goto(site.url('search/'));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
  });

  it('is hinted in the header box where there is a keyboard, and not on a touch phone', async () => {
    const desktop = await site.page();
    await desktop.goto(site.url('digests/'));
    expect(await desktop.locator('#site-search').getAttribute('placeholder')).toBe('Search papers  /');
    const phone = await site.page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(site.url('digests/'));
    expect(await phone.locator('#site-search').getAttribute('placeholder')).toBe('Search papers');
  });

  it('is typed as a character while the reader is in a text field', async () => {
    const page = await site.page();
    await page.goto(site.url());
    await page.locator('#site-search').click();
    await page.keyboard.type('a/b');
    expect(await page.locator('#site-search').inputValue()).toBe('a/b');
  });
});

describe('copy link and share', () => {
  const paper = [...collection()].sort((a, b) => a.slug.localeCompare(b.slug))[0]!;
  const canonical = () => `${site.built.siteOrigin}${site.built.basePath}papers/${paper.slug}/`;

  it('on the host the site was built for, copy the canonical URL', async () => {
    // The build's own host (SITE_URL), answered by the test server; no service worker, which the route would not see.
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    await page.route(
      (url) => url.origin === site.built.siteOrigin,
      async (route) => {
        const url = new URL(route.request().url());
        await route.fulfill({ response: await route.fetch({ url: `${site.origin}${url.pathname}${url.search}` }) });
      },
    );
    await page.goto(`${canonical()}?from=feed#abstract-h`);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(canonical());
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('[data-copy-status]', { hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical());
  });

  it('found before: on any other host (a preview, a mirror) copy the address the reader sees, which opens, not the canonical one', async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url(`papers/${paper.slug}/?from=feed#abstract-h`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('[data-copy-status]', { hasText: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(site.url(`papers/${paper.slug}/`));
    // It opens.
    expect((await page.goto(copied))?.status()).toBe(200);
  });

  it("shares the paper's address and title through the system share sheet where there is one", async () => {
    const page = await site.page();
    // Headless Chromium on Linux has no share sheet: stand one in that records what it is given.
    await page.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(navigator, 'share', { value: async (data: ShareData) => void shared.push(data) });
    });
    await page.goto(site.url(`papers/${paper.slug}/?from=feed#abstract-h`));
    await page.getByRole('button', { name: 'Share…' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([{ title: paper.title, url: site.url(`papers/${paper.slug}/`) }]);
  });
});
