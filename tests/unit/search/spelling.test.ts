import { describe, expect, it } from 'vitest';
import { candidates, correctQuery, editDistance, isFound, isKnown, suggestCommoner } from '../../../src/search/spelling.ts';
import { parseVocabulary, vocabularyText } from '../../../src/search/vocabulary.ts';

const vocabulary = parseVocabulary(
  vocabularyText([
    ['diffusion', 65],
    ['transformer', 221],
    ['transfomer', 1],
    ['lottery', 2],
    ['ticket', 3],
    ['language', 150],
    ['vision', 90],
    ['texts', 8],
    ['exits', 1],
    ['study', 12],
    ['studied', 3],
    ['sparse', 40],
    ['space', 30],
    ['spare', 2],
    ['attention', 120],
    ['gaze', 1],
    ['game', 60],
    ['papers', 1],
    ['paper', 300],
    ['xlarge', 1],
    ['large', 274],
  ]),
);

const everythingFinds = async () => true;

describe('editDistance', () => {
  it('counts a dropped, added or changed letter and a swap of neighbours as one edit each', () => {
    expect(editDistance('difusion', 'diffusion', 2)).toBe(1);
    expect(editDistance('diffussion', 'diffusion', 2)).toBe(1);
    expect(editDistance('diffusoin', 'diffusion', 2)).toBe(1);
    expect(editDistance('diffasion', 'diffusion', 2)).toBe(1);
    expect(editDistance('dfifusoin', 'diffusion', 2)).toBe(2);
    expect(editDistance('diffusion', 'diffusion', 2)).toBe(0);
  });

  it('stops at the bound: anything further is max + 1', () => {
    expect(editDistance('attention', 'diffusion', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('candidates', () => {
  it('nearest first, then those keeping the first letter, then the most common', () => {
    expect(candidates('spase', vocabulary).map((c) => c.word)).toEqual(['sparse', 'space', 'spare']);
    expect(candidates('sparsse', vocabulary).map((c) => c.word)).toEqual(['sparse', 'spare']);
    // "texts" is commoner, but typos rarely change the first letter.
    expect(candidates('exts', vocabulary)[0]!.word).toBe('exits');
  });

  it('allows one edit in a four-letter word, two in longer ones', () => {
    expect(candidates('gmae', vocabulary).map((c) => c.word)).toEqual(['game']);
    expect(candidates('atentin', vocabulary).map((c) => c.word)).toEqual(['attention']);
    expect(candidates('atnetin', vocabulary)).toEqual([]);
  });
});

describe('isKnown', () => {
  it('a word of the vocabulary, the start of one, or a form of a near one with the same stem', () => {
    expect(isKnown('diffusion', vocabulary)).toBe(true);
    expect(isKnown('transfo', vocabulary)).toBe(true);
    expect(isKnown('studies', vocabulary)).toBe(true);
    expect(isKnown('difusion', vocabulary)).toBe(false);
  });
});

describe('isFound', () => {
  it('a matched word starting with the term, or with its stem; not one whose stem merely starts with it', () => {
    expect(isFound('transfo', ['transformers'])).toBe(true);
    expect(isFound('studies', ['study'])).toBe(true);
    expect(isFound('exts', ['extending', 'external'])).toBe(false);
    expect(isFound('difusion', ['dit'])).toBe(false);
  });
});

describe('correctQuery', () => {
  it('replaces the words that were not found by their nearest common word, keeping the rest as typed', async () => {
    const correction = await correctQuery('lotery ticket', new Set(['lotery', 'ticket']), vocabulary, everythingFinds);
    expect(correction).toEqual({ query: 'lottery ticket', changes: [{ from: 'lotery', to: 'lottery' }] });
  });

  it('keeps a capital and the punctuation around the word', async () => {
    const correction = await correctQuery('(Difusion),', new Set(['difusion']), vocabulary, everythingFinds);
    expect(correction?.query).toBe('(Diffusion),');
  });

  it('corrects a part of a hyphenated word', async () => {
    const correction = await correctQuery('vision-langauge', new Set(['visionlangauge']), vocabulary, everythingFinds);
    expect(correction?.query).toBe('vision-language');
  });

  it('leaves words that were found, and words the vocabulary holds', async () => {
    expect(await correctQuery('difusion', new Set(), vocabulary, everythingFinds)).toBeNull();
    expect(await correctQuery('transfomer', new Set(['transfomer']), vocabulary, everythingFinds)).toBeNull();
  });

  it('tries the next candidate when a correction finds nothing in the index', async () => {
    const tried: string[] = [];
    const correction = await correctQuery('spase attention', new Set(['spase']), vocabulary, async (q) => {
      tried.push(q);
      return q === 'space attention';
    });
    expect(tried).toEqual(['sparse attention', 'space attention']);
    expect(correction?.query).toBe('space attention');
  });

  it('gives up when no candidate finds anything', async () => {
    expect(await correctQuery('difusion', new Set(['difusion']), vocabulary, async () => false)).toBeNull();
  });
});

describe('suggestCommoner', () => {
  it('suggests a far commoner word one edit away from a rare long word', () => {
    expect(suggestCommoner('transfomer', vocabulary)?.query).toBe('transformer');
  });

  it('says nothing for common words, short words, or near words that are not far commoner', () => {
    expect(suggestCommoner('transformer', vocabulary)).toBeNull();
    expect(suggestCommoner('gaze', vocabulary)).toBeNull();
    expect(suggestCommoner('lottery', vocabulary)).toBeNull();
  });

  it('nor another form of the same word, nor a word with another first letter', () => {
    expect(suggestCommoner('papers', vocabulary)).toBeNull();
    expect(suggestCommoner('xlarge', vocabulary)).toBeNull();
  });
});
