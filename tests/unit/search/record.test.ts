import { describe, expect, it } from 'vitest';
import { filterOptions } from '../../../src/search/filters.ts';
import { toPaperView, type PaperViewInput } from '../../../src/papers/view.ts';
import { searchRecord, UNKNOWN_YEAR } from '../../../src/search/record.ts';

function paper(slug: string, published: string | null, firstSeen: string) {
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
  } as unknown as PaperViewInput['data'];
  return toPaperView({ slug, body: 'An abstract.', data });
}

describe('what search shows of a paper’s date', () => {
  const dated = paper('dated', '2021-03-25', '2025-03-11');
  const undated = paper('undated', null, '2025-03-11');

  it('a known publication date: shown as is, and filed under its year', () => {
    const record = searchRecord(dated, [], 'papers/dated/');
    expect(record.meta.date).toBe('Mar 25, 2021');
    expect(record.filters.year).toEqual(['2021']);
  });

  it('no publication date: says when it was first listed, and is filed under "unknown", not the capture year', () => {
    const record = searchRecord(undated, [], 'papers/undated/');
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

  it('indexes the author names with the title and abstract', () => {
    expect(searchRecord(fromJson, [], 'papers/tears/').content).toBe('Paper tears.\n\nJosé Álvarez-Núñez, Zoë Ångström, 李明.\n\nRetrieval is brittle.');
    expect(searchRecord(paper('plain', null, '2025-03-11'), [], 'papers/plain/').content).toBe('Paper plain.\n\nAn abstract.');
  });

  it('files it under "has arXiv id" and, for its repository, "has code"', () => {
    expect(searchRecord(fromJson, [], 'papers/tears/').filters).toMatchObject({ arxiv: ['yes'], code: ['yes'] });
    expect(searchRecord(paper('plain', null, '2025-03-11'), [], 'papers/plain/').filters).toMatchObject({ arxiv: ['no'], code: ['no'] });
  });

  it('names the first authors in lists, the organisation first when there is one', () => {
    expect(fromJson.byline).toBe('José Álvarez-Núñez and 2 others');
    expect(toPaperView({ slug: 'x', body: '', data: { ...fromJson, authors: ['Ada Lovelace', 'Alan Turing'] } }).byline).toBe('Ada Lovelace and Alan Turing');
    expect(toPaperView({ slug: 'x', body: '', data: { ...fromJson, org: { id: 'zai-org', name: 'Z.ai' } } }).byline).toBe('Z.ai');
    expect(toPaperView({ slug: 'x', body: '', data: { ...fromJson, authors: null, authorsCount: 5 } }).byline).toBe('5 authors');
  });
});
