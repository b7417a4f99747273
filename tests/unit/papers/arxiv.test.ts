import { describe, expect, it } from 'vitest';
import { arxivIdFromUrls, arxivLinks, arxivTitleSearch, parseArxivId, withoutVersion } from '../../../src/papers/arxiv.ts';
import { toPaperView, type PaperViewInput } from '../../../src/papers/view.ts';

describe('arXiv ids', () => {
  it.each([
    ['2501.01234', '2501.01234'],
    ['2501.01234v2', '2501.01234v2'],
    ['  arXiv:1803.03635 ', '1803.03635'],
    ['0704.0001', '0704.0001'],
    ['hep-th/9901001v1', 'hep-th/9901001v1'],
    ['math.GT/0309136', 'math.GT/0309136'],
  ])('reads %j as %j', (text, id) => {
    expect(parseArxivId(text)).toBe(id);
  });

  it.each(['', '2501.1234567', '2513.01234', '2501.01234v', '2501.01234v0', 'https://arxiv.org/abs/2501.01234', '10.48550/arXiv.2501.01234', 'hep-th/99010011'])('refuses %j', (text) => {
    expect(parseArxivId(text)).toBeNull();
  });

  it('drops the version for addresses of the latest version', () => {
    expect(withoutVersion('2501.01234v12')).toBe('2501.01234');
    expect(withoutVersion('hep-th/9901001v1')).toBe('hep-th/9901001');
  });

  it('leads to the abstract, the PDF and the Hugging Face paper page (which has no versions)', () => {
    expect(arxivLinks('2501.01234v2')).toEqual({
      abstract: 'https://arxiv.org/abs/2501.01234v2',
      pdf: 'https://arxiv.org/pdf/2501.01234v2',
      huggingFace: 'https://huggingface.co/papers/2501.01234',
    });
    expect(arxivTitleSearch('A & B: "C"')).toBe('https://arxiv.org/search/?query=A%20%26%20B%3A%20%22C%22&searchtype=title');
  });
});

describe('the arXiv id in an abstract\'s links', () => {
  it.each([
    [['https://arxiv.org/abs/2501.01234'], '2501.01234'],
    [['https://github.com/x/y', 'http://www.arxiv.org/pdf/2501.01234v3.pdf'], '2501.01234v3'],
    [['https://export.arxiv.org/abs/hep-th/9901001'], 'hep-th/9901001'],
    [['https://arxiv.org/html/2501.01234v1/', 'https://arxiv.org/abs/2501.01234v2'], '2501.01234v1'],
    [['https://arxiv.org/abs/2501.01234?context=cs'], '2501.01234'],
  ])('%j → %j', (urls, id) => {
    expect(arxivIdFromUrls(urls)).toBe(id);
  });

  it.each([
    ['no arXiv link', ['https://github.com/x/y']],
    ['links to two papers: citations, not this one', ['https://arxiv.org/abs/2501.01234', 'https://arxiv.org/abs/2402.00001']],
    ['an arXiv page that is not a paper', ['https://info.arxiv.org/help/prep#abstractsf', 'https://arxiv.org/list/cs.LG/recent']],
    ['another site that copies arXiv ids', ['https://alphaxiv.org/abs/2501.01234']],
  ])('none for %s', (_name, urls) => {
    expect(arxivIdFromUrls(urls)).toBeNull();
  });
});

describe('a paper\'s arXiv id and authors, as pages see them', () => {
  const data = (extra: Record<string, unknown>, urls: string[] = []) =>
    ({ title: 'T', titleKey: 't', authorsCount: 2, org: null, published: null, publishedText: null, upvotes: null, urls, topics: [], listings: [{ file: 'f.txt', captureDate: '2026-01-08', rank: 1, upvotes: null }], ...extra }) as PaperViewInput['data'];

  it('takes the hand-set id over the abstract\'s link', () => {
    expect(toPaperView({ slug: 't', body: 'See https://arxiv.org/abs/2402.00001.', data: data({ arxiv: '2501.01234' }, ['https://arxiv.org/abs/2402.00001']) }).arxivId).toBe('2501.01234');
  });

  it('finds the id in the abstract, even in a link ingest has not listed yet', () => {
    expect(toPaperView({ slug: 't', body: 'Paper: https://arxiv.org/abs/2402.00001v2', data: data({}) }).arxivId).toBe('2402.00001v2');
    expect(toPaperView({ slug: 't', body: 'No link.', data: data({}) }).arxivId).toBeNull();
  });

  it('names the authors where the file does, and leaves an empty list as unknown', () => {
    expect(toPaperView({ slug: 't', body: '', data: data({ authors: ['A B', 'C D'] }) }).authors).toEqual(['A B', 'C D']);
    expect(toPaperView({ slug: 't', body: '', data: data({ authors: [] }) }).authors).toBeNull();
    expect(toPaperView({ slug: 't', body: '', data: data({}) }).byline).toBe('2 authors');
  });
});
