/** A paper's arXiv identifier from the links of its abstract, and what the site offers without one. */
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrls, arxivTitleSearch } from '../../../src/listing/arxiv.ts';
import { toPaperView, type PaperViewInput } from '../../../src/papers/view.ts';
import { paperSchema } from '../../../src/papers/schema.ts';

describe('the arXiv id in an abstract\'s links', () => {
  it.each([
    [['https://arxiv.org/abs/2501.01234'], '2501.01234'],
    [['https://github.com/x/y', 'http://www.arxiv.org/pdf/2501.01234v3.pdf'], '2501.01234'],
    [['https://export.arxiv.org/abs/hep-th/9901001'], 'hep-th/9901001'],
    [['https://arxiv.org/html/2501.01234v1/', 'https://arxiv.org/abs/2501.01234v2'], '2501.01234'],
    [['https://arxiv.org/abs/2501.01234?context=cs'], '2501.01234'],
  ])('%j → %j (stored as ids are: without version)', (urls, id) => {
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

  it('without an id, the site offers an arXiv search for the title', () => {
    expect(arxivTitleSearch('A & B: "C"')).toBe('https://arxiv.org/search/?query=A%20%26%20B%3A%20%22C%22&searchtype=title');
  });
});

describe('a paper\'s arXiv id, as pages see it', () => {
  const data = (extra: Record<string, unknown>, urls: string[] = []): PaperViewInput['data'] =>
    paperSchema.parse({ title: 'T', titleKey: 't', urls, listings: [{ file: 'f.txt', captureDate: '2026-01-08', rank: 1 }], ...extra }) as PaperViewInput['data'];

  it('is the paper file\'s id over an abstract\'s link', () => {
    expect(toPaperView({ slug: 't', body: 'See https://arxiv.org/abs/2402.00001.', data: data({ arxiv: '2501.01234' }, ['https://arxiv.org/abs/2402.00001']) }).arxiv).toBe('2501.01234');
  });

  it('is found in the abstract, even in a link ingest has not listed', () => {
    expect(toPaperView({ slug: 't', body: 'Paper: https://arxiv.org/abs/2402.00001v2', data: data({}) }).arxiv).toBe('2402.00001');
    expect(toPaperView({ slug: 't', body: 'No link.', data: data({}) }).arxiv).toBeNull();
  });
});
