/** The Cite button's BibTeX, read back by a real BibTeX parser (the one Better BibTeX for Zotero uses). */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexFile, citationKey, type BibtexPaper } from '../../../src/site/bibtex.ts';

const lottery: BibtexPaper = {
  title: 'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks',
  authors: ['Jonathan Frankle', 'Michael Carbin'],
  published: '2018-03-09',
  arxiv: '1803.03635',
  url: 'https://arxiv.org/abs/1803.03635',
};

function readBack(entry: string) {
  // As written: no sentence-casing of titles (Zotero's import convention, not BibTeX's).
  const library = parse(entry, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

describe('a paper\'s BibTeX entry', () => {
  it('is an @misc entry a BibTeX parser reads back: title, authors, year, arXiv eprint, URL', () => {
    const entry = readBack(bibtexEntry(lottery));
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe('frankle2018lottery');
    expect(entry.fields.title).toBe(lottery.title);
    expect(entry.fields.author).toEqual([
      { firstName: 'Jonathan', lastName: 'Frankle' },
      { firstName: 'Michael', lastName: 'Carbin' },
    ]);
    expect(entry.fields.year).toBe('2018');
    expect(entry.fields.eprint).toBe('1803.03635');
    expect(entry.fields.url).toBe('https://arxiv.org/abs/1803.03635');
  });

  it('keeps TeX specials, braces and non-ASCII letters in titles and names as the literal text', () => {
    const hostile: BibtexPaper = {
      title: 'R&D at 50% of $x_2^3$ {cost} #1 ~ \\emph{fast} Müller',
      authors: ['José Müller', 'Smith and Sons, Ltd'],
      published: null,
      arxiv: null,
      url: 'https://digest.example.org/papers/r-d/',
    };
    const entry = readBack(bibtexEntry(hostile));
    expect(entry.fields.title).toBe(hostile.title);
    expect(entry.fields.author).toEqual([{ firstName: 'José', lastName: 'Müller' }, { name: 'Smith and Sons, Ltd' }]);
    expect(entry.fields.year).toBeUndefined();
    expect(entry.fields.eprint).toBeUndefined();
    expect(entry.fields.url).toBe(hostile.url);
  });

  it('has no author field when the authors are not known', () => {
    const text = bibtexEntry({ ...lottery, authors: null });
    expect(text).not.toMatch(/author/);
    expect(readBack(text).key).toBe('2018lottery');
  });
});

describe('the citation key', () => {
  it('is ASCII (transliterated as slugs are): last name, year, first telling word of the title', () => {
    expect(citationKey({ title: 'Über die Ähnlichkeit: ein Test', authors: ['Zoë Ørsted-Ångström'] }, '2024')).toBe('orstedangstroem2024ueber');
    expect(citationKey({ title: 'A Study of the Things', authors: null }, null)).toBe('study');
    expect(citationKey({ title: '日本語', authors: null }, null)).toBe('paper');
  });
});

describe('a file of BibTeX entries (the reading list export)', () => {
  it('holds one entry per paper, each under the key it was given', () => {
    const papers: BibtexPaper[] = [
      { ...lottery, key: 'the-lottery-ticket-hypothesis' },
      { title: 'B', authors: null, published: null, arxiv: null, url: 'https://example.org/papers/b/', key: 'b' },
    ];
    const library = parse(bibtexFile(papers), { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => e.key)).toEqual(['the-lottery-ticket-hypothesis', 'b']);
    expect(library.entries.map((e) => e.fields.title)).toEqual([lottery.title, 'B']);
  });
});
