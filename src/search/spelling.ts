/**
 * Typo correction for the search page. Pagefind has none: a misspelt word finds nothing, or
 * worse, other papers (query-terms.ts says how). The search page asks this module, loaded only
 * when a query word was not found, for the nearest words of the search vocabulary
 * (vocabulary.ts): one or two edits away (a letter dropped, added, changed, or two neighbours
 * swapped), nearest first, then the most common.
 *
 * A word is never corrected when it is in the vocabulary (or starts a word of it, as Pagefind
 * matches prefixes, or shares its stem with a near word: "studies" for "study"), when it
 * is short (three letters or fewer: too many words are one edit apart), or when it does not
 * look like an ordinary word: digits, inner capitals, dots ("Qwen2.5-VL", "LoRA", "GPT").
 *
 * Edit distance is computed here, bounded, rather than by a library: the packages at hand
 * compute the full distance with a new matrix per pair, and the scan compares a query word
 * with every vocabulary word of a near length (docs/search.md gives the measurement).
 */
import porter2 from 'wink-porter2-stemmer';
import { foundByPrefix, isCorrectable, pagefindTerm } from './query-terms.ts';
import { normalizeWord, type Vocabulary } from './vocabulary.ts';

/** Words this long or longer may be two edits away; shorter ones one. */
const TWO_EDITS_FROM = 5;
/** Candidates kept per word, and corrected queries tried against the index. */
const CANDIDATES = 3;
const TRIES = 4;

/** Rows of the distance table, kept between calls: a scan compares thousands of words. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The optimal-string-alignment distance of two words (insertions, deletions, substitutions
 * and swaps of neighbours, each one edit), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length + 1));
  // Three rows of the table: two back (for swaps), the previous one, the current one.
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

export interface Candidate {
  word: string;
  /** Papers that use it. */
  count: number;
  edits: number;
}

/** The most edits a correction of this word may make. */
export function maxEdits(word: string): number {
  return word.length >= TWO_EDITS_FROM ? 2 : 1;
}

/** Vocabulary words within `maxEdits` of a (normalised) word: nearest first, then most common. */
export function candidates(word: string, vocabulary: Vocabulary, limit = CANDIDATES): Candidate[] {
  return nearWords(word, vocabulary).slice(0, limit);
}

// The last scan, kept: a word is looked up to tell whether it is known, then to correct it.
let lastScan: { word: string; vocabulary: Vocabulary; near: Candidate[] } | undefined;

function nearWords(word: string, vocabulary: Vocabulary): Candidate[] {
  if (lastScan?.word === word && lastScan.vocabulary === vocabulary) return lastScan.near;
  const max = maxEdits(word);
  const near: Candidate[] = [];
  for (let length = Math.max(1, word.length - max); length <= word.length + max; length++) {
    for (const [other, count] of vocabulary.ofLength(length)) {
      if (other === word) continue;
      const edits = editDistance(word, other, max);
      if (edits <= max) near.push({ word: other, count, edits });
    }
  }
  // Nearest first; then those keeping the first letter, which typos rarely change; then the commonest.
  const firstChanged = (c: Candidate) => Number(c.word[0] !== word[0]);
  near.sort((a, b) => a.edits - b.edits || firstChanged(a) - firstChanged(b) || b.count - a.count || (a.word < b.word ? -1 : 1));
  lastScan = { word, vocabulary, near };
  return near;
}

/** A stem as Pagefind's English stemmer (Snowball, i.e. Porter2) makes it. */
export function stem(word: string): string {
  return porter2(word);
}

/**
 * Whether the index holds the word: it is in the vocabulary, starts a word of it (Pagefind
 * matches prefixes: "transfo" while typing), or has the stem of a near word of it.
 */
export function isKnown(word: string, vocabulary: Vocabulary): boolean {
  const w = normalizeWord(word);
  if (vocabulary.count(w) > 0 || vocabulary.hasPrefix(w)) return true;
  const s = stem(w);
  return nearWords(w, vocabulary).some((c) => stem(c.word) === s);
}

/**
 * Whether a result matched the term itself: a matched word starts with it (a word being
 * typed), or has its stem ("studies" for "study"). Pagefind also matches any word whose stem
 * merely starts with the term's ("exts", stem "ext", finds "extending"): that is not the word.
 */
export function isFound(term: string, matched: readonly string[]): boolean {
  if (foundByPrefix(term, matched)) return true;
  const s = stem(term);
  return matched.some((w) => stem(w) === s);
}

export interface Correction {
  /** The corrected query. */
  query: string;
  /** Each word changed, as typed and as corrected. */
  changes: Array<{ from: string; to: string }>;
}

/** A word of the query that may be replaced: where it is, and what by. */
interface Slot {
  start: number;
  end: number;
  from: string;
  options: Candidate[];
}

/**
 * Corrects the words of the query whose terms were not found.
 * @param unfound Pagefind terms of the query words the index did not match, of those
 *   `correctableTerms` gives (query-terms.ts): never a model name or an acronym
 * @param hasResults runs a query against the index: a correction is kept only if it finds papers
 * @returns the first correction, nearest words first, that finds papers; null if none does
 */
export async function correctQuery(
  query: string,
  unfound: ReadonlySet<string>,
  vocabulary: Vocabulary,
  hasResults: (query: string) => Promise<boolean>,
): Promise<Correction | null> {
  const slots: Slot[] = [];
  for (const token of query.matchAll(/\S+/g)) {
    if (!unfound.has(pagefindTerm(token[0]))) continue;
    // The letter runs of the token: "vision-langauge" may have its second part corrected.
    for (const part of token[0].matchAll(/[\p{L}\p{M}]+/gu)) {
      const word = part[0];
      if (!isCorrectable(word) || isKnown(word, vocabulary)) continue;
      const options = candidates(normalizeWord(word), vocabulary);
      if (options.length > 0) slots.push({ start: token.index + part.index, end: token.index + part.index + word.length, from: word, options });
    }
  }
  if (slots.length === 0) return null;
  for (const choice of combinations(slots.map((s) => s.options.length)).slice(0, TRIES)) {
    const correction = apply(query, slots, choice);
    if (await hasResults(correction.query)) return correction;
  }
  return null;
}

/**
 * A suggestion for a query that was found but finds little: a rare word (one or two papers, six
 * letters or more) one edit from a word at least 150 times as common, with the same first letter
 * and another stem ("lanaguage", misspelt in one abstract, for "language"; not "papers" for
 * "paper"). Only offered, never applied: the word exists. On the bundled papers this offers a
 * real typo four times in five.
 */
export function suggestCommoner(query: string, vocabulary: Vocabulary): Correction | null {
  const slots: Slot[] = [];
  for (const token of query.matchAll(/\S+/g)) {
    const word = token[0];
    if (!isCorrectable(word) || word.length < 6) continue;
    const w = normalizeWord(word);
    const count = vocabulary.count(w);
    if (count < 1 || count > 2) continue;
    const best = nearWords(w, vocabulary).find((c) => c.edits === 1 && c.word[0] === w[0] && stem(c.word) !== stem(w));
    if (best && best.count >= 150 * count) slots.push({ start: token.index, end: token.index + word.length, from: word, options: [best] });
  }
  return slots.length === 0 ? null : apply(query, slots, slots.map(() => 0));
}

function apply(query: string, slots: Slot[], choice: number[]): Correction {
  let out = '';
  let at = 0;
  const changes: Correction['changes'] = [];
  slots.forEach((slot, i) => {
    const to = matchCase(slot.options[choice[i]!]!.word, slot.from);
    out += query.slice(at, slot.start) + to;
    at = slot.end;
    changes.push({ from: slot.from, to });
  });
  return { query: out + query.slice(at), changes };
}

/** "Difusion" corrected keeps its capital: "Diffusion". */
function matchCase(word: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Every choice of one option per slot, best first: by the sum of the options' ranks. */
function combinations(sizes: number[]): number[][] {
  let all: number[][] = [[]];
  for (const size of sizes) all = all.flatMap((c) => Array.from({ length: size }, (_, i) => [...c, i]));
  const rank = (c: number[]) => c.reduce((n, i) => n + i, 0);
  return all.sort((a, b) => rank(a) - rank(b));
}
