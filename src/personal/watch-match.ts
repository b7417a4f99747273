/**
 * Which papers a watchlist finds. A rule matches a paper when all of its parts do: each of its
 * words begins a word of the title, the first sentence or the organisation; the paper carries
 * its topic; it comes from its organisation (compared without case).
 */
import type { DayPaper } from './day-file.ts';
import type { WatchRule } from './watch.ts';
import { wordsOf } from './words.ts';

export function matches(rule: WatchRule, paper: DayPaper): boolean {
  if (rule.topic && !paper.topics.includes(rule.topic)) return false;
  if (rule.org && wordsOf(rule.org).join(' ') !== wordsOf(paper.org ?? '').join(' ')) return false;
  if (rule.words && !hasEveryWord(wordsOf(`${paper.title} ${paper.words} ${paper.org ?? ''}`), rule.words)) return false;
  return true;
}

/** The rules a paper matches. */
export function matchingRules(rules: readonly WatchRule[], paper: DayPaper): WatchRule[] {
  return rules.filter((rule) => matches(rule, paper));
}

/** "“diffusion” in Vision from Z.ai": how a rule reads, with topic names from the page. */
export function describeRule(rule: WatchRule, topicName: (slug: string) => string): string {
  const parts: string[] = [];
  if (rule.words) parts.push(`“${rule.words}”`);
  if (rule.topic) parts.push(parts.length ? `in ${topicName(rule.topic)}` : `topic ${topicName(rule.topic)}`);
  if (rule.org) parts.push(parts.length ? `from ${rule.org}` : `organisation ${rule.org}`);
  return parts.join(' ');
}

/** How many of the latest digest days the Watchlist page lists matches from. */
export const WATCH_DAYS = 7;

/**
 * Whether every word of `query` begins a word of `text` ("llm" finds "LLMs", "diffusion" finds
 * "diffusion-based"). An empty query matches nothing.
 */
export function hasEveryWord(textWords: readonly string[], query: string): boolean {
  const wanted = wordsOf(query);
  return wanted.length > 0 && wanted.every((w) => textWords.some((t) => t.startsWith(w)));
}
