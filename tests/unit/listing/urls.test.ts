import { describe, expect, it } from 'vitest';
import { findUrls, uniqueUrls } from '../../../src/listing/urls.ts';

describe('finding URLs in captured abstracts', () => {
  it('drops trailing punctuation and unbalanced brackets', () => {
    expect(uniqueUrls('Code: https://github.com/a/b. Also (https://github.com/c/d), and https://x.org/e_(f).')).toEqual([
      'https://github.com/a/b',
      'https://github.com/c/d',
      'https://x.org/e_(f)',
    ]);
  });
  it('cuts brace debris and LaTeX escapes, and deduplicates', () => {
    expect(uniqueUrls('https://github.com/M/Strip_MLP{https://github.com/M/Strip\\_MLP.}')).toEqual(['https://github.com/M/Strip_MLP']);
    expect(uniqueUrls('at https://huggingface.co/IDEA/Taiyi/{this https URL}, fostering')).toEqual(['https://huggingface.co/IDEA/Taiyi/']);
    expect(uniqueUrls('https://github.com/w/seco{here}. https://github.com/w/seco')).toEqual(['https://github.com/w/seco']);
  });
  it('finds a URL glued to the word before it, and scheme-less hub links', () => {
    expect(uniqueUrls('effectiveness ohttps://info.arxiv.org/help/prep#abstractsf our')).toEqual(['https://info.arxiv.org/help/prep#abstractsf']);
    expect(uniqueUrls('Models at hf.co/PowerInfer/Small-4B.')).toEqual(['https://hf.co/PowerInfer/Small-4B']);
  });
  it('ignores other schemes and bare placeholders', () => {
    expect(uniqueUrls('javascript:alert(1) and data:text/html,x and {this https URL} and https://')).toEqual([]);
  });
  it('reports the span of each URL in the text', () => {
    const text = 'see https://a.io/x.';
    const [m] = findUrls(text);
    expect(text.slice(m!.start, m!.end)).toBe('https://a.io/x');
  });
});
