/**
 * Publishing a newer build while a reader holds the older one: search keeps working before
 * the newer service worker takes over (online and offline), as it takes over, and after.
 *
 * The older build is the shared test build; the newer one adds one listing to a scratch
 * copy of the papers. Both are served in turn at one address, like a redeploy.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfflineManifest } from '../../src/offline/manifest.ts';
import { launchChromium, newContext as newBrowserContext } from '../support/browser.ts';
import { builtSite, buildSiteInto, root, type BuiltSite } from '../support/built-site.ts';
import { collection } from '../support/collection.ts';
import { searchFor, titleWord, workerActivated, workerInCharge } from '../support/offline-helpers.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// The newer build's one listing: one new paper, with a word no other paper uses.
const NEW_LISTING = ['Jan 20', '', 'Quillfeather: Reading Papers on a Train', '', 'We study quillfeather caching for readers who lose their signal.', ''].join('\n');
const NEW_WORD = 'quillfeather';

let older: BuiltSite;
let scratch: string;
let newer: string;
let newSlug: string;
let server: StaticServer;
let browser: Browser;
let live: string;
const problems: string[] = [];

beforeAll(async () => {
  older = await builtSite();
  scratch = mkdtempSync(join(tmpdir(), 'offline-update-'));
  const papers = join(scratch, 'papers');
  cpSync(join(root, 'content/papers'), papers, { recursive: true });
  writeFileSync(join(scratch, '2026-01-20.txt'), NEW_LISTING);
  await promisify(execFile)(process.execPath, [join(root, 'scripts/ingest.ts'), '--no-progress', '--papers-dir', papers, join(scratch, '2026-01-20.txt')], { cwd: root });
  const known = new Set(readdirSync(join(root, 'content/papers')));
  newSlug = readdirSync(papers).find((name) => !known.has(name))!.replace(/\.md$/, '');
  newer = join(scratch, 'dist');
  await buildSiteInto(newer, { PAPERS_DIR: papers });
  live = join(scratch, 'live');
  deploy(older.dir);
  server = await serveStatic(live, older.basePath);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Publishes a folder at the served address, in one step (a symlink swap). */
function deploy(dir: string): void {
  const next = `${live}.next`;
  symlinkSync(dir, next);
  renameSync(next, live);
}

/** The newer build with the older build's sw.js: published, but the browser has not picked up the newer worker yet. */
function newerWithOlderWorker(): string {
  const dir = `${newer}-held`;
  if (existsSync(dir)) return dir;
  mkdirSync(dir);
  for (const name of readdirSync(newer)) symlinkSync(join(name === 'sw.js' ? older.dir : newer, name), join(dir, name));
  return dir;
}

/** Asks the browser to check for a newer worker now (as it does on its own at later visits). */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
}

const buildId = (dir: string) => (JSON.parse(readFileSync(join(dir, 'offline-manifest.json'), 'utf8')) as OfflineManifest).buildId;

/** The build ids whose caches the origin holds, read in a page or in the service worker. */
async function cachedBuilds(scope: Page | Worker): Promise<string[]> {
  const names = 'mainFrame' in scope ? await scope.evaluate(() => caches.keys()) : await scope.evaluate(() => caches.keys());
  return names.map((n) => / build (\w+)$/.exec(n)?.[1]).filter((id): id is string => id !== undefined);
}

async function newContext(): Promise<BrowserContext> {
  const context = await newBrowserContext(browser);
  context.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  context.on('weberror', (e) => problems.push(`uncaught error: ${e.error().message}`));
  return context;
}

describe('a newer build published while a reader has the older one', () => {
  it('never leaves the reader with a broken search', async () => {
    const site = server.origin + older.basePath;
    deploy(older.dir);
    const context = await newContext();
    const page = await context.newPage();
    const oldPaper = collection()[0]!;
    const oldWord = titleWord(oldPaper);

    // A first visit, with a search, under the older build.
    await page.goto(site);
    await workerInCharge(page);
    expect(await searchFor(page, site, oldWord)).toContain(oldPaper.slug);
    expect(await searchFor(page, site, NEW_WORD)).not.toContain(newSlug);

    // Published; the older worker is still in charge. Online, search uses the published
    // index as a whole: the new paper is found, and its result leads to its page.
    deploy(newerWithOlderWorker());
    expect(await searchFor(page, site, NEW_WORD)).toContain(newSlug);
    await page.locator(`#search-results a[href$="/papers/${newSlug}/"]`).click();
    expect(await page.locator('main h1').textContent()).toContain('Quillfeather');
    expect(await searchFor(page, site, oldWord)).toContain(oldPaper.slug);
    expect(await cachedBuilds(page)).toEqual([buildId(older.dir)]);
    // Offline, it serves the older build's own index, which it holds whole for what was searched.
    await context.setOffline(true);
    expect(await searchFor(page, site, oldWord)).toContain(oldPaper.slug);
    await context.setOffline(false);

    // The browser picks up the newer worker; it takes over while the search page is open.
    await searchFor(page, site, NEW_WORD);
    deploy(newer);
    const reloaded = page.waitForEvent('load');
    await checkForUpdate(page);
    await reloaded;
    // Its activation, which drops the older build's caches, has finished.
    expect(await cachedBuilds(await workerActivated(context, buildId(newer)))).toEqual([buildId(newer)]);

    // After, offline: what was read and searched before the update is still there.
    await context.setOffline(true);
    expect(await searchFor(page, site, oldWord)).toContain(oldPaper.slug);
    await page.goto(`${site}papers/${newSlug}/`);
    expect(await page.locator('main h1').textContent()).toContain('Quillfeather');
    // And online, any search.
    await context.setOffline(false);
    expect(await searchFor(page, site, NEW_WORD)).toContain(newSlug);
    expect(await searchFor(page, site, 'diffusion')).not.toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('keeps a reader\'s saved copy whole: the older one until the newer one is complete, then the newer one', async () => {
    const site = server.origin + older.basePath;
    deploy(older.dir);
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site}offline/`);
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await page.locator('[data-offline-status]').filter({ hasText: 'Saved.' }).waitFor();

    // Published, newer worker not picked up yet: offline, the older saved copy answers any search.
    deploy(newerWithOlderWorker());
    const latest = (JSON.parse(readFileSync(join(older.dir, 'offline-manifest.json'), 'utf8')) as OfflineManifest).recent.days[0]!;
    const unread = collection().find((p) => p.days.includes(latest))!;
    await context.setOffline(true);
    expect(await searchFor(page, site, titleWord(unread))).toContain(unread.slug);
    await context.setOffline(false);

    // The newer worker saves the newer build whole before it takes over.
    deploy(newer);
    await checkForUpdate(page);
    // Read in the worker: the open page may be reloading as the newer worker takes over.
    expect(await cachedBuilds(await workerActivated(context, buildId(newer)))).toEqual([buildId(newer)]);
    await context.setOffline(true);
    expect(await searchFor(page, site, NEW_WORD)).toContain(newSlug);
    await page.goto(`${site}papers/${newSlug}/`);
    expect(await page.locator('main h1').textContent()).toContain('Quillfeather');
    await page.goto(`${site}offline/`);
    await page.locator('[data-offline-plan]').filter({ hasText: 'Saved on this device' }).waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });
});
