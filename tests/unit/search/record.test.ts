import { describe, expect, it } from 'vitest';
import { filterOptions } from '../../../src/search/filters.ts';
import { toPaperView, type PaperViewInput } from '../../../src/papers/view.ts';
import { searchRecord, UNKNOWN_YEAR } from '../../../src/search/record.ts';

function paper(slug: string, published: string | null, firstSeen: string, extra: Record<string, unknown> = {}) {
  const data = {
    title: `Paper ${slug}`,
    titleKey: `paper ${slug}`,
    published,
    publishedText: published,
    authorsCount: null,
    org: null,
    upvotes: 3,
    urls: [],
    topics: [],
    listings: [{ file: `${firstSeen}.txt`, captureDate: firstSeen, rank: 1, upvotes: 3 }],
    ...extra,
  } as unknown as PaperViewInput['data'];
  return toPaperView({ slug, body: 'An abstract.', data });
}

describe('what search shows of a paper’s date', () => {
  const dated = paper('dated', '2021-03-25', '2025-03-11');
  const undated = paper('undated', null, '2025-03-11');

  it('a known publication date: shown as is, and filed under its year', () => {
    const record = searchRecord(dated, 'papers/dated/');
    expect(record.meta.date).toBe('Mar 25, 2021');
    expect(record.filters.year).toEqual(['2021']);
  });

  it('no publication date: says when it was first listed, and is filed under "unknown", not the capture year', () => {
    const record = searchRecord(undated, 'papers/undated/');
    expect(record.meta.date).toBe('first listed Mar 11, 2025');
    expect(record.filters.year).toEqual([UNKNOWN_YEAR]);
  });

  it('the year filter lists years newest first and "Date unknown" last, with counts', () => {
    const papers = [dated, undated, paper('b', '2024-01-01', '2025-03-11'), paper('c', null, '2025-03-12')];
    expect(filterOptions(papers, []).year).toEqual([
      { value: '2024', label: '2024', count: 1 },
      { value: '2021', label: '2021', count: 1 },
      { value: UNKNOWN_YEAR, label: 'Date unknown', count: 2 },
    ]);
  });
});

describe('what the index holds of a paper', () => {
  const p = paper('sparse', '2024-05-01', '2025-03-11', { topics: ['vision', 'other'], org: { name: 'Z.ai', url: null }, urls: ['https://github.com/x/y'] });

  it('the abstract as text and the title as metadata, so an excerpt never repeats the title', () => {
    const record = searchRecord(p, 'papers/sparse/');
    expect(record.content).toBe('An abstract.');
    expect(record.meta.title).toBe('Paper sparse');
    expect(record.meta.upvotes).toBe('3');
  });

  it('a paper without an abstract is indexed by its title', () => {
    const bare = toPaperView({ slug: 'bare', body: '', data: { ...p, abstract: undefined } as unknown as PaperViewInput['data'] });
    expect(searchRecord(bare, 'papers/bare/').content).toBe('Paper sparse');
  });

  it('filter values are slugs, so URLs read topic=vision and organisation=z-ai', () => {
    const record = searchRecord(p, 'papers/sparse/');
    expect(record.filters.topic).toEqual(['vision', 'other']);
    expect(record.filters.organisation).toEqual(['z-ai']);
    expect(record.filters.code).toEqual(['yes']);
  });

  it('organisation choices carry the slug as value and the name as label, one choice per slug', () => {
    const other = paper('b', null, '2025-03-11', { org: { name: 'Z.AI', url: null } });
    expect(filterOptions([p, other], []).organisation).toEqual([{ value: 'z-ai', label: 'Z.ai', count: 2 }]);
  });
});

describe('what search knows of a paper from a Daily Papers listing', () => {
  const fromJson = toPaperView({
    slug: 'tears',
    body: 'Retrieval is brittle.',
    data: {
      ...paper('tears', '2026-01-07', '2026-01-09'),
      arxiv: '2601.03310',
      authors: ['José Álvarez-Núñez', 'Zoë Ångström', '李明'],
      github: 'https://github.com/example/tears',
    },
  });

  it('indexes the author names as metadata, searched with the title and abstract', () => {
    const record = searchRecord(fromJson, 'papers/tears/');
    expect(record.meta.authors).toBe('José Álvarez-Núñez, Zoë Ångström, 李明');
    expect(record.content).toBe('Retrieval is brittle.');
    expect(searchRecord(paper('plain', null, '2025-03-11'), 'papers/plain/').meta.authors).toBeUndefined();
  });

  it('files it under "has arXiv id" and, for its repository, "has code"', () => {
    expect(searchRecord(fromJson, 'papers/tears/').filters).toMatchObject({ arxiv: ['yes'], code: ['yes'] });
    expect(searchRecord(paper('plain', null, '2025-03-11'), 'papers/plain/').filters).toMatchObject({ arxiv: ['no'], code: ['no'] });
  });

  it('names the first authors in lists, the organisation first when there is one', () => {
    expect(fromJson.byline).toBe('José Álvarez-Núñez and 2 others');
    expect(toPaperView({ slug: 'x', body: '', data: { ...fromJson, authors: ['Ada Lovelace', 'Alan Turing'] } }).byline).toBe('Ada Lovelace and Alan Turing');
    expect(toPaperView({ slug: 'x', body: '', data: { ...fromJson, org: { id: 'zai-org', name: 'Z.ai' } } }).byline).toBe('Z.ai');
    expect(toPaperView({ slug: 'x', body: '', data: { ...fromJson, authors: null, authorsCount: 5 } }).byline).toBe('5 authors');
  });
});
