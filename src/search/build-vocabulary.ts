/**
 * The search vocabulary of a build (vocabulary.ts says what it is for and its format): the
 * words of the index's records counted as they are indexed, and the file written beside the
 * index. A vocabulary bigger than its budget drops its rarest words first, words met only in
 * abstracts before title words, so the file stays within the budget at any size of archive.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SearchRecord } from './record.ts';
import { VOCABULARY_DIR, vocabularyText, wordsOf } from './vocabulary.ts';

/** The most the file may weigh gzip-compressed: 150 KB is the ceiling, less room for a host's lower compression level. */
export const VOCABULARY_BUDGET_BYTES = 140 * 1024;

interface Tally {
  papers: number;
  inTitles: number;
}

/** Counts, for each word, the records that use it. */
export class VocabularyCounter {
  private readonly words = new Map<string, Tally>();

  add(record: Pick<SearchRecord, 'content' | 'meta'>): void {
    const title = new Set(wordsOf(record.meta.title ?? ''));
    for (const word of new Set([...title, ...wordsOf(record.content)])) {
      let tally = this.words.get(word);
      if (!tally) this.words.set(word, (tally = { papers: 0, inTitles: 0 }));
      tally.papers += 1;
      if (title.has(word)) tally.inTitles += 1;
    }
  }

  /** Adds another counter's counts: counting two sets of records apart and merging is counting them together. */
  merge(other: VocabularyCounter): this {
    for (const [word, { papers, inTitles }] of other.words) {
      const tally = this.words.get(word);
      if (tally) {
        tally.papers += papers;
        tally.inTitles += inTitles;
      } else this.words.set(word, { papers, inTitles });
    }
    return this;
  }

  /** The counts as plain data (word, papers, in titles), to be kept between builds. */
  toCounts(): Array<[string, number, number]> {
    return [...this.words].map(([word, { papers, inTitles }]) => [word, papers, inTitles]);
  }

  static fromCounts(counts: ReadonlyArray<readonly [string, number, number]>): VocabularyCounter {
    const counter = new VocabularyCounter();
    for (const [word, papers, inTitles] of counts) counter.words.set(word, { papers, inTitles });
    return counter;
  }

  /** Distinct words counted. */
  get size(): number {
    return this.words.size;
  }

  /** The file's text, within `budget` bytes gzip-compressed, and how many words it kept. */
  toFile(budget = VOCABULARY_BUDGET_BYTES): { text: string; words: number; gzipBytes: number } {
    // Most useful first: used by more papers, then found in titles, then alphabetical (stable).
    const ranked = [...this.words]
      .sort(([a, x], [b, y]) => y.papers - x.papers || y.inTitles - x.inTitles || (a < b ? -1 : 1))
      .map(([word, { papers }]) => [word, papers] as const);
    const gzipped = (n: number) => gzipSync(vocabularyText(ranked.slice(0, n))).length;
    let kept = ranked.length;
    const all = gzipped(kept);
    if (all > budget) {
      // The most words that fit, searched over prefixes of the ranking: the next guess is where
      // the budget falls between the two ends, as bytes grow nearly evenly with words, unless
      // the last guess left more than half the range (then the middle, as a binary search).
      // At 30,000 papers the same words as a binary search in 0.4 s instead of 0.67.
      let [fits, fitsBytes, tooMany, tooManyBytes] = [0, 0, kept, all];
      let halve = false;
      while (tooMany - fits > 1) {
        const range = tooMany - fits;
        const between = Math.round(fits + ((budget - fitsBytes) / (tooManyBytes - fitsBytes)) * range);
        const guess = halve ? Math.floor((fits + tooMany) / 2) : Math.min(tooMany - 1, Math.max(fits + 1, between));
        const bytes = gzipped(guess);
        if (bytes <= budget) [fits, fitsBytes] = [guess, bytes];
        else [tooMany, tooManyBytes] = [guess, bytes];
        halve = !halve && tooMany - fits > range / 2;
      }
      kept = fits;
    }
    const text = vocabularyText(ranked.slice(0, kept));
    return { text, words: kept, gzipBytes: gzipSync(text).length };
  }
}

/** The words of these records, counted. */
export function countWords(records: Iterable<Pick<SearchRecord, 'content' | 'meta'>>): VocabularyCounter {
  const counter = new VocabularyCounter();
  for (const record of records) counter.add(record);
  return counter;
}

/**
 * Writes the vocabulary of these counts into the bundle, named by a hash of its content.
 * @returns the file's path relative to the bundle, for `pagefind-entry.json`
 */
export function writeVocabulary(counter: VocabularyCounter, bundle: string, budget?: number): { file: string; words: number; gzipBytes: number } {
  const { text, words, gzipBytes } = counter.toFile(budget);
  const file = `${VOCABULARY_DIR}/words.${createHash('sha256').update(text).digest('hex').slice(0, 10)}.txt`;
  mkdirSync(join(bundle, VOCABULARY_DIR), { recursive: true });
  // Named by its content: an existing copy is left as it is (an incremental build keeps it untouched).
  if (!existsSync(join(bundle, file))) writeFileSync(join(bundle, file), text);
  return { file, words, gzipBytes };
}
