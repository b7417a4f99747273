import { describe, expect, it } from 'vitest';
import { paperLinks } from '../../../src/site/paper-links.ts';

describe('where a paper can be read', () => {
  it('its arXiv abstract and PDF and its Hugging Face page, by its id, then its code and project page', () => {
    expect(paperLinks({ arxiv: '2601.03310', github: 'https://github.com/example/tears', projectPage: 'https://example.org/tears', urls: ['https://github.com/other/abstract-link'] })).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2601.03310' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2601.03310' },
      { label: 'Hugging Face', url: 'https://huggingface.co/papers/2601.03310' },
      { label: 'Code', url: 'https://github.com/example/tears' },
      { label: 'Project page', url: 'https://example.org/tears' },
    ]);
  });

  it('an old-style id as arXiv writes it', () => {
    expect(paperLinks({ arxiv: 'hep-th/9901001', github: null, projectPage: null, urls: [] }).map((l) => l.url)).toEqual([
      'https://arxiv.org/abs/hep-th/9901001',
      'https://arxiv.org/pdf/hep-th/9901001',
      'https://huggingface.co/papers/hep-th/9901001',
    ]);
  });

  it('nothing for a paper no listing gave an id or links, and no link that is not http(s)', () => {
    expect(paperLinks({ arxiv: null, github: null, projectPage: null, urls: ['https://example.org/not-code'] })).toEqual([]);
    expect(paperLinks({ arxiv: null, github: 'javascript:alert(1)', projectPage: 'ftp://example.org/x', urls: [] })).toEqual([]);
  });

  it("code from the abstract's first code link when no listing named a repository", () => {
    expect(paperLinks({ arxiv: null, github: null, projectPage: null, urls: ['https://example.org/page', 'https://github.com/a/b', 'https://gitlab.com/c/d'] })).toEqual([{ label: 'Code', url: 'https://github.com/a/b' }]);
  });
});
