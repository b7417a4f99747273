/** The sitemap's addresses and files (src/site/sitemap.ts). */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sitemapUrls, writeSitemap } from '../../../src/site/sitemap.ts';

const root = new URL('https://papers.example/digest/');
const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sitemap', () => {
  it('lists every page under the base path, alphabetically with numbers by value, without error pages', () => {
    const urls = sitemapUrls(['', 'topics/vision/10/', 'topics/vision/2/', '404/', '/about/', 'papers/a-b/', 'topics/vision/'], root);
    expect(urls).toEqual([
      'https://papers.example/digest/',
      'https://papers.example/digest/about/',
      'https://papers.example/digest/papers/a-b/',
      'https://papers.example/digest/topics/vision/',
      'https://papers.example/digest/topics/vision/2/',
      'https://papers.example/digest/topics/vision/10/',
    ]);
  });

  it('keeps pages numbered 404 or 500 deep in a list, and reads every page as a path under the base', () => {
    expect(sitemapUrls(['topics/vision/404/', 'topics/vision/500/', 'a:b/'], root)).toEqual([
      'https://papers.example/digest/a:b/',
      'https://papers.example/digest/topics/vision/404/',
      'https://papers.example/digest/topics/vision/500/',
    ]);
  });

  it('leaves out the addresses it is told to', () => {
    expect(sitemapUrls(['paper-data/3/', 'papers/x/'], root, (url) => url.includes('/paper-data/'))).toEqual(['https://papers.example/digest/papers/x/']);
  });

  it('writes an index of sitemaps of at most 45,000 addresses each, named under the base path', () => {
    const urls = Array.from({ length: 45_001 }, (_, n) => `https://papers.example/digest/papers/p${n}/`);
    writeSitemap(dir, urls, root);
    expect(readdirSync(dir).sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(['https://papers.example/digest/sitemap-0.xml', 'https://papers.example/digest/sitemap-1.xml']);
    const count = (file: string) => (readFileSync(join(dir, file), 'utf8').match(/<url>/g) ?? []).length;
    expect([count('sitemap-0.xml'), count('sitemap-1.xml')]).toEqual([45_000, 1]);
    expect(readFileSync(join(dir, 'sitemap-1.xml'), 'utf8')).toContain('<loc>https://papers.example/digest/papers/p45000/</loc>');
  });

  it('writes each address as XML text, with & and < escaped', () => {
    const escaped = join(dir, 'escaped');
    writeSitemap(escaped, ['https://papers.example/digest/a&b/', 'https://papers.example/digest/x<y/'], root);
    const text = readFileSync(join(escaped, 'sitemap-0.xml'), 'utf8');
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9"/);
    expect(text).toContain('<url><loc>https://papers.example/digest/a&amp;b/</loc></url><url><loc>https://papers.example/digest/x&lt;y/</loc></url></urlset>');
  });
});
