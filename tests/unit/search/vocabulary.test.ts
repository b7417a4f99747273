import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VocabularyCounter } from '../../../src/search/build-vocabulary.ts';
import { parseVocabulary, vocabularyText, wordsOf } from '../../../src/search/vocabulary.ts';

const record = (title: string, content: string) => ({ content, meta: { title } });

describe('the vocabulary file', () => {
  it('reads back what was written: counts, prefixes, words by length', () => {
    const vocabulary = parseVocabulary(vocabularyText([['diffusion', 65], ['zebra', 1], ['transformer', 221]]));
    expect(vocabulary.size).toBe(3);
    expect(vocabulary.count('diffusion')).toBe(65);
    expect(vocabulary.count('zebra')).toBe(1);
    expect(vocabulary.count('difusion')).toBe(0);
    expect(vocabulary.hasPrefix('transfo')).toBe(true);
    expect(vocabulary.hasPrefix('transfu')).toBe(false);
    expect(vocabulary.ofLength(5)).toEqual([['zebra', 1]]);
  });

  it('refuses a text that is not a vocabulary (an HTML error page)', () => {
    expect(() => parseVocabulary('<!doctype html><p>Not found</p>')).toThrow(/not a search vocabulary/);
  });

  it('takes words as the index has them: letters only, lower case, accents dropped, three letters or more', () => {
    expect(wordsOf('Qwen2.5-VL: a Café for LLMs, ok?')).toEqual(['qwen', 'cafe', 'for', 'llms']);
  });
});

describe('VocabularyCounter', () => {
  it('counts papers, not occurrences, over title and abstract', () => {
    const counter = new VocabularyCounter();
    counter.add(record('Sparse Attention', 'Attention is sparse. Attention again.'));
    counter.add(record('Dense Models', 'We study attention.'));
    const vocabulary = parseVocabulary(counter.toFile().text);
    expect(vocabulary.count('attention')).toBe(2);
    expect(vocabulary.count('sparse')).toBe(1);
    expect(vocabulary.count('dense')).toBe(1);
  });

  it('gives the same file counted in parts and merged, through the counts kept between builds, as counted at once', () => {
    const records = [
      record('Sparse Attention', 'Attention is sparse. Attention again.'),
      record('Dense Models', 'We study attention and sparse models.'),
      record('Attention Sinks', 'Models attend to the first token.'),
    ];
    const whole = new VocabularyCounter();
    for (const r of records) whole.add(r);
    const [a, b] = [new VocabularyCounter(), new VocabularyCounter()];
    a.add(records[0]!);
    for (const r of records.slice(1)) b.add(r);
    const kept = VocabularyCounter.fromCounts(JSON.parse(JSON.stringify(b.toCounts())));
    const merged = new VocabularyCounter().merge(a).merge(kept);
    expect(merged.toFile().text).toBe(whole.toFile().text);
    expect(merged.toCounts().sort()).toEqual(whole.toCounts().sort());
  });

  it('stays within its byte budget however many words there are, dropping the rarest, abstract-only words first', () => {
    const counter = new VocabularyCounter();
    // 60,000 distinct made-up words: far more than fit in 20 KB.
    let seed = 7;
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => Array.from({ length: 7 }, () => letters[(seed = (seed * 48271) % 2147483647) % 26]).join('');
    for (let i = 0; i < 20_000; i++) counter.add(record(`Title ${word()}`, `${word()} ${word()} common`));
    const { text, words, gzipBytes } = counter.toFile(20 * 1024);
    expect(gzipSync(text).length).toBe(gzipBytes);
    expect(gzipBytes).toBeLessThanOrEqual(20 * 1024);
    expect(words).toBeLessThan(counter.size);
    const vocabulary = parseVocabulary(text);
    // The commonest words are kept; of the words used once, title words go last.
    expect(vocabulary.count('common')).toBe(20_000);
    expect(vocabulary.count('title')).toBe(20_000);
    const kept = [...text.split('\n')].filter((line) => /^[a-z]{7}$/.test(line));
    const titleWords = new Set<string>();
    seed = 7;
    for (let i = 0; i < 20_000; i++) {
      titleWords.add(word());
      word();
      word();
    }
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((w) => titleWords.has(w))).toBe(true);
  });

  it('keeps as many of the most useful words as fit: one more would not', () => {
    const counter = new VocabularyCounter();
    let seed = 11;
    const word = () => Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz'[(seed = (seed * 48271) % 2147483647) % 26]).join('');
    // Words used by one to forty papers: the file's bytes grow unevenly with the words kept.
    for (let i = 0; i < 8_000; i++) counter.add(record(`Title ${word()}`, Array.from({ length: 1 + (i % 40) }, word).join(' ')));
    // Most useful first: used by more papers, then found in titles, then alphabetical.
    const ranked = counter
      .toCounts()
      .sort(([a, x, xt], [b, y, yt]) => y - x || yt - xt || (a < b ? -1 : 1))
      .map(([w, papers]) => [w, papers] as const);
    for (const budget of [2_000, 9_000, 23_456, 61_000]) {
      const { words, gzipBytes } = counter.toFile(budget);
      expect(gzipBytes, `budget ${budget}`).toBeLessThanOrEqual(budget);
      expect(gzipSync(vocabularyText(ranked.slice(0, words + 1))).length, `budget ${budget}`).toBeGreaterThan(budget);
    }
  });
});
