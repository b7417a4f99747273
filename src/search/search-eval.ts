/**
 * `npm run eval:search`: how often the search page puts the intended paper in its first five
 * results, for the typo set (typo-set.ts) and for the same queries spelt right. Measured on a
 * built site through the real path: the site served on 127.0.0.1, its search page in headless
 * Chromium, each query typed into the search box, the first five result links read once the
 * page has finished (corrections included): Pagefind's own index and WebAssembly, the page's
 * own script, nothing imitated.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../utils/static-server.ts';
import type { EvalQuery } from './typo-set.ts';

export interface QueryOutcome {
  query: string;
  /** Slugs of the first five results shown. */
  top: string[];
  /** The query the page searched for instead, if it corrected this one. */
  corrected: string | null;
}

export interface EvalResult {
  queries: number;
  /** Share of typo queries whose paper is in the first five. */
  typo: number;
  /** Share of correctly spelt queries whose paper is in the first five. */
  correct: number;
  /** Share of typo queries the page corrected, and of correct ones it (wrongly) corrected. */
  typoCorrected: number;
  correctCorrected: number;
  byEdit: Record<string, { queries: number; found: number }>;
  misses: Array<{ slug: string; query: string; kind: 'typo' | 'correct'; corrected: string | null; top: string[] }>;
}

export interface EvalOptions {
  /** The built site. */
  dist: string;
  /** The base path it was built for (`/`, `/paper-digest/`). */
  basePath: string;
  chromium: string;
}

export async function evaluateSearch(set: readonly EvalQuery[], options: EvalOptions): Promise<EvalResult> {
  const server = await serveStatic(options.dist, options.basePath);
  const browser = await chromium.launch({ executablePath: options.chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${options.basePath}search/`);
    await page.locator('#search-results:not([aria-busy])').waitFor({ state: 'attached' });
    const queries = [...new Set(set.flatMap((q) => [q.typo, q.correct]))];
    const outcomes = new Map<string, QueryOutcome>();
    // A batch of queries per call into the page: one round trip each would double the time.
    for (let i = 0; i < queries.length; i += BATCH) {
      for (const outcome of await page.evaluate(searchInPage, queries.slice(i, i + BATCH))) outcomes.set(outcome.query, outcome);
    }
    return score(set, outcomes);
  } finally {
    await browser.close();
    await server.close();
  }
}

const BATCH = 50;

/**
 * Runs in the search page: puts each query into its search box and submits it, as a reader
 * pressing Enter does (typing would add the page's pause between keystrokes to every query),
 * waits until the page has drawn the results (it marks the list `aria-busy` from the moment
 * the query is submitted until then), and reads the first five results.
 */
async function searchInPage(queries: string[]): Promise<QueryOutcome[]> {
  const input = document.querySelector<HTMLInputElement>('#search-query')!;
  const list = document.querySelector<HTMLElement>('#search-results')!;
  const note = document.querySelector<HTMLElement>('#search-correction')!;
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    input.value = query;
    input.form!.requestSubmit();
    await new Promise<void>((resolve) => {
      const done = () => !list.hasAttribute('aria-busy');
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    const top = [...list.querySelectorAll<HTMLAnchorElement>('li h2 a')]
      .slice(0, 5)
      .map((a) => decodeURIComponent(/\/papers\/([^/]+)\/$/.exec(new URL(a.href).pathname)?.[1] ?? ''));
    outcomes.push({ query, top, corrected: note.dataset.corrected ?? null });
  }
  return outcomes;
}

export function score(set: readonly EvalQuery[], outcomes: ReadonlyMap<string, QueryOutcome>): EvalResult {
  const result: EvalResult = { queries: set.length, typo: 0, correct: 0, typoCorrected: 0, correctCorrected: 0, byEdit: {}, misses: [] };
  let typoFound = 0;
  let correctFound = 0;
  for (const q of set) {
    const typo = outcomes.get(q.typo)!;
    const correct = outcomes.get(q.correct)!;
    const edit = (result.byEdit[q.edit] ??= { queries: 0, found: 0 });
    edit.queries += 1;
    if (typo.top.includes(q.slug)) {
      typoFound += 1;
      edit.found += 1;
    } else result.misses.push({ slug: q.slug, query: q.typo, kind: 'typo', corrected: typo.corrected, top: typo.top });
    if (correct.top.includes(q.slug)) correctFound += 1;
    else result.misses.push({ slug: q.slug, query: q.correct, kind: 'correct', corrected: correct.corrected, top: correct.top });
    if (typo.corrected !== null) result.typoCorrected += 1;
    if (correct.corrected !== null) result.correctCorrected += 1;
  }
  const share = (n: number) => (set.length === 0 ? 0 : n / set.length);
  return { ...result, typo: share(typoFound), correct: share(correctFound), typoCorrected: share(result.typoCorrected), correctCorrected: share(result.correctCorrected) };
}
