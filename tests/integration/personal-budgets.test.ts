/**
 * What the personal layer costs readers, measured on the real built site: the per-day files
 * (`/digests/YYYY-MM-DD.json`) stay small for a 400-paper day and say what the digest says, and
 * a paper page's scripts stay under 5 KB gzipped and never block rendering.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDay } from '../../src/personal/day-file.ts';
import { builtSite } from '../support/built-site.ts';
import { collection } from '../support/collection.ts';
import { elements } from '../support/html-dom.ts';
import { pageScripts } from '../support/page-scripts.ts';

const DAY_FILE_LIMIT = 20 * 1024;
const PAPER_PAGE_JS_LIMIT = 5 * 1024;

/** The HTML of every page of a digest day, in order. */
function dayPages(dir: string, day: string): string[] {
  const pages: string[] = [];
  for (let n = 1; ; n++) {
    const file = join(dir, 'digests', day, ...(n === 1 ? [] : [String(n)]), 'index.html');
    if (!existsSync(file)) return pages;
    pages.push(readFileSync(file, 'utf8'));
  }
}

const dayFiles = (dir: string) => readdirSync(join(dir, 'digests')).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();

describe('the per-day files', () => {
  it('exist for every digest day and list its papers in the order of its page', async () => {
    const site = await builtSite();
    const days = [...new Set(collection().flatMap((p) => p.days))].sort();
    expect(dayFiles(site.dir)).toEqual(days.map((d) => `${d}.json`));
    for (const day of days) {
      const papers = decodeDay(JSON.parse(readFileSync(join(site.dir, 'digests', `${day}.json`), 'utf8')));
      // A long day is split into pages (/digests/<day>/, /2/, /3/…): the file follows them in turn.
      const order = dayPages(site.dir, day).flatMap((page) => {
        const list = page.slice(page.indexOf('data-digest-day'), page.indexOf('</ol>', page.indexOf('data-digest-day')));
        return [...list.matchAll(/<article[^>]* data-paper="([^"]+)"/g)].map((m) => m[1]);
      });
      expect(papers.map((p) => p.slug), day).toEqual(order);
      for (const paper of papers) {
        const facts = collection().find((p) => p.slug === paper.slug)!;
        expect([paper.title, paper.firstListed, paper.org], paper.slug).toEqual([facts.title, facts.days[0], facts.organisation]);
        expect(paper.appearances).toBe(facts.days.filter((d) => d <= day).length);
      }
    }
  });

  it('are under 20 KB gzipped for the bundled 399-paper day (and every other)', async () => {
    const site = await builtSite();
    const sizes = dayFiles(site.dir).map((file) => {
      const text = readFileSync(join(site.dir, 'digests', file));
      return { file, papers: (JSON.parse(text.toString()) as { papers: unknown[] }).papers.length, gzip: gzipSync(text).byteLength };
    });
    const biggest = sizes.sort((a, b) => b.papers - a.papers)[0]!;
    expect(biggest.papers).toBeGreaterThanOrEqual(399);
    console.log(`per-day files, gzip bytes: ${sizes.map((s) => `${s.file} (${s.papers} papers) ${s.gzip}`).join(', ')}`);
    for (const size of sizes) expect(size.gzip, size.file).toBeLessThan(DAY_FILE_LIMIT);
  });
});

describe("a paper page's scripts", () => {
  it('are under 5 KB gzipped, all of them, and none blocks rendering', async () => {
    const site = await builtSite();
    const paper = collection().find((p) => p.organisation && p.topics.length > 0)!;
    const scripts = pageScripts(site.dir, `papers/${paper.slug}/index.html`, site.basePath);
    console.log(`paper page scripts: ${scripts.gzipBytes} bytes gzipped in ${scripts.files.length} files (${scripts.files.join(', ')})`);
    // The reader's layer is among them (a measure of nothing would pass too).
    expect(scripts.files.some((f) => readFileSync(join(site.dir, f), 'utf8').includes('data-save-slot'))).toBe(true);
    expect(scripts.gzipBytes).toBeLessThan(PAPER_PAGE_JS_LIMIT);
    expect(scripts.blocking).toEqual([]);
    const tags = elements(readFileSync(join(site.dir, 'papers', paper.slug, 'index.html'), 'utf8')).filter((e) => e.tag === 'script' && e.attrs.src);
    expect(tags.every((t) => t.attrs.type === 'module')).toBe(true);
  });
});
