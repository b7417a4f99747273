/** Sharing that works where the site is: share addresses, reference-manager tags, preview titles, the SITE_URL notice. */
import { describe, expect, it } from 'vitest';
import { siteUrlNotice } from '../../../src/config.ts';
import { citationTags } from '../../../src/site/citation.ts';
import { ogTitle } from '../../../src/site/og-image.ts';
import { shareUrl } from '../../../src/site/share-url.ts';

describe('the address Copy link and Share give', () => {
  const canonical = 'https://digest.example.org/paper-digest/papers/x/';

  it('is the canonical URL on the canonical host', () => {
    expect(shareUrl(canonical, { origin: 'https://digest.example.org', pathname: '/paper-digest/papers/x/' })).toBe(canonical);
  });

  it('is the address the reader sees anywhere else (a preview, a mirror), without query or fragment', () => {
    expect(shareUrl(canonical, { origin: 'http://localhost:4321', pathname: '/paper-digest/papers/x/' })).toBe('http://localhost:4321/paper-digest/papers/x/');
    expect(shareUrl(null, { origin: 'http://127.0.0.1:8080', pathname: '/papers/x/' })).toBe('http://127.0.0.1:8080/papers/x/');
    expect(shareUrl('not a url', { origin: 'http://127.0.0.1:8080', pathname: '/papers/x/' })).toBe('http://127.0.0.1:8080/papers/x/');
  });
});

describe('a build without SITE_URL', () => {
  it('says so, naming the variable and the address it fell back to', () => {
    expect(siteUrlNotice({})).toMatch(/^SITE_URL is not set: .*http:\/\/localhost:4321.*SITE_URL=https:\/\//);
    expect(siteUrlNotice({ SITE_URL: 'https://example.org' })).toBeNull();
  });
});

describe('reference-manager tags', () => {
  it('name title, authors, date, arXiv id and PDF where known', () => {
    expect(citationTags({ title: 'T', authors: ['A B', 'C D'], published: '2018-03-09', firstSeen: '2026-01-08', arxiv: '1803.03635' })).toEqual([
      { name: 'citation_title', content: 'T' },
      { name: 'citation_author', content: 'A B' },
      { name: 'citation_author', content: 'C D' },
      { name: 'citation_publication_date', content: '2018/03/09' },
      { name: 'citation_arxiv_id', content: '1803.03635' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/1803.03635' },
    ]);
  });

  it('fall back to the day first listed for the date, and leave out what is unknown', () => {
    expect(citationTags({ title: 'T', authors: null, published: null, firstSeen: '2026-01-08', arxiv: null })).toEqual([
      { name: 'citation_title', content: 'T' },
      { name: 'citation_publication_date', content: '2026/01/08' },
    ]);
  });
});

describe('a link-preview image\'s title', () => {
  it('is the whole title when it fits', () => {
    expect(ogTitle('Diffusion-Link: Diffusion Probabilistic Model')).toBe('Diffusion-Link: Diffusion Probabilistic Model');
  });

  it('is cut at a word boundary with an ellipsis, never inside a word', () => {
    const title = 'Discovering the Gems in Early Layers: Accelerating Long-Context LLMs with 1000x Input Token Reduction and Many More Words Beyond the Limit Supercalifragilistic';
    const shown = ogTitle(title);
    expect(shown.length).toBeLessThanOrEqual(140);
    expect(shown.endsWith('…')).toBe(true);
    const words = shown.slice(0, -1).split(' ');
    // Every word shown is a whole word of the title.
    expect(title.split(' ').slice(0, words.length)).toEqual(words);
  });
});
