import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexFile, latexEscape, type CitablePaper } from '../../../src/site/bibtex.ts';
import { parseBibtex } from '../../support/bibtex.ts';

const paper = (over: Partial<CitablePaper> = {}): CitablePaper => ({
  slug: 'a-paper',
  title: 'A Paper',
  date: '2025-10-13',
  url: 'https://example.org/digest/papers/a-paper/',
  ...over,
});

describe('bibtexEntry', () => {
  it('writes a @misc entry keyed by slug with title, year, month and URL', () => {
    const [entry] = parseBibtex(bibtexEntry(paper()));
    expect(entry).toMatchObject({ 'citation-key': 'a-paper', title: 'A Paper', URL: 'https://example.org/digest/papers/a-paper/', issued: { 'date-parts': [[2025, 10]] } });
  });

  it('keeps every character LaTeX treats specially, as the title said it', () => {
    const title = 'Beat 50% of {GPT-4} & $x^2$ at #1: a_b ~ c\\d — café, 日本語';
    const [entry] = parseBibtex(bibtexEntry(paper({ title })));
    expect(entry!.title).toBe(title);
  });

  it('cannot be broken out of by a title with unbalanced braces or an entry of its own', () => {
    const title = 'x}}, note = {injected}, @misc{evil, title={y';
    const entries = parseBibtex(bibtexEntry(paper({ title })));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.title).toBe(title);
  });

  it('leaves the date out when it is unknown', () => {
    expect(bibtexEntry(paper({ date: null }))).not.toMatch(/year|month/);
  });

  it('flattens line breaks and runs of spaces', () => {
    expect(latexEscape(' two\n  lines ')).toBe('two lines');
  });
});

describe('bibtexFile', () => {
  it('holds one entry per paper, each key once', () => {
    const papers = [paper(), paper({ slug: 'b', title: 'B' }), paper({ slug: 'c-3', title: 'C', date: null })];
    const entries = parseBibtex(bibtexFile(papers));
    expect(entries.map((e) => e['citation-key'])).toEqual(['a-paper', 'b', 'c-3']);
    expect(entries.map((e) => e.title)).toEqual(['A Paper', 'B', 'C']);
  });
});
