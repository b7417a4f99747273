/**
 * A watch: words, a topic or an organisation a reader follows, alone or together (a watched
 * search): what one asks for, and when two are the same. Matching papers: watch-match.ts.
 */
import type { WatchRule } from './schema.ts';
import { wordsOf } from './words.ts';

export type { WatchRule };

/** What the rule asks for, so the same watch is not added twice. */
export function ruleKey(rule: Omit<WatchRule, 'addedAt'>): string {
  return [wordsOf(rule.words ?? '').join(' '), rule.topic ?? '', wordsOf(rule.org ?? '').join(' ')].join('|');
}

/** A rule with its parts trimmed, or null when it asks for nothing. */
export function makeRule(parts: { words?: string | null; topic?: string | null; org?: string | null }, addedAt: number): WatchRule | null {
  const rule: WatchRule = { addedAt };
  const words = parts.words?.trim();
  if (words && wordsOf(words).length > 0) rule.words = words;
  if (parts.topic?.trim()) rule.topic = parts.topic.trim();
  if (parts.org?.trim()) rule.org = parts.org.trim();
  return rule.words || rule.topic || rule.org ? rule : null;
}
