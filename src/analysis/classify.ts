/**
 * Files a paper under 1–3 topics of the taxonomy from its title and abstract, with no model
 * and no network. The weighted phrases of every topic (content/topics.yaml) are matched on
 * word stems, the longest phrase claiming its words: in "multimodal large language model"
 * only that phrase counts, not "large language model" inside it. A phrase found in the title
 * counts several times one found in the abstract, and repeats in the abstract add less and
 * less. Topics that score a good share of the best one are kept, ordered by score, except
 * that a broad field (language, vision, speech and audio: `broad` in the taxonomy) yields the
 * lead to a specific topic scoring near it: a paper that prunes an LLM is first about
 * efficiency. A paper that scores too low everywhere is `other`.
 *
 * Where a phrase stands is deliberately ignored, beyond title or abstract. Measured on the
 * labelled sample (npm run eval:topics), weighing the title's head (before a colon, usually the
 * method's name) apart from its subtitle, or adding weight to the abstract's first sentence or
 * to its "we propose / introduce / present …" sentences, each won at most one first topic on
 * the held-out papers and lost one to seven on the others: those sentences name the setting
 * and the method's side effects ("memory-efficient", "on ImageNet") as often as its point.
 * Per-topic ordering factors fitted to 466 labelled papers, and classifiers trained on them
 * (stems, word vectors), did no better on the 100 held out (README, "Topics and related papers").
 */
import { createHash } from 'node:crypto';
import type { TopicFiling } from '../papers/ingest.ts';
import { OTHER_TOPIC, type Taxonomy } from './taxonomy.ts';
import { stems } from './terms.ts';

export interface PaperText {
  title: string;
  abstract: string | null;
}

export interface TopicScore {
  slug: string;
  score: number;
}

/** A phrase seen in the title weighs this many times one seen (once) in the abstract. */
export const TITLE_WEIGHT = 3;
/** The least score that files a paper under a topic: one strong phrase in the title, or several in the abstract. */
export const MIN_SCORE = 5;
/** A second or third topic must score at least this share of the first. */
export const SECONDARY_SHARE = 0.35;
export const MAX_TOPICS = 3;
/** When ordering, a broad topic's score counts this much. */
export const BROAD_FACTOR = 0.5;

/** Topic slugs for a paper, most central first; `['other']` when no topic fits. */
export function classifyTopics(paper: PaperText, taxonomy: Taxonomy): string[] {
  const scores = scoreTopics(paper, taxonomy);
  const best = scores[0];
  if (best === undefined || best.score < MIN_SCORE) return [OTHER_TOPIC];
  const floor = Math.max(MIN_SCORE, best.score * SECONDARY_SHARE);
  const broad = new Set(taxonomy.topics.filter((topic) => topic.broad).map((topic) => topic.slug));
  const rank = (topic: TopicScore) => topic.score * (broad.has(topic.slug) ? BROAD_FACTOR : 1);
  return scores
    .filter((topic) => topic.score >= floor)
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, MAX_TOPICS)
    .map((topic) => topic.slug);
}

/** Every topic with a positive score, highest first (ties in taxonomy order); broad topics are not discounted here. */
export function scoreTopics(paper: PaperText, taxonomy: Taxonomy): TopicScore[] {
  const { root, signals } = compile(taxonomy);
  const inTitle = countPhrases(stems(paper.title), root, signals.length);
  const inAbstract = countPhrases(stems(paper.abstract ?? ''), root, signals.length);
  const totals = new Float64Array(taxonomy.topics.length);
  signals.forEach(({ topic, weight }, id) => {
    if (inTitle[id]! > 0) totals[topic]! += weight * TITLE_WEIGHT;
    if (inAbstract[id]! > 0) totals[topic]! += weight * (1 + Math.log2(inAbstract[id]!));
  });
  const scores: TopicScore[] = [];
  taxonomy.topics.forEach((topic, index) => {
    if (totals[index]! > 0) scores.push({ slug: topic.slug, score: totals[index]! });
  });
  // Array.prototype.sort is stable, so equal scores keep taxonomy order.
  return scores.sort((a, b) => b.score - a.score);
}

/** One topic's use of a phrase. */
interface CompiledSignal {
  topic: number;
  weight: number;
}

/** All phrases of all topics as one trie over stems; `signals` lists the signal ids a phrase ends with. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  signals?: number[];
}

interface Compiled {
  root: PhraseNode;
  signals: CompiledSignal[];
}

const compiled = new WeakMap<Taxonomy, Compiled>();

/** Builds the trie once per taxonomy object; classifying 30,000 papers reuses it. */
function compile(taxonomy: Taxonomy): Compiled {
  let result = compiled.get(taxonomy);
  if (result === undefined) {
    const root: PhraseNode = { next: new Map() };
    const signals: CompiledSignal[] = [];
    taxonomy.topics.forEach((topic, index) => {
      for (const { phrase, weight } of topic.signals) {
        let node = root;
        for (const part of stems(phrase)) {
          let child = node.next.get(part);
          if (child === undefined) node.next.set(part, (child = { next: new Map() }));
          node = child;
        }
        (node.signals ??= []).push(signals.length);
        signals.push({ topic: index, weight });
      }
    });
    result = { root, signals };
    compiled.set(taxonomy, result);
  }
  return result;
}

/**
 * Counts each signal in a stem sequence, scanning left to right and taking the longest phrase
 * that starts at each position; its words are then used up, so a phrase never also counts the
 * shorter phrases inside it. A phrase listed by several topics counts for each of them.
 */
function countPhrases(text: string[], root: PhraseNode, signalCount: number): Int32Array {
  const counts = new Int32Array(signalCount);
  let i = 0;
  while (i < text.length) {
    let node: PhraseNode | undefined = root;
    let matched: number[] | undefined;
    let matchedEnd = i;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text[j]!);
      if (node === undefined) break;
      if (node.signals !== undefined) {
        matched = node.signals;
        matchedEnd = j + 1;
      }
    }
    if (matched !== undefined) {
      for (const id of matched) counts[id]!++;
      i = matchedEnd;
    } else {
      i++;
    }
  }
  return counts;
}

/**
 * The taxonomy as ingest files papers with it. The version is a hash of the whole taxonomy,
 * so any edit to topics.yaml (a phrase, a weight) files every paper again.
 */
export function topicFiling(taxonomy: Taxonomy): TopicFiling {
  return {
    version: createHash('sha256').update(JSON.stringify(taxonomy)).digest('hex').slice(0, 16),
    classify: (paper) => classifyTopics(paper, taxonomy),
    other: OTHER_TOPIC,
  };
}
