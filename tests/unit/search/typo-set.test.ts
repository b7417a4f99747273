import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/search/spelling.ts';
import { misspell, neighbours, typoSet, type EvalPaper } from '../../../src/search/typo-set.ts';
import { wordsOf } from '../../../src/search/vocabulary.ts';

const papers: EvalPaper[] = [
  { slug: 'matryoshka', title: 'Matryoshka Sentence Embeddings', abstract: 'Sentence embeddings of several sizes from one model.' },
  { slug: 'lottery', title: 'The Lottery Ticket Hypothesis', abstract: 'Sparse subnetworks train as well as the dense model.' },
  { slug: 'sparse', title: 'Sparse Attention for Long Documents', abstract: 'Attention over long documents, made sparse.' },
  // "Model" is in six papers: too common to find one of them.
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ slug: `model-${n}`, title: 'Model', abstract: 'A model.' })),
];

describe('typoSet', () => {
  const set = typoSet(papers, 1);

  it('a query per paper with a distinctive title word, the typo one edit away, the first letter kept', () => {
    expect(set.map((q) => q.slug)).toEqual(['lottery', 'matryoshka', 'sparse']);
    for (const q of set) {
      expect(editDistance(q.word, q.misspelt, 2), `${q.word} → ${q.misspelt}`).toBe(1);
      expect(q.misspelt[0]).toBe(q.word[0]);
      expect(q.typo).toBe(q.correct.replace(q.word, q.misspelt));
    }
  });

  it('never makes a typo that is a word of the collection', () => {
    const words = new Set(papers.flatMap((p) => wordsOf(`${p.title} ${p.abstract}`)));
    for (const q of set) expect(words.has(q.misspelt), q.misspelt).toBe(false);
  });

  it('is the same on every run with the same seed', () => {
    expect(typoSet(papers, 1)).toEqual(set);
  });
});

describe('misspell', () => {
  it('makes each kind of edit', () => {
    const fixed = () => 0.5;
    expect(misspell('lottery', 'deletion', fixed)).toBe('lottry');
    expect(misspell('lottery', 'transposition', fixed)).toBe('lottrey');
    expect(misspell('lottery', 'substitution', fixed)).toHaveLength(7);
    expect(misspell('lottery', 'insertion', fixed)).toHaveLength(8);
  });

  it('changes and adds letters from keys next to each other', () => {
    expect(neighbours('g').sort()).toEqual(['b', 'f', 'h', 't', 'v', 'y']);
    expect(neighbours('q').sort()).toEqual(['a', 'w']);
  });
});
