/**
 * The search vocabulary: every word of the indexed records with the number of papers that use
 * it, so the search page can correct a misspelt query word (spelling.ts). It is built from the
 * same records as the Pagefind index, written beside it as one text file named by its content
 * hash (`pagefind/vocabulary/words.<hash>.txt`, listed in `pagefind-entry.json`), and fetched
 * only when a query word looks misspelt: a first search costs no more bytes.
 *
 * The file is plain text, served compressed by any static host:
 *
 *     pd-vocabulary 1
 *     221
 *     diffusion
 *     transformer
 *     1
 *     zebra
 *
 * A line of digits gives the count of the words that follow, counts falling; the words of one
 * count are in alphabetical order, which compresses to about 3.7 bytes a word with gzip
 * (566 bundled papers: 7,644 words, 27.5 KB). build-vocabulary.ts counts the words and keeps
 * the file within its budget. This module is the format alone, read by the search page too.
 */

export const VOCABULARY_DIR = 'vocabulary';

const HEADER = 'pd-vocabulary 1';
/** Shorter words are never corrected; longer "words" are hashes, URLs and the like. */
const MIN_LENGTH = 3;
const MAX_LENGTH = 24;

/** A word as the vocabulary holds it and a query word is compared with it: lower case, accents dropped. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text as the vocabulary counts them: letters only, normalised. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const run of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const word = normalizeWord(run);
    if (word.length >= MIN_LENGTH && word.length <= MAX_LENGTH) words.push(word);
  }
  return words;
}

/** The file's text for these words and their counts (in any order). */
export function vocabularyText(entries: ReadonlyArray<readonly [word: string, count: number]>): string {
  const byCount = new Map<number, string[]>();
  for (const [word, count] of entries) {
    let words = byCount.get(count);
    if (!words) byCount.set(count, (words = []));
    words.push(word);
  }
  const lines = [HEADER];
  for (const count of [...byCount.keys()].sort((a, b) => b - a)) {
    lines.push(String(count));
    // One by one: spread as arguments, the hundreds of thousands of words used once overflow the stack.
    for (const word of byCount.get(count)!.sort()) lines.push(word);
  }
  return `${lines.join('\n')}\n`;
}

/** A vocabulary as the search page reads it. */
export interface Vocabulary {
  /** How many papers use a word; 0 for a word it does not hold. */
  count(word: string): number;
  /** Whether some word of the vocabulary starts with `prefix` (Pagefind matches words by prefix). */
  hasPrefix(prefix: string): boolean;
  /** The words of a given length, with their counts. */
  ofLength(length: number): ReadonlyArray<readonly [word: string, count: number]>;
  readonly size: number;
}

/** Reads a vocabulary file; throws on anything else (an HTML error page, say). */
export function parseVocabulary(text: string): Vocabulary {
  const lines = text.split('\n');
  if (lines[0] !== HEADER) throw new Error(`not a search vocabulary (starts "${lines[0]?.slice(0, 40)}")`);
  const counts = new Map<string, number>();
  const byLength = new Map<number, Array<readonly [string, number]>>();
  let count = 0;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (/^\d+$/.test(line)) {
      count = Number(line);
      continue;
    }
    counts.set(line, count);
    let list = byLength.get(line.length);
    if (!list) byLength.set(line.length, (list = []));
    list.push([line, count]);
  }
  const sorted = [...counts.keys()].sort();
  return {
    count: (word) => counts.get(word) ?? 0,
    hasPrefix(prefix) {
      // The first word not before `prefix` is the only one that can start with it.
      let [lo, hi] = [0, sorted.length];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return sorted[lo]?.startsWith(prefix) ?? false;
    },
    ofLength: (length) => byLength.get(length) ?? [],
    size: counts.size,
  };
}
