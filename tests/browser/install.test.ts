/**
 * Installing the site as an app: the web app manifest, its icons, and what Chromium itself says
 * about installing it, over the real build under a sub-path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, useSite, withHangGuard } from '../support/browser.ts';
import { workerInCharge } from '../support/offline-helpers.ts';

const site = useSite();

interface Manifest {
  name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
  user_preferences: { color_scheme_dark: { icons: Array<{ src: string; sizes: string }> } };
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('the site as an app', () => {
  it('every page links a manifest whose start and scope are the site, with light and dark PNG icons of the sizes it states', async () => {
    const page = await site.page();
    await page.goto(site.url('digests/'));
    const href = await page.locator('head link[rel="manifest"]').evaluate((l) => (l as HTMLLinkElement).href);
    expect(href).toBe(site.url('manifest.webmanifest'));
    const response = await page.request.get(href);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Manifest;
    expect(new URL(manifest.start_url, href).href).toBe(site.url());
    expect(new URL(manifest.scope, href).href).toBe(site.url());
    expect(manifest.display).toBe('standalone');
    const icons = [...manifest.icons, ...manifest.user_preferences.color_scheme_dark.icons];
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    expect(manifest.user_preferences.color_scheme_dark.icons).toHaveLength(manifest.icons.length);
    for (const icon of icons) {
      const png = await page.request.get(new URL(icon.src, href).href);
      expect(png.status(), icon.src).toBe(200);
      expect(pngSize(await png.body()).join('x'), icon.src).toBe(icon.sizes);
    }
    const themes = await page.locator('head meta[name="theme-color"]').evaluateAll((ms) => ms.map((m) => (m as HTMLMetaElement).media));
    expect(themes).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
    expect((await page.request.get(await page.locator('head link[rel="apple-touch-icon"]').evaluate((l) => (l as HTMLLinkElement).href))).status()).toBe(200);
  });

  it('Chromium finds the manifest without errors and reports nothing that stops installing it', async () => {
    // A profile on disk: Chromium never offers to install from an incognito-like one, as test contexts are.
    const profile = mkdtempSync(join(tmpdir(), 'install-profile-'));
    const context = withHangGuard(await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] }));
    try {
      const page = await context.newPage();
      await page.goto(site.url());
      await workerInCharge(page);
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest' as never)) as { url: string; errors: unknown[] };
      expect(manifest.url).toBe(site.url('manifest.webmanifest'));
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors' as never)) as { installabilityErrors: Array<{ errorId: string }> };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
