/**
 * Turning paper text into comparable terms, shared by the topic classifier and related
 * papers: lower-cased, accents and punctuation dropped, each word reduced to its Porter2
 * stem so that "quantized", "quantize" and "quantization" are one term. Porter2 rather than
 * the original Porter, which merges "generative" with "general" and "generalization".
 */
import porter2 from 'wink-porter2-stemmer';
import { eng as englishStopwords } from 'stopword';

// Stemming is the costly step and paper vocabularies repeat heavily, so stems are memoised.
// The cache is bounded so a long-lived process cannot grow it without limit.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

/** The words of a text: NFKD-normalised, accents stripped, lower-cased, split on anything not a letter or digit. */
export function words(text: string): string[] {
  const normalised = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return normalised.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    // Porter2 keeps the plural of vowel-less acronyms ("llms", "gnns"); papers use both forms.
    stemmed = /^[^aeiouy]{2,}s$/.test(word) ? word.slice(0, -1) : porter2(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** The stems of every word of a text, in order (stopwords kept: phrases such as "mixture of experts" need them). */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

const STOPWORDS = new Set(englishStopwords);

/** True for words that carry no topic: English function words, and numbers. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || /^\p{N}+$/u.test(word);
}
