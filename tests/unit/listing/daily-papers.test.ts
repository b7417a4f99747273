import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseArxivId } from '../../../src/listing/arxiv.ts';
import { UnreadableListingError } from '../../../src/listing/decode.ts';
import { readListing } from '../../../src/listing/read.ts';

const fixture = readFileSync(new URL('../../fixtures/listings/daily-papers.json', import.meta.url), 'utf8');
const item = (paper: Record<string, unknown>, top: Record<string, unknown> = {}) => ({ paper: { id: '2601.00001', title: 'A Title', ...paper }, ...top });
const read = (items: unknown, file = '2026-01-09-daily.json') => readListing(file, JSON.stringify(items));

describe('the Daily Papers JSON', () => {
  const listing = readListing('daily-papers.json', fixture);

  it('is recognised by its content and dated from the days its items were listed on, with a warning', () => {
    expect(listing.layout).toBe('json');
    expect(listing.captureDate).toBe('2026-01-09');
    expect(listing.captureDateSource).toBe('inferred');
    expect(listing.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/inferred .*name the file 2026-01-09-daily\.json/) }));
  });

  it('ranks the day by upvotes, ties in the order of the file, and skips the item with no id', () => {
    expect(listing.records.map((r) => [r.title, r.upvotes])).toEqual([
      ['Long-Context Retrieval Without Tears', 40],
      ['Sparse Mixture of Experts at Scale', 12],
      ['A Paper Hugging Face Knows by Another Name', 5],
      ['A Paper With Only a Title', null],
      ['Strings With an Old-Style Identifier', null],
    ]);
  });

  it('reads the arXiv id, authors in order, links, organisation and dates of a complete item', () => {
    const smoe = listing.records.find((r) => r.arxivId === '2510.11496');
    expect(smoe).toEqual({
      title: 'Sparse Mixture of Experts at Scale',
      abstract: 'We train sparse mixtures of experts. Code at https://github.com/example/smoe.',
      arxivId: '2510.11496',
      authors: ['Ada Lovelace', 'Alan Turing'],
      authorsCount: 2,
      org: null,
      publishedText: '2025-10-13T17:59:59.000Z',
      published: '2025-10-13',
      upvotes: 12,
      urls: ['https://github.com/example/smoe'],
      githubRepo: 'https://github.com/example/smoe',
      projectPage: 'https://example.org/smoe',
      line: null,
    });
  });

  it('drops the version of an id, keeps unicode author names (spacing tidied) and joins wrapped lines', () => {
    const tears = listing.records[0]!;
    expect(tears.arxivId).toBe('2601.03310');
    expect(tears.authors).toEqual(['José Álvarez-Núñez', 'Zoë Ångström', '李明', 'Ørjan Ødegård']);
    expect(tears.org).toEqual({ id: 'zai-org', name: 'Z.ai' });
    expect(tears.abstract).toBe('Retrieval over long contexts is brittle. We show why.\n\nOur method fixes it; see hf.co/datasets/example/ltears.');
    expect(tears.urls).toEqual(['https://hf.co/datasets/example/ltears']);
  });

  it('takes an item missing every optional field', () => {
    expect(listing.records.find((r) => r.arxivId === '2601.02002')).toMatchObject({
      title: 'A Paper With Only a Title', abstract: null, authors: null, authorsCount: null, published: null, upvotes: null, urls: [], githubRepo: null, projectPage: null,
    });
  });

  it('reports a malformed item by its position and the wrong field, and a wrong optional field as dropped', () => {
    const problems = listing.problems.map((p) => `${p.severity}: ${p.message}`);
    expect(problems).toContain('error: item 4 ("A Paper With No Identifier"): field "paper.id": Invalid input: expected string, received undefined; skipped');
    expect(problems).toContainEqual(expect.stringMatching(/^warning: item 5: field "paper\.upvotes": .*; ignored$/));
    expect(problems).toContain('warning: item 5: paper.githubRepo "not a link" is not an http(s) address; ignored');
    expect(listing.records.find((r) => r.arxivId === 'hep-th/9901001')).toMatchObject({ authors: ['Edward Witten'], upvotes: null, githubRepo: null });
  });

  it('keeps a paper whose id is not an arXiv identifier, without an id', () => {
    expect(listing.problems.map((p) => p.message)).toContain('item 6: paper.id "not-an-arxiv-id" is not an arXiv identifier; the paper is kept without one');
    expect(listing.records.find((r) => r.title.startsWith('A Paper Hugging Face'))).toMatchObject({ arxivId: null, projectPage: 'https://example.org/other' });
  });

  it('takes the date from the file name, and the title and summary from the top level when the paper lacks them', () => {
    const l = read([item({ title: undefined, summary: undefined }, { title: 'Top Title', summary: 'Top summary.' })]);
    expect(l).toMatchObject({ captureDate: '2026-01-09', captureDateSource: 'filename', problems: [] });
    expect(l.records[0]).toMatchObject({ title: 'Top Title', abstract: 'Top summary.' });
  });

  it('reports an item with no title at all, and one that is not an object', () => {
    const l = read([item({ title: undefined }), 'just a string', item({ id: '2601.00002' })]);
    expect(l.records.map((r) => r.arxivId)).toEqual(['2601.00002']);
    expect(l.problems.map((p) => p.message)).toEqual([
      'item 1: field "paper.title": no title: expected paper.title or title; skipped',
      expect.stringMatching(/^item 2: field "\(item\)": .*; skipped$/),
    ]);
  });

  it('refuses JSON that is not a Daily Papers listing, saying what it found', () => {
    expect(() => read({ error: 'Invalid date' })).toThrow(new UnreadableListingError('the file is JSON but not a Daily Papers listing: expected an array of items, found an object saying "Invalid date"'));
    expect(() => read([1, 2])).toThrow(/no item in it has a "paper" object/);
    expect(() => readListing('2026-01-09-daily.json', '<!doctype html><p>Too many requests</p>')).toThrow(/^the file is not valid JSON \(.*\); fetch the day again/);
  });

  it('reads a text capture that starts with a bracket as text', () => {
    const l = readListing('2026-01-09.txt', 'Jan 9\n\n[Re] A Reproduction Study\n\nWe reproduce a study.\n');
    expect(l.layout).toBe('C');
    expect(l.records.map((r) => [r.title, r.arxivId, r.authors])).toEqual([['[Re] A Reproduction Study', null, null]]);
  });
});

describe('arXiv identifiers', () => {
  it.each([
    ['2501.01234', '2501.01234'],
    ['2501.01234v12', '2501.01234'],
    ['arXiv:0704.0001v1', '0704.0001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['math.AG/0601001', 'math.AG/0601001'],
    [' 2501.01234 ', '2501.01234'],
  ])('%j is %j', (written, id) => expect(normaliseArxivId(written)).toBe(id));

  it.each(['', 'not-an-arxiv-id', '2501.123', '2501.01234v', 'https://arxiv.org/abs/2501.01234', '12345.6789'])('%j is none', (written) => {
    expect(normaliseArxivId(written)).toBeNull();
  });
});
