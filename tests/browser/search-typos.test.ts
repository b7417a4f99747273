/**
 * Typo correction on the search page, in Chromium over the real built index and vocabulary:
 * a misspelt word is corrected and its paper found, a correct query and a model name are left
 * alone, the query as typed is one click away, and the vocabulary is fetched only when needed.
 * Then `npm run eval:search` on the same site meets its targets.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchSettled, useSite } from '../support/browser.ts';
import { root } from '../support/built-site.ts';
import { collection, slugOf, type PaperFacts } from '../support/collection.ts';
import { suggestCommoner } from '../../src/search/spelling.ts';
import { parseVocabulary } from '../../src/search/vocabulary.ts';

const site = useSite();
const papers = collection();
const texts = papers.map((p) => `${p.title} ${p.abstract}`.toLowerCase());
const inCollection = (word: string) => texts.some((t) => new RegExp(`\\b${word}\\b`).test(t));

/** A paper, a long word of its title few papers use, and that word with two middle letters swapped (no word of the collection). */
function misspeltTitleWord(): { paper: PaperFacts; word: string; typo: string } {
  for (const paper of [...papers].sort((a, b) => a.slug.localeCompare(b.slug))) {
    for (const word of paper.title.toLowerCase().match(/\b[a-z]{9,}\b/g) ?? []) {
      const i = Math.floor(word.length / 2);
      const typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (typo !== word && texts.filter((t) => t.includes(word)).length <= 3 && !inCollection(typo)) return { paper, word, typo };
    }
  }
  throw new Error('no paper has a long, distinctive title word');
}

/** The search page, with every request for the vocabulary or the correction code recorded. */
async function openSearch(path = 'search/'): Promise<{ page: Page; fetched: string[] }> {
  const page = await site.page();
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/\/pagefind\/vocabulary\/|\/_astro\/typos\./.test(request.url())) fetched.push(request.url());
  });
  await page.goto(site.url(path));
  await searchSettled(page);
  return { page, fetched };
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator('#search-query').fill(query);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await searchSettled(page);
}

async function shownSlugs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(slugOf);
}

describe('a misspelt query', () => {
  const { paper, word, typo } = misspeltTitleWord();

  it(`is corrected, and finds its paper ("${typo}" → "${word}")`, async () => {
    const { page, fetched } = await openSearch();
    await searchFor(page, typo);
    const note = page.locator('#search-correction');
    await expect(note.textContent()).resolves.toBe(`Showing results for ${word}; search instead for ${typo}.`);
    expect(await note.getAttribute('data-corrected')).toBe(word);
    expect((await shownSlugs(page)).slice(0, 5)).toContain(paper.slug);
    expect(fetched.filter((url) => url.includes('/pagefind/vocabulary/'))).toHaveLength(1);
  });

  it('"search instead for" shows the query as typed, uncorrected, and the URL says so', async () => {
    const { page } = await openSearch();
    await searchFor(page, typo);
    await page.locator('#search-correction a[data-as-typed]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('typed') === '1');
    await searchSettled(page);
    expect(await page.locator('#search-correction').isHidden()).toBe(true);
    expect(await page.locator('#search-query').inputValue()).toBe(typo);
    // Shared as it is, the URL opens the same uncorrected search.
    const again = await openSearch(`search/?q=${encodeURIComponent(typo)}&typed=1`);
    expect(await again.page.locator('#search-correction').isHidden()).toBe(true);
  });

  it('with a filter and a sort order set, the correction keeps them', async () => {
    const { page } = await openSearch(`search/?q=${typo}&year=${paper.year}&sort=newest`);
    expect(await page.locator('#search-correction').getAttribute('data-corrected')).toBe(word);
    expect(await shownSlugs(page)).toContain(paper.slug);
    for (const slug of await shownSlugs(page)) expect(papers.find((p) => p.slug === slug)!.year).toBe(paper.year);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
  });

  it('two words with one misspelt: only that one is corrected', async () => {
    const other = paper.title.toLowerCase().match(/\b[a-z]{4,}\b/g)!.find((w) => w !== word && inCollection(w))!;
    const { page } = await openSearch();
    await searchFor(page, `${other} ${typo}`);
    expect(await page.locator('#search-correction').getAttribute('data-corrected')).toBe(`${other} ${word}`);
    expect(await shownSlugs(page)).toContain(paper.slug);
  });
});

describe('left alone', () => {
  it('a correct query: no correction, and neither the vocabulary nor the correction code is fetched', async () => {
    const { page, fetched } = await openSearch();
    await searchFor(page, 'diffusion');
    expect(await page.locator('#search-correction').isHidden()).toBe(true);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(3);
    expect(fetched).toEqual([]);
  });

  it('a rare correct word finds its paper uncorrected', async () => {
    const { paper, word } = misspeltTitleWord();
    const { page } = await openSearch();
    await searchFor(page, word);
    expect(await page.locator('#search-correction').getAttribute('data-corrected')).toBeNull();
    expect(await shownSlugs(page)).toContain(paper.slug);
  });

  it('model names: "Qwen2.5-VL", which no paper names, and "GPT-4V", which some do', async () => {
    const { page, fetched } = await openSearch();
    await searchFor(page, 'Qwen2.5-VL');
    expect(await page.locator('#search-correction').isHidden()).toBe(true);
    await searchFor(page, 'GPT-4V');
    expect(await page.locator('#search-correction').isHidden()).toBe(true);
    const naming = papers.filter((p) => `${p.title} ${p.abstract}`.includes('GPT-4V')).map((p) => p.slug);
    expect(naming.length).toBeGreaterThan(0);
    expect(await shownSlugs(page)).toEqual(expect.arrayContaining(naming));
    expect(fetched).toEqual([]);
  });
});

describe('npm run eval:search', () => {
  it('puts the intended paper in the top five for ≥ 90% of typo queries and ≥ 95% spelt right', { timeout: 900_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'scripts/eval-search.ts'), '--dist', site.built.dir, '--base', site.built.basePath, '--json'],
      { cwd: root, maxBuffer: 64 << 20 },
    );
    const report = JSON.parse(stdout) as { papers: number; queries: number; typo: number; correct: number; typoCorrected: number; correctCorrected: number };
    expect(report.queries).toBeGreaterThan(report.papers / 2);
    expect(report.typo).toBeGreaterThanOrEqual(0.9);
    expect(report.correct).toBeGreaterThanOrEqual(0.95);
    // Correct queries are left alone.
    expect(report.correctCorrected).toBe(0);
  });
});

describe('a rare word one edit from a far commoner one', () => {
  it('is left as typed, with the commoner word offered as a link carrying data-did-you-mean', async (ctx) => {
    const dir = join(site.built.dir, 'pagefind/vocabulary');
    const text = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
    const vocabulary = parseVocabulary(text);
    // The first such word of the bundled vocabulary (a typo in some abstract, such as "lanaguage").
    const rare = text.split('\n').filter((w) => /^[a-z]{6,}$/.test(w)).sort().find((w) => suggestCommoner(w, vocabulary));
    ctx.skip(rare === undefined, 'no word of the collection is a rare near-twin of a far commoner one');
    const suggestion = suggestCommoner(rare!, vocabulary)!.query;
    const using = papers.filter((p) => new RegExp(`\\b${rare}\\b`, 'i').test(`${p.title} ${p.abstract}`)).map((p) => p.slug);
    const { page } = await openSearch();
    await searchFor(page, rare!);
    const link = page.locator('#search-correction a[data-did-you-mean]');
    expect(await link.textContent()).toBe(suggestion);
    expect(await page.locator('#search-correction').getAttribute('data-corrected')).toBeNull();
    expect((await shownSlugs(page)).sort()).toEqual(using.sort());
    await link.click();
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, suggestion);
    await searchSettled(page);
    expect(await page.locator('#search-query').inputValue()).toBe(suggestion);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(using.length);
  });
});
