/**
 * Files a paper under 1–3 topics of the taxonomy from its title and abstract, with no model
 * and no network: each topic's weighted phrases (content/topics.yaml) are matched on word
 * stems, a phrase found in the title counts several times one found in the abstract, and
 * repeats in the abstract add less and less. The best-scoring topic comes first; others
 * follow when they score a good share of it. A paper that scores too low everywhere is `other`.
 */
import { OTHER_TOPIC, type Taxonomy } from './taxonomy.ts';
import { stems } from './text-terms.ts';

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
export const SECONDARY_SHARE = 0.4;
export const MAX_TOPICS = 3;

/** Topic slugs for a paper, most central first; `['other']` when no topic fits. */
export function classifyTopics(paper: PaperText, taxonomy: Taxonomy): string[] {
  const scores = scoreTopics(paper, taxonomy);
  const best = scores[0];
  if (best === undefined || best.score < MIN_SCORE) return [OTHER_TOPIC];
  const floor = Math.max(MIN_SCORE, best.score * SECONDARY_SHARE);
  return scores
    .filter((topic) => topic.score >= floor)
    .slice(0, MAX_TOPICS)
    .map((topic) => topic.slug);
}

/** Every topic with a positive score, highest first (ties in taxonomy order). */
export function scoreTopics(paper: PaperText, taxonomy: Taxonomy): TopicScore[] {
  const titleStems = stems(paper.title);
  const abstractStems = stems(paper.abstract ?? '');
  const scores: TopicScore[] = [];
  for (const topic of compile(taxonomy)) {
    const inTitle = countPhrases(titleStems, topic);
    const inAbstract = countPhrases(abstractStems, topic);
    let score = 0;
    topic.weights.forEach((weight, signal) => {
      if (inTitle[signal]! > 0) score += weight * TITLE_WEIGHT;
      if (inAbstract[signal]! > 0) score += weight * (1 + Math.log2(inAbstract[signal]!));
    });
    if (score > 0) scores.push({ slug: topic.slug, score });
  }
  // Array.prototype.sort is stable, so equal scores keep taxonomy order.
  return scores.sort((a, b) => b.score - a.score);
}

/** A topic's phrases as a trie over stems; `signal` marks the end of a phrase. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  signal?: number;
}

interface CompiledTopic {
  slug: string;
  weights: number[];
  root: PhraseNode;
}

const compiled = new WeakMap<Taxonomy, CompiledTopic[]>();

/** Builds the tries once per taxonomy object; classification of 30,000 papers reuses them. */
function compile(taxonomy: Taxonomy): CompiledTopic[] {
  let topics = compiled.get(taxonomy);
  if (topics === undefined) {
    topics = taxonomy.topics.map((topic) => {
      const root: PhraseNode = { next: new Map() };
      topic.signals.forEach(({ phrase }, signal) => {
        let node = root;
        for (const part of stems(phrase)) {
          let child = node.next.get(part);
          if (child === undefined) node.next.set(part, (child = { next: new Map() }));
          node = child;
        }
        node.signal = signal;
      });
      return { slug: topic.slug, weights: topic.signals.map((s) => s.weight), root };
    });
    compiled.set(taxonomy, topics);
  }
  return topics;
}

/**
 * Counts each phrase of a topic in a stem sequence, scanning left to right and taking the
 * longest phrase that starts at each position, so "large language model" does not also count
 * as "language model". Each topic scans on its own: a phrase of one topic never hides another's.
 */
function countPhrases(text: string[], topic: CompiledTopic): Int32Array {
  const counts = new Int32Array(topic.weights.length);
  let i = 0;
  while (i < text.length) {
    let node: PhraseNode | undefined = topic.root;
    let matched = -1;
    let matchedEnd = i;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text[j]!);
      if (node === undefined) break;
      if (node.signal !== undefined) {
        matched = node.signal;
        matchedEnd = j + 1;
      }
    }
    if (matched >= 0) {
      counts[matched]!++;
      i = matchedEnd;
    } else {
      i++;
    }
  }
  return counts;
}
