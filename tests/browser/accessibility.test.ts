/**
 * axe-core over one page of each kind a reader lands on, in the light and the dark theme.
 * axe is injected as a script, which the pages' CSP rightly refuses, so these contexts
 * (and only these) bypass CSP; every other browser test runs under it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root } from '../support/built-site.ts';
import { searchSettled, useSite } from '../support/browser.ts';
import { collection } from '../support/collection.ts';
import { putStored } from '../support/personal.ts';

const site = useSite();
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** A paper with links in its abstract, so the richest paper page is the one scanned. */
const paper = [...collection()].sort((a, b) => a.slug.localeCompare(b.slug)).find((p) => p.hasCode) ?? collection()[0]!;

/** The pages to scan, as site paths; a topic page when papers have topics, else the topics index. */
function pagesToScan(): Record<string, string> {
  const newestDay = readdirSync(join(site.built.dir, 'digests'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .at(-1);
  const newestMonth = readdirSync(join(site.built.dir, 'archive'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((year) => readdirSync(join(site.built.dir, 'archive', year.name)).map((month) => `${year.name}/${month}`))
    .sort()
    .at(-1);
  const topics = readdirSync(join(site.built.dir, 'topics'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const days = collection().flatMap((p) => p.days);
  const longestDay = [...new Set(days)].sort((a, b) => days.filter((d) => d === b).length - days.filter((d) => d === a).length)[0]!;
  return {
    home: '',
    digest: `digests/${newestDay}/`,
    'long digest day (compact)': `digests/${longestDay}/`,
    'paper with an arXiv id, Cite open': `papers/${collection().find((p) => p.arxiv)!.slug}/`,
    'archive month': `archive/${newestMonth}/`,
    topic: topics.length > 0 ? `topics/${topics.sort()[0]}/` : 'topics/',
    paper: `papers/${paper.slug}/`,
    'search with results': 'search/?q=diffusion',
  };
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

describe('axe-core finds no violations', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`on the home, a digest, an archive month, a topic, a paper and the search page, ${colorScheme} theme`, async () => {
      const page = await site.page({ bypassCSP: true, colorScheme });
      const found: string[] = [];
      for (const [name, path] of Object.entries(pagesToScan())) {
        await page.goto(site.url(path));
        if (name.endsWith('Cite open')) await page.locator('.cite summary').click();
        if (name === 'search with results') {
          await searchSettled(page);
          expect(await page.locator('#search-results > li').count(), 'the search shows results').toBeGreaterThan(0);
        }
        found.push(...(await violations(page)).map((v) => `${name} (${path}): ${v}`));
      }
      expect(found).toEqual([]);
    });
  }
});

describe("axe-core finds no violations on the reader's own pages, filled in", () => {
  const latestDay = () => collection().flatMap((p) => p.days).sort().at(-1)!;
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`saved papers, catch-up, watchlist, a digest with watched and seen papers and the keys dialog, ${colorScheme} theme`, async () => {
      const page = await site.page({ bypassCSP: true, colorScheme });
      const earlierDay = [...new Set(collection().flatMap((p) => p.days))].sort().at(-3)!;
      await page.goto(site.url('about/'));
      await putStored(page, site.built.basePath, { version: 1, visits: { last: null, current: earlierDay }, watch: [{ words: 'model', addedAt: 1 }] });
      await page.goto(site.url(`digests/${latestDay()}/`));
      for (const i of [0, 1]) await page.locator('[data-digest-day] button[data-save]').nth(i).click();
      await page.locator('[data-digest-day] button[data-save][aria-pressed="true"]').nth(1).waitFor();
      await page.goto(site.url(`papers/${collection().find((p) => p.days.includes(latestDay()))!.slug}/`));
      await page.locator('.watch-toggle').first().waitFor();
      const found: string[] = [...(await violations(page)).map((v) => `paper with watch toggles: ${v}`)];
      const states: Array<[string, string, string]> = [
        ['saved', 'saved/', '[data-saved-list] [data-paper]'],
        ['catch-up', 'catch-up/', '[data-catch-up-list] [data-paper]'],
        ['watchlist', 'watch/', '[data-watch-list] [data-paper]'],
        ['digest', `digests/${latestDay()}/`, '[data-watched] .watch-mark'],
      ];
      for (const [name, path, ready] of states) {
        await page.goto(site.url(path));
        await page.locator(ready).first().waitFor();
        found.push(...(await violations(page)).map((v) => `${name} (${path}): ${v}`));
      }
      await page.locator('[data-seen]').first().waitFor();
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      found.push(...(await violations(page)).map((v) => `keys dialog: ${v}`));
      expect(found).toEqual([]);
    });
  }
});
