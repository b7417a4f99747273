/**
 * The queries `npm run eval:search` measures search with, made from the papers themselves:
 * for each paper, its most distinctive title word (used by the fewest papers, at most five),
 * alone or, for about half the papers, with another word of the same title, as a reader who
 * remembers a paper would type it; and the same query with one edit in the distinctive word
 * (a letter dropped, added, changed or two neighbours swapped).
 *
 * The edits are those of a typist: added and changed letters are keyboard neighbours, and the
 * first letter is kept, as it nearly always is in real typos. An edit that makes another word
 * of the collection is drawn again: "never correct a word that exists" would rightly leave it.
 * Everything is drawn from a seeded generator, so the set is the same on every run.
 */
import { eng as stopwords } from 'stopword';
import { wordsOf } from './vocabulary.ts';

export interface EvalPaper {
  slug: string;
  title: string;
  abstract: string;
}

export type Edit = 'deletion' | 'insertion' | 'substitution' | 'transposition';

export interface EvalQuery {
  /** The paper the query is meant to find. */
  slug: string;
  /** The query spelt right. */
  correct: string;
  /** The same query with one edit in its distinctive word. */
  typo: string;
  word: string;
  misspelt: string;
  edit: Edit;
}

const EDITS: Edit[] = ['deletion', 'insertion', 'substitution', 'transposition'];
/** A distinctive word: used by at most this many papers, so that alone it can bring its paper into the top five. */
const MAX_PAPERS = 5;
const MIN_LENGTH = 5;
const STOP = new Set(stopwords);

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * The letters next to a letter on a QWERTY keyboard. Each row sits a little right of the one
 * above, so a key touches two keys above it (same column and the next) and two below (the
 * previous column and the same).
 */
export function neighbours(letter: string): string[] {
  const row = KEYBOARD.findIndex((r) => r.includes(letter));
  if (row < 0) return [];
  const col = KEYBOARD[row]!.indexOf(letter);
  const keys = [
    KEYBOARD[row - 1]?.[col],
    KEYBOARD[row - 1]?.[col + 1],
    KEYBOARD[row]![col - 1],
    KEYBOARD[row]![col + 1],
    KEYBOARD[row + 1]?.[col - 1],
    KEYBOARD[row + 1]?.[col],
  ];
  return keys.filter((k): k is string => k !== undefined);
}

/** A small seeded generator (mulberry32): the same typo set on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One edit of the word at a position after the first letter. */
export function misspell(word: string, edit: Edit, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const at = 1 + Math.floor(random() * (word.length - 1));
  switch (edit) {
    case 'deletion':
      return word.slice(0, at) + word.slice(at + 1);
    case 'insertion': {
      // A key next to the one before or after the gap, or that key again (a doubled letter).
      const beside = word[at - 1]!;
      return word.slice(0, at) + pick([beside, ...neighbours(beside)]) + word.slice(at);
    }
    case 'substitution':
      return word.slice(0, at) + pick(neighbours(word[at]!).length ? neighbours(word[at]!) : ['e']) + word.slice(at + 1);
    case 'transposition': {
      const i = Math.min(at, word.length - 2);
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    }
  }
}

export function typoSet(papers: readonly EvalPaper[], seed = 1): EvalQuery[] {
  const random = seeded(seed);
  const wordsOfPaper = new Map(papers.map((p) => [p.slug, new Set(wordsOf(`${p.title} ${p.abstract}`))]));
  const used = new Map<string, number>();
  for (const words of wordsOfPaper.values()) for (const w of words) used.set(w, (used.get(w) ?? 0) + 1);
  const queries: EvalQuery[] = [];
  for (const paper of [...papers].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const titleWords = [...new Set((paper.title.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !STOP.has(w)))];
    const candidates = titleWords.filter((w) => w.length >= MIN_LENGTH && /^[a-z]+$/.test(w) && (used.get(w) ?? 0) <= MAX_PAPERS);
    if (candidates.length === 0) continue;
    // The rarest, then the longest: the word a reader who remembers the paper would search for.
    const word = candidates.sort((a, b) => used.get(a)! - used.get(b)! || b.length - a.length)[0]!;
    const others = titleWords.filter((w) => w !== word && w.length >= 4);
    const other = others.length > 0 && random() < 0.5 ? others[Math.floor(random() * others.length)]! : null;
    let misspelt = '';
    let edit: Edit = 'deletion';
    for (let tries = 0; tries < 20 && (misspelt === '' || misspelt === word || used.has(misspelt)); tries++) {
      edit = EDITS[Math.floor(random() * EDITS.length)]!;
      misspelt = misspell(word, edit, random);
    }
    if (misspelt === word || used.has(misspelt)) continue;
    // In title order, as the reader read it.
    const inOrder = (w: string) => (other === null ? w : titleWords.indexOf(other) < titleWords.indexOf(word) ? `${other} ${w}` : `${w} ${other}`);
    queries.push({ slug: paper.slug, correct: inOrder(word), typo: inOrder(misspelt), word, misspelt, edit });
  }
  return queries;
}
