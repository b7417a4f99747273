/**
 * The search vocabulary at scale (src/search/vocabulary.ts): the file's size as built, and a
 * reader's first search with a typo on the search page, in a cold browser context, with the
 * bytes it cost (the vocabulary and the correction code among them) and its time to results.
 * A correct first search fetches neither; search-probe.ts measures that one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveFolder } from './static-server.ts';

export interface VocabularyFile {
  /** URL path of the file. */
  path: string;
  bytes: number;
  gzipBytes: number;
  words: number;
}

export interface TypoSearch {
  query: string;
  /** The query the page searched instead, or null if it did not correct this one. */
  corrected: string | null;
  /** From typing the query to its results shown; null if none came. */
  ms: number | null;
  bytes: number;
  requests: number;
  /** Of the bytes, the vocabulary's (as sent: the server compresses text as a host does). */
  vocabularyBytes: number;
  note?: string;
}

/** The vocabulary the build wrote, as `pagefind-entry.json` names it; null if it names none. */
export function vocabularyFile(distDir: string): VocabularyFile | null {
  const entryPath = join(distDir, 'pagefind/pagefind-entry.json');
  if (!existsSync(entryPath)) return null;
  const name = (JSON.parse(readFileSync(entryPath, 'utf8')) as { vocabulary?: string }).vocabulary;
  if (!name) return null;
  const file = join(distDir, 'pagefind', name);
  const text = readFileSync(file);
  const words = text.toString('utf8').split('\n').filter((line) => /^\p{L}/u.test(line)).length;
  return { path: `/pagefind/${name}`, bytes: statSync(file).size, gzipBytes: gzipSync(text).length, words };
}

export async function probeTypoSearch(options: { distDir: string; query: string; chromium: string; timeoutMs?: number }): Promise<TypoSearch> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const server = await serveFolder(options.distDir);
  const browser = await chromium.launch({ executablePath: options.chromium, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--proxy-server=http://127.0.0.1:9'] });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    await page.locator('#search-results:not([aria-busy])').waitFor({ state: 'attached', timeout: timeoutMs });
    await server.quiet();
    server.start();
    const started = performance.now();
    await page.locator('#search-query').fill(options.query);
    let ms: number | null = null;
    let note: string | undefined;
    try {
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q && !document.querySelector('#search-results')!.hasAttribute('aria-busy'), options.query, { timeout: timeoutMs });
      ms = performance.now() - started;
    } catch {
      note = `no results within ${timeoutMs} ms`;
    }
    const corrected = await page.locator('#search-correction').getAttribute('data-corrected');
    await server.quiet();
    const traffic = server.stop();
    await context.close();
    const vocabularyBytes = traffic.files.filter((f) => f.path.includes('/vocabulary/')).reduce((n, f) => n + f.bytes, 0);
    return { query: options.query, corrected, ms, bytes: traffic.bytes, requests: traffic.requests, vocabularyBytes, ...(note ? { note } : {}) };
  } finally {
    await browser.close();
    await server.close();
  }
}
