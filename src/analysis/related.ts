/**
 * "Related papers" for every paper of the collection, from text alone: each paper becomes a
 * BM25-weighted vector of word stems from its title (counted several times) and abstract,
 * cut to its most telling terms; papers are compared by the cosine of these vectors through
 * an inverted index, so the work grows with the number of papers times a bounded number of
 * candidates rather than with every pair. Shared topics only nudge near-ties.
 *
 * The weights (how rare a term is, how long a paper is) are those of a reference: the papers
 * listed first, as many as the largest of 1,000, 1,250, 1,563… (each a quarter more) that the
 * collection holds (referenceSize). Between two such steps, one more day's papers leave every
 * other paper's vector as it was, so the scores between the papers already there do not move,
 * and their lists change only where a new paper joins them: worked out over the whole
 * collection, a day's 50 papers nudged every score and reordered near-ties in some 870 lists at
 * 30,000 papers, whose pages were all rendered again. The day the collection passes a step,
 * every weight moves once (about 30% of the lists change); the lists agree with those of the
 * whole collection's weights for 97% of their papers (docs/performance.md).
 */
import { OTHER_TOPIC } from './taxonomy.ts';
import { TermCounts, type TermVector } from './term-counts.ts';

export interface RelatablePaper {
  /** Unique id, returned in the results (the paper's slug). */
  id: string;
  title: string;
  abstract: string;
  topics: string[];
  /** Papers with the same key are one paper (merged duplicates) and never relate to each other. */
  key?: string;
  /** The capture date of its first listing: the reference is the papers listed first (referenceSize). */
  firstSeen?: string;
  /** The digest of the file the paper was read from (src/papers/read.ts textDigest), everything above being worked out from it. */
  source?: string;
}

/** Terms kept per paper, the highest weighted: a paper is compared on what sets it apart. */
export const TERMS_PER_PAPER = 30;
/** At most this many papers are indexed under one term (those it weighs most in). */
export const MAX_POSTINGS = 200;
/** Cosine below which two papers are not called related, however few candidates there are. */
export const MIN_SIMILARITY = 0.05;
/** Each shared topic (as a share of the paper's topics) raises a candidate's score by up to this fraction. */
export const TOPIC_NUDGE = 0.1;

// BM25 term-frequency saturation and length normalisation, the usual values.
const K1 = 1.2;
const B = 0.75;

/**
 * For each paper id, the ids of up to `k` related papers, most related first (empty when none
 * is close). `counts` may hold stem counts kept from an earlier build (term-counts.ts).
 */
export function relatedPapers(papers: RelatablePaper[], k = 5, counts = new TermCounts()): Map<string, string[]> {
  const limit = Math.max(0, Math.floor(k));
  if (limit === 0) return new Map(papers.map((paper) => [paper.id, []]));
  // Sorting first makes the result independent of the order papers are given in.
  const sorted = [...papers].sort((a, b) => compareIds(a.id, b.id));
  const vectors = weightTerms(
    sorted.map((paper) => counts.of(paper)),
    counts.names,
    referencePapers(sorted),
  );
  const index = buildIndex(vectors, counts.names.length);
  const topics = sorted.map((paper) => new Set(paper.topics.filter((topic) => topic !== OTHER_TOPIC)));
  const result = new Map<string, string[]>();
  const scores = new Float64Array(sorted.length);
  const touched: number[] = [];
  sorted.forEach((paper, self) => {
    const vector = vectors[self]!;
    for (let t = 0; t < vector.terms.length; t++) {
      const postings = index[vector.terms[t]!];
      if (postings === undefined) continue;
      const weight = vector.weights[t]!;
      for (let p = 0; p < postings.papers.length; p++) {
        const other = postings.papers[p]!;
        if (scores[other] === 0) touched.push(other);
        scores[other] += weight * postings.weights[p]!;
      }
    }
    const best: Array<{ index: number; score: number }> = [];
    for (const other of touched) {
      const similarity = scores[other]!;
      scores[other] = 0;
      if (other === self || similarity < MIN_SIMILARITY) continue;
      // Cheap exit for the many candidates that cannot make the list even with every topic shared.
      if (best.length === limit && similarity * (1 + TOPIC_NUDGE) < best[limit - 1]!.score) continue;
      if (paper.key !== undefined && sorted[other]!.key === paper.key) continue;
      insertTopK(best, { index: other, score: similarity * (1 + TOPIC_NUDGE * sharedShare(topics[self]!, topics[other]!)) }, limit);
    }
    touched.length = 0;
    result.set(paper.id, best.map((entry) => sorted[entry.index]!.id));
  });
  return result;
}

/** Below this many papers the whole collection is the reference; above, steps of REFERENCE_GROWTH. */
const REFERENCE_FROM = 1000;
const REFERENCE_GROWTH = 1.25;

/** How many papers the weights are worked out from: `papers` itself up to 1,000, then the largest step it reaches. */
export function referenceSize(papers: number): number {
  if (papers < REFERENCE_FROM) return papers;
  let size = REFERENCE_FROM;
  while (Math.round(size * REFERENCE_GROWTH) <= papers) size = Math.round(size * REFERENCE_GROWTH);
  return size;
}

/** Which of `papers` (sorted by id) are the reference: the referenceSize() listed first, ties by id. */
function referencePapers(papers: readonly RelatablePaper[]): Uint8Array {
  const inReference = new Uint8Array(papers.length);
  const order = papers.map((_, i) => i);
  const first = (i: number) => papers[i]!.firstSeen ?? '';
  order.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : a - b));
  for (const i of order.slice(0, referenceSize(papers.length))) inReference[i] = 1;
  return inReference;
}

interface Postings {
  papers: Int32Array;
  weights: Float64Array;
}

/**
 * BM25 weights, with document frequencies and average length from the reference papers
 * (`inReference`), cut to each paper's TERMS_PER_PAPER best terms and scaled to unit length.
 */
function weightTerms(allCounts: TermVector[], names: readonly string[], inReference: Uint8Array): TermVector[] {
  const documentFrequency = new Int32Array(names.length);
  let totalLength = 0;
  let n = 0;
  allCounts.forEach((counts, paper) => {
    if (!inReference[paper]) return;
    n++;
    for (let t = 0; t < counts.terms.length; t++) {
      documentFrequency[counts.terms[t]!]!++;
      totalLength += counts.weights[t]!;
    }
  });
  const averageLength = totalLength / Math.max(n, 1);
  // Each paper's best terms are picked by insertion into a short list rather than by sorting all
  // of them (about 150 a paper): at 30,000 papers the sort cost a second of every build.
  const keptTerms = new Int32Array(TERMS_PER_PAPER);
  const keptWeights = new Float64Array(TERMS_PER_PAPER);
  // Heavier first, then by name: the order a sort by weight, then name, gives.
  const ahead = (weight: number, term: number, at: number) => weight > keptWeights[at]! || (weight === keptWeights[at]! && names[term]! < names[keptTerms[at]!]!);
  return allCounts.map((counts) => {
    let length = 0;
    for (const count of counts.weights) length += count;
    const lengthNorm = 1 - B + (B * length) / (averageLength || 1);
    let kept = 0;
    for (let t = 0; t < counts.terms.length; t++) {
      const term = counts.terms[t]!;
      const count = counts.weights[t]!;
      const df = documentFrequency[term]!;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weight = (idf * count * (K1 + 1)) / (count + K1 * lengthNorm);
      if (kept === TERMS_PER_PAPER && !ahead(weight, term, kept - 1)) continue;
      let at = kept < TERMS_PER_PAPER ? kept++ : kept - 1;
      for (; at > 0 && ahead(weight, term, at - 1); at--) {
        keptTerms[at] = keptTerms[at - 1]!;
        keptWeights[at] = keptWeights[at - 1]!;
      }
      keptTerms[at] = term;
      keptWeights[at] = weight;
    }
    const weights = keptWeights.slice(0, kept);
    const norm = Math.hypot(...weights) || 1;
    return { terms: keptTerms.slice(0, kept), weights: weights.map((w) => w / norm) };
  });
}

/**
 * term → the papers that keep it, with their weights. A term kept by one paper links nothing
 * and is left out; a term kept by very many is cut to the papers it weighs most in, which
 * bounds the work per paper. Built in flat typed arrays, counted first then filled: a list of
 * objects per term made 900,000 objects at 30,000 papers and took 1 s of every build.
 */
function buildIndex(vectors: TermVector[], termCount: number): Array<Postings | undefined> {
  const counts = new Int32Array(termCount + 1);
  for (const vector of vectors) for (const term of vector.terms) counts[term + 1]!++;
  // starts[t] is where term t's postings begin in the flat arrays, in paper order.
  const starts = counts;
  for (let t = 1; t <= termCount; t++) starts[t]! += starts[t - 1]!;
  const papers = new Int32Array(starts[termCount]!);
  const weights = new Float64Array(papers.length);
  const next = starts.slice(0, termCount);
  vectors.forEach((vector, paper) => {
    for (let t = 0; t < vector.terms.length; t++) {
      const at = next[vector.terms[t]!]!++;
      papers[at] = paper;
      weights[at] = vector.weights[t]!;
    }
  });
  return Array.from({ length: termCount }, (_, term) => {
    const from = starts[term]!;
    const length = starts[term + 1]! - from;
    if (length < 2) return undefined;
    if (length <= MAX_POSTINGS) return { papers: papers.subarray(from, from + length), weights: weights.subarray(from, from + length) };
    const order = Array.from({ length }, (_, i) => from + i).sort((a, b) => weights[b]! - weights[a]! || papers[a]! - papers[b]!);
    order.length = MAX_POSTINGS;
    return { papers: Int32Array.from(order, (i) => papers[i]!), weights: Float64Array.from(order, (i) => weights[i]!) };
  });
}

/** The share of a paper's topics (other than the `other` fallback) that the candidate also has. */
function sharedShare(own: Set<string>, candidate: Set<string>): number {
  if (own.size === 0) return 0;
  let shared = 0;
  for (const topic of own) if (candidate.has(topic)) shared++;
  return shared / own.size;
}

/** Keeps `best` as the top `k` entries, highest score first, ties by lower index (ids are sorted). */
function insertTopK(best: Array<{ index: number; score: number }>, entry: { index: number; score: number }, k: number): void {
  let at = best.length;
  while (at > 0 && (best[at - 1]!.score < entry.score || (best[at - 1]!.score === entry.score && best[at - 1]!.index > entry.index))) at--;
  if (at >= k) return;
  best.splice(at, 0, entry);
  if (best.length > k) best.pop();
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
