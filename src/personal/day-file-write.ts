/**
 * Writes a digest day's file (format: day-file.ts). Runs at build time only.
 *
 * Each paper keeps the words of its abstract's first sentence that its title does not already
 * hold, minus stopwords, rarest in the day first. Ordinary days keep them all; a very long day
 * keeps only as many per paper as fit its file in the size budget.
 */
import { gzipSync } from 'node:zlib';
import { eng as englishStopwords } from 'stopword';
import type { Digest } from '../site/digests.ts';
import { DAY_FILE_VERSION, slugFromTitle, type DayFileJson, type DayRow } from './day-file.ts';
import { wordsOf } from './words.ts';

/** Gzipped bytes a day file may take; the target is 20 KB for a 400-paper day, this leaves room for hosts that compress less hard. */
export const DAY_FILE_BUDGET = 18 * 1024;

const STOPWORDS = new Set(englishStopwords);

/** The abstract up to the end of its first sentence (a full stop, ? or ! before a capital, digit or bracket). */
export function firstSentence(abstract: string): string {
  const flat = abstract.replace(/\s+/g, ' ').trim();
  return /^.+?[.!?](?=\s+[\p{Lu}\p{N}(]|$)/u.exec(flat)?.[0] ?? flat;
}

/** The first sentence's words worth matching a watched word against: not in the title, not stopwords, not bare numbers. */
export function sentenceWords(title: string, abstract: string): string[] {
  const inTitle = new Set(wordsOf(title));
  const words = wordsOf(firstSentence(abstract)).filter((w) => w.length > 2 && !/^\d+$/.test(w) && !STOPWORDS.has(w) && !inTitle.has(w));
  return [...new Set(words)];
}

/** The day file's JSON text, keeping as many first-sentence words per paper as the budget allows. */
export function writeDayFile(digest: Digest, budget = DAY_FILE_BUDGET): string {
  const text = dayFileText(digest);
  const longest = Math.max(0, ...digest.entries.map((e) => sentenceWords(e.paper.title, e.paper.abstract).length));
  if (gzippedSize(text(longest)) <= budget) return text(longest);
  // The largest cap that fits (size grows with the cap).
  let [fits, tooBig] = [0, longest];
  while (tooBig - fits > 1) {
    const mid = (fits + tooBig) >> 1;
    if (gzippedSize(text(mid)) <= budget) fits = mid;
    else tooBig = mid;
  }
  return text(fits);
}

/** The day file's text for a cap on first-sentence words per paper (the rarest in the day kept). */
export function dayFileText(digest: Digest): (cap: number) => string {
  const topics = [...new Set(digest.entries.flatMap((e) => e.paper.topics))];
  const words = digest.entries.map((e) => sentenceWords(e.paper.title, e.paper.abstract));
  // Rarest in the day first: when words must go, the common ones ("models", "large") go first.
  const count = new Map<string, number>();
  for (const w of words.flat()) count.set(w, (count.get(w) ?? 0) + 1);
  for (const list of words) list.sort((a, b) => count.get(a)! - count.get(b)!);
  return (cap) => {
    const papers = digest.entries.map(({ paper, upvotes }, i): DayRow => [
      paper.title,
      slugFromTitle(paper.title) === paper.slug ? 0 : paper.slug,
      paper.topics.map((t) => topics.indexOf(t)),
      paper.org?.name ?? 0,
      paper.firstSeen === digest.date ? 0 : paper.firstSeen,
      upvotes,
      paper.days.filter((d) => d <= digest.date).length,
      words[i]!.slice(0, cap).join(' '),
    ]);
    return JSON.stringify({ v: DAY_FILE_VERSION, day: digest.date, topics, papers } satisfies DayFileJson);
  };
}

/** Gzipped size at zlib's default level, what static hosts commonly serve. */
export function gzippedSize(text: string): number {
  return gzipSync(text).byteLength;
}
