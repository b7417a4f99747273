/**
 * Each paper's stem counts, the first step of related papers (related.ts): its title (counted
 * several times) and abstract as numbered stems without stopwords or one-letter words. Counting
 * is the costliest part of that work that depends on one paper alone (1.7 s of 6.5 s at 30,000
 * papers), so the counts can be kept between builds (`toFile`/`fromFile`; term-counts-file.ts keeps
 * them), each paper's under its id and a hash of its title and abstract: a paper whose text did not
 * change is not counted again, and the counts are those counting it again would give.
 */
import { createHash } from 'node:crypto';
import { isStopword, stem, words } from './terms.ts';

/** A word in the title counts as this many occurrences in the abstract. */
export const TITLE_BOOST = 3;

/** What is counted of a paper. */
export interface CountablePaper {
  id: string;
  title: string;
  abstract: string;
}

/** A paper's terms by number, and a number per term (counts, then weights). */
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Counts kept in a file: every paper's terms, end to end, as numbers into `stems`. */
interface KeptCounts {
  version: string;
  stems: string[];
  ids: string[];
  /** Hash of each paper's title and abstract. */
  texts: string[];
  /** Paper n's terms are `terms[offsets[n]]` up to `terms[offsets[n + 1]]`. */
  offsets: Int32Array;
  terms: Int32Array;
  counts: Uint32Array;
}

/** Stem counts by paper, with terms numbered in the order first met; counts from a file are used where the text is the same. */
export class TermCounts {
  /** Each term's text, by number. */
  readonly names: string[] = [];
  readonly #numbers = new Map<string, number>();
  // A collection repeats the same few tens of thousands of words millions of times: each word's
  // term number (-1 for a stopword or one-letter word) is remembered, as stemming every
  // occurrence cost a second of every build at 30,000 papers.
  readonly #wordNumbers = new Map<string, number>();
  readonly #kept: KeptCounts | null;
  readonly #keptIndex: Map<string, number>;
  /** A kept stem's number here, once met (-1 before). */
  readonly #keptNumbers: Int32Array;
  /** The papers counted or taken from the file, to write back. */
  readonly #counted = new Map<string, { text: string; vector: TermVector }>();
  #fresh = 0;

  constructor(kept: KeptCounts | null = null) {
    this.#kept = kept;
    this.#keptIndex = new Map(kept?.ids.map((id, n) => [id, n]));
    this.#keptNumbers = new Int32Array(kept?.stems.length ?? 0).fill(-1);
  }

  /** The paper's stem counts: from the file when its text is the one counted there, else counted now. */
  of(paper: CountablePaper): TermVector {
    const text = textHash(paper);
    const vector = this.#fromKept(paper.id, text) ?? this.#count(paper);
    this.#counted.set(paper.id, { text, vector });
    return vector;
  }

  /** Papers counted now rather than taken from the file. */
  get fresh(): number {
    return this.#fresh;
  }

  /** True when the file would differ from the one read: papers counted anew, or papers gone. */
  get changed(): boolean {
    return this.#fresh > 0 || this.#counted.size !== (this.#kept?.ids.length ?? 0);
  }

  /** The counts of every paper met, for `fromFile` in a later build. */
  toFile(version: string): KeptCounts {
    const ids = [...this.#counted.keys()];
    const offsets = new Int32Array(ids.length + 1);
    let length = 0;
    ids.forEach((id, n) => {
      length += this.#counted.get(id)!.vector.terms.length;
      offsets[n + 1] = length;
    });
    const terms = new Int32Array(length);
    const counts = new Uint32Array(length);
    ids.forEach((id, n) => {
      const { vector } = this.#counted.get(id)!;
      terms.set(vector.terms, offsets[n]);
      counts.set(vector.weights, offsets[n]);
    });
    return { version, stems: this.names, ids, texts: ids.map((id) => this.#counted.get(id)!.text), offsets, terms, counts };
  }

  /** Counts read back from a file, or none when it is not a file of this version. */
  static fromFile(value: unknown, version: string): TermCounts {
    const kept = value as Partial<KeptCounts> | null;
    const usable =
      kept?.version === version &&
      Array.isArray(kept.stems) &&
      Array.isArray(kept.ids) &&
      Array.isArray(kept.texts) &&
      kept.offsets instanceof Int32Array &&
      kept.terms instanceof Int32Array &&
      kept.counts instanceof Uint32Array &&
      kept.offsets.length === kept.ids.length + 1;
    return new TermCounts(usable ? (kept as KeptCounts) : null);
  }

  #fromKept(id: string, text: string): TermVector | null {
    const n = this.#keptIndex.get(id);
    const kept = this.#kept;
    if (n === undefined || kept === null || kept.texts[n] !== text) return null;
    const from = kept.offsets[n]!;
    const to = kept.offsets[n + 1]!;
    const terms = new Int32Array(to - from);
    for (let t = from; t < to; t++) {
      const stemNumber = kept.terms[t]!;
      let number = this.#keptNumbers[stemNumber]!;
      if (number === -1) this.#keptNumbers[stemNumber] = number = this.#number(kept.stems[stemNumber]!);
      terms[t - from] = number;
    }
    return { terms, weights: Float64Array.from(kept.counts.subarray(from, to)) };
  }

  /** Stem counts of a paper's title (boosted) and abstract, without stopwords or one-letter words. */
  #count(paper: CountablePaper): TermVector {
    this.#fresh++;
    const counts = new Map<number, number>();
    const add = (text: string, times: number) => {
      for (const word of words(text)) {
        const term = this.#ofWord(word);
        if (term !== -1) counts.set(term, (counts.get(term) ?? 0) + times);
      }
    };
    add(paper.title, TITLE_BOOST);
    add(paper.abstract, 1);
    return { terms: Int32Array.from(counts.keys()), weights: Float64Array.from(counts.values()) };
  }

  #ofWord(word: string): number {
    let number = this.#wordNumbers.get(word);
    if (number === undefined) this.#wordNumbers.set(word, (number = word.length < 2 || isStopword(word) ? -1 : this.#number(stem(word))));
    return number;
  }

  #number(term: string): number {
    let number = this.#numbers.get(term);
    if (number === undefined) {
      this.#numbers.set(term, (number = this.names.length));
      this.names.push(term);
    }
    return number;
  }
}

function textHash(paper: CountablePaper): string {
  return createHash('sha1').update(paper.title).update('\0').update(paper.abstract).digest('base64');
}
