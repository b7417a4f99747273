import { describe, expect, it } from 'vitest';
import { env, SettingError, siteAddress } from '../../src/config.ts';

describe('siteAddress (SITE_URL and BASE_PATH)', () => {
  it('publishes at the root by default and takes BASE_PATH with or without slashes', () => {
    expect(siteAddress({})).toEqual({ origin: 'http://localhost:4321', base: '/' });
    expect(siteAddress({ SITE_URL: 'https://example.org', BASE_PATH: 'digest' })).toEqual({ origin: 'https://example.org', base: '/digest/' });
    expect(siteAddress({ SITE_URL: 'https://example.org/', BASE_PATH: '/' })).toEqual({ origin: 'https://example.org', base: '/' });
  });

  it('takes a path in SITE_URL as the base path, and accepts BASE_PATH when it agrees', () => {
    expect(siteAddress({ SITE_URL: 'https://example.org/sub' })).toEqual({ origin: 'https://example.org', base: '/sub/' });
    expect(siteAddress({ SITE_URL: 'https://example.org/sub/', BASE_PATH: '/sub/' })).toEqual({ origin: 'https://example.org', base: '/sub/' });
  });

  it('refuses what is not an http(s) address, and a path that contradicts BASE_PATH', () => {
    for (const bad of ['javascript:alert(1)', 'not a url', 'ftp://example.org', 'https://example.org/?q=1', 'data:text/html,x']) {
      expect(() => siteAddress({ SITE_URL: bad }), bad).toThrow(SettingError);
    }
    expect(() => siteAddress({ SITE_URL: 'https://example.org/sub', BASE_PATH: '/other' })).toThrow(/SITE_URL has the path \/sub\/ but BASE_PATH is \/other\//);
  });
});

describe('PAPER_PAGES', () => {
  const withPaperPages = (value: string | undefined) => {
    const before = process.env.PAPER_PAGES;
    if (value === undefined) delete process.env.PAPER_PAGES;
    else process.env.PAPER_PAGES = value;
    try {
      return env.paperPages();
    } finally {
      if (before === undefined) delete process.env.PAPER_PAGES;
      else process.env.PAPER_PAGES = before;
    }
  };

  it('is every paper unless set to a number of papers', () => {
    expect(withPaperPages(undefined)).toBeUndefined();
    expect(withPaperPages('')).toBeUndefined();
    expect(withPaperPages('10000')).toBe(10000);
    expect(withPaperPages('0')).toBe(0);
  });

  it('refuses anything else, which would silently give every paper its page', () => {
    for (const bad of ['10k', '-5', '1e4', 'all']) expect(() => withPaperPages(bad), bad).toThrow(SettingError);
  });
});
