import { describe, expect, it } from 'vitest';
import { pageKind, rawTitle } from '../../../src/offline/kept-pages.ts';

describe('the pages the offline page lists', () => {
  it('are the kept pages by kind; files and the offline page itself are not listed', () => {
    expect(['', 'digests/2026-01-08/', 'digests/2026-01-08/2/', 'topics/vision/', 'archive/2025/10/', 'papers/x/', 'search/', 'offline/', 'favicon.svg', 'pagefind/pagefind.js'].map(pageKind)).toEqual([
      'home',
      'digests',
      'digests',
      'topics',
      'archive',
      'papers',
      'other',
      null,
      null,
      null,
    ]);
  });

  it('are named by their title, without the site name', () => {
    expect(rawTitle('<meta charset="utf-8"><title>A &amp; B · Paper Digest</title><meta name="x">')).toBe('A &amp; B');
    expect(rawTitle('<title>Paper Digest</title>')).toBe('Paper Digest');
    expect(rawTitle('<meta charset="utf-8"><tit')).toBeNull();
  });
});
