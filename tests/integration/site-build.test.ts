/** The whole path, listing → Markdown → page, through a real `astro build`. */
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { elements, injectedMarkup } from '../support/html-dom.ts';
import { astroBuild, builtSite } from '../support/built-site.ts';
import { LIST_PAGE_SIZE } from '../../src/config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
const ingest = (...args: string[]) => run([join(root, 'scripts/ingest.ts'), '--no-progress', ...args]);

// Build tests wait for one another (one build at a time across test files): their timeouts guard
// against a hang, they measure nothing.
describe('the bundled collection', () => {
  it('is exactly what ingest makes of the bundled listings (re-ingest changes nothing)', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'papers-'));
    cpSync(join(root, 'content/papers'), copy, { recursive: true });
    const { stdout } = await ingest('--papers-dir', copy, join(root, 'content/listings'));
    expect(stdout).toMatch(/0 new, 0 updated, 566 unchanged/);
  });

  // The shared test build (tests/support/built-site.ts): the same papers, built under its base path and origin.
  it('builds a page for every one of the 566 papers', async () => {
    const { dir: out, basePath, siteOrigin } = await builtSite();
    const slugs = readdirSync(join(root, 'content/papers')).map((n) => n.replace(/\.md$/, ''));
    expect(slugs).toHaveLength(566);
    for (const slug of slugs) expect(existsSync(join(out, 'papers', slug, 'index.html')), slug).toBe(true);
    const page = readFileSync(join(out, 'papers/diffusion-link-diffusion-probabilistic-model-for-bridging-the-audio-text/index.html'), 'utf8');
    expect(page).toContain('Diffusion-Link: Diffusion Probabilistic Model for Bridging the Audio-Text Modality Gap');
    expect(page).toContain('<a href="https://github.com/DevKiHyun/Diffusion-Link" rel="noopener noreferrer">');
    const meta = Object.fromEntries(elements(page).filter((e) => e.tag === 'meta').map((e) => [e.attrs.property ?? e.attrs.name, e.attrs.content]));
    expect(meta['og:title']).toBe('Diffusion-Link: Diffusion Probabilistic Model for Bridging the Audio-Text Modality Gap');
    expect(meta['og:description']).toMatch(/^Contrastive audio-language pretraining/);
    expect(meta['og:image']).toBe(`${siteOrigin}${basePath}og/diffusion-link-diffusion-probabilistic-model-for-bridging-the-audio-text.png`);
    expect(existsSync(join(out, 'og/diffusion-link-diffusion-probabilistic-model-for-bridging-the-audio-text.png'))).toBe(true);

    // The archive files every paper exactly once, in pages as long as a topic's: the older pages of a
    // month (numbered from its oldest) hold a page's worth, the month's own page what follows them.
    const archived: string[] = [];
    const pagesOf = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pagesOf(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : []));
    let olderPages = 0;
    for (const file of pagesOf(join(out, 'archive'))) {
      const cards = [...readFileSync(file, 'utf8').matchAll(new RegExp(`paper-card__title"><a href="${basePath}papers/([^/"]+)/"`, 'g'))].map((m) => m[1]!);
      if (/\/archive\/\d{4}\/\d{2}\/\d+\/index\.html$/.test(file)) {
        olderPages++;
        expect(cards.length, file).toBe(LIST_PAGE_SIZE);
      } else expect(cards.length, file).toBeLessThan(2 * LIST_PAGE_SIZE);
      archived.push(...cards);
    }
    expect(olderPages).toBeGreaterThan(0);
    expect(archived.sort()).toEqual([...slugs].sort());
  }, 600_000);
});

describe('a listing with hostile text', () => {
  it('comes out of ingest and the build as literal text, never markup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const listing = join(dir, '2026-02-01.txt');
    writeFileSync(
      listing,
      [
        'Feb 1',
        '',
        '<script>alert(1)</script> & "Quotes" Paper',
        '',
        '"><img src=x onerror=alert(1)> javascript:alert(1) {{ x }} ${x} <Component /> import x from \'y\' See https://example.org/code.',
        '',
      ].join('\n'),
    );
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listing);
    const [file] = readdirSync(papers);
    const out = join(dir, 'dist');
    // Built without link-preview images, as a huge site would be: none are made or linked.
    expect((await astroBuild(out, { PAPERS_DIR: papers, OG_IMAGES: 'off' })).code).toBe(0);
    expect(existsSync(join(out, 'og'))).toBe(false);
    const html = readFileSync(join(out, 'papers', file!.replace(/\.md$/, ''), 'index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Quotes&quot; Paper');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; javascript:alert(1) {{ x }} ${x} &lt;Component /&gt;');
    // Our scripts are the theme one (inline) and bundled modules; none mentions alert.
    expect(injectedMarkup(html, (el) => !el.text.includes('alert'))).toEqual([]);
    const meta = Object.fromEntries(elements(html).filter((e) => e.tag === 'meta').map((e) => [e.attrs.property ?? e.attrs.name, e.attrs.content]));
    expect(meta['og:title']).toBe('<script>alert(1)</script> & "Quotes" Paper');
    expect(meta['og:image']).toBeUndefined();
    expect(meta['twitter:card']).toBe('summary');
    expect(html).toContain('<a href="https://example.org/code" rel="noopener noreferrer">');
  }, 600_000);
});

describe('a paper from the Daily Papers JSON', () => {
  it('has its arXiv abstract and PDF links, its other links and its authors by name on its page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daily-site-'));
    const listings = join(dir, 'listings');
    mkdirSync(listings);
    cpSync(join(root, 'tests/fixtures/listings/layout-a.txt'), join(listings, '2026-01-08.txt'));
    const items = JSON.parse(readFileSync(join(root, 'tests/fixtures/listings/daily-papers.json'), 'utf8'));
    // An author name that looks like markup stays text.
    items[0].paper.authors.push({ name: '<img src=x onerror=alert(1)>' });
    writeFileSync(join(listings, '2026-01-09-daily.json'), JSON.stringify(items));
    const papers = join(dir, 'papers');
    await ingest('--papers-dir', papers, listings).catch(() => {}); // exits 1: the fixture's malformed item
    const out = join(dir, 'dist');
    expect((await astroBuild(out, { PAPERS_DIR: papers, OG_IMAGES: 'off' })).code).toBe(0);

    const page = readFileSync(join(out, 'papers/sparse-mixture-of-experts-at-scale/index.html'), 'utf8');
    const links = Object.fromEntries(elements(page).filter((e) => e.tag === 'a').map((e) => [e.text.trim(), e.attrs.href]));
    expect(links).toMatchObject({
      arXiv: 'https://arxiv.org/abs/2510.11496',
      PDF: 'https://arxiv.org/pdf/2510.11496',
      'Hugging Face': 'https://huggingface.co/papers/2510.11496',
      Code: 'https://github.com/example/smoe',
      'Project page': 'https://example.org/smoe',
    });
    expect(page).toContain('<p class="paper__authors">Ada Lovelace, Alan Turing, &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(injectedMarkup(page, (el) => !el.text.includes('alert'))).toEqual([]);

    const tears = readFileSync(join(out, 'papers/long-context-retrieval-without-tears/index.html'), 'utf8');
    expect(tears).toContain('<p class="paper__authors">José Álvarez-Núñez, Zoë Ångström, 李明, Ørjan Ødegård</p>');
    expect(tears).toContain('href="https://arxiv.org/pdf/2601.03310"');

    // A paper only a text capture told of still offers a search for its title, labelled as one.
    const textOnly = readFileSync(join(out, 'papers/glm-tricks-a-report/index.html'), 'utf8');
    expect(textOnly).toMatch(/<a class="button" href="https:\/\/arxiv\.org\/search\/\?query=[^"]+" rel="noopener noreferrer">Find on arXiv<\/a>/);
    expect(textOnly).not.toContain('arxiv.org/pdf');
  });
});
