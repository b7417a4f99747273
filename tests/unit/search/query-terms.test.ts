import { describe, expect, it } from 'vitest';
import { correctableTerms, foundByPrefix, matchedWords, pagefindTerm, queryWords } from '../../../src/search/query-terms.ts';

describe('query words and terms', () => {
  it('a term is the word as Pagefind searches it: lower case, accents and punctuation dropped', () => {
    expect(pagefindTerm('Qwen2.5-VL')).toBe('qwen25vl');
    expect(pagefindTerm('(Café),')).toBe('cafe');
    expect(queryWords('  sparse   attention - ')).toEqual(['sparse', 'attention']);
  });

  it('model names, acronyms, numbers and short words are never candidates for correction', () => {
    expect(correctableTerms('Qwen2.5-VL LoRA GPT 2024 vit')).toEqual([]);
    expect(correctableTerms('Difusion vision-langauge Qwen2.5-VL')).toEqual(['difusion', 'visionlangauge']);
  });
});

describe('matchedWords', () => {
  const content = 'We train a text-to-image (Diffusion) model.\n\nIt scales.';

  it('reads the words at the matched positions, whole and in parts, and the matched metadata fields', () => {
    const words = matchedWords({ content, locations: [3, 4], meta: { title: 'Sparse Diffusers', date: 'Oct 1, 2025' }, matchedMetaFields: ['title'] });
    expect(words.sort()).toEqual(['diffusers', 'diffusion', 'image', 'sparse', 'text', 'texttoimage', 'to'].sort());
  });

  it('a term is found by prefix when some matched word starts with it', () => {
    const words = matchedWords({ content, locations: [4], meta: {} });
    expect(foundByPrefix('diffus', words)).toBe(true);
    expect(foundByPrefix('difusion', words)).toBe(false);
  });
});
