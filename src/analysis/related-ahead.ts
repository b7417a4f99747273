/**
 * Related papers worked out ahead, in a worker thread of `astro build` (related-worker.ts),
 * while the build's own thread syncs the content and bundles the site: they take about 6 s at
 * 30,000 papers, which `astro build`'s one busy core would otherwise add to every build
 * (docs/performance.md). The worker reads the paper files itself and names the
 * papers it worked from by a fingerprint of their files (relatedFingerprint): the pages use its
 * answer only for those very papers and work related papers out themselves otherwise (no worker,
 * as in `astro dev`; a worker that failed; papers edited in between), so the result is the same
 * either way.
 */
import { createHash } from 'node:crypto';
import type { PaperView } from '../papers/view.ts';
import { relatedPapers, type RelatablePaper } from './related.ts';
import type { TermCounts } from './term-counts.ts';

/** A worker's answer: the papers it read, by fingerprint, and each one's related papers' ids, most related first. */
export interface RelatedAhead {
  fingerprint: string;
  related: Array<[string, string[]]>;
}

// The worker is started from the config's integration and awaited by the pages, two copies of
// this module in one process (Astro loads the config and bundles the pages apart): the answer
// is kept where both see it.
const AHEAD = Symbol.for('paper-digest.related-ahead');
const shared = globalThis as { [AHEAD]?: Promise<RelatedAhead | null> };

/** What relatedPapers() reads of a paper. */
export function relatable(paper: Pick<PaperView, 'slug' | 'title' | 'abstract' | 'topics' | 'titleKey' | 'firstSeen'>): RelatablePaper {
  return { id: paper.slug, title: paper.title, abstract: paper.abstract, topics: paper.topics, key: paper.titleKey, firstSeen: paper.firstSeen };
}

/** The same of a paper read from a file, with the digest of the file's text (none when not known). */
export function relatableFromFile(paper: Pick<PaperView, 'slug' | 'title' | 'abstract' | 'topics' | 'titleKey' | 'firstSeen'>, source: string | undefined): RelatablePaper {
  return source === undefined ? relatable(paper) : { ...relatable(paper), source };
}

/**
 * A digest of the papers as relatedPapers() sees them, whatever order they come in. Papers that
 * all name the file they were read from are told apart by their ids and files, from which
 * everything relatedPapers() reads of them is worked out: hashing the files' digests rather
 * than the papers' texts took 0.2 s less of `astro build`'s thread at 30,000 papers, and as much
 * of the worker's. Either way, the other way never gives the same digest.
 */
export function relatedFingerprint(papers: readonly RelatablePaper[]): string {
  const hash = createHash('sha256');
  // By id: "\0" sorts first, so the lines sort as their ids do.
  if (papers.every((p) => p.source !== undefined)) return hash.update(`files\n${papers.map((p) => `${p.id}\0${p.source}`).sort().join('\n')}`).digest('base64url');
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  hash.update('texts\n');
  for (const p of sorted) hash.update(JSON.stringify([p.id, p.title, p.abstract, p.topics, p.key ?? null, p.firstSeen ?? null])).update('\n');
  return hash.digest('base64url');
}

/** The worker's answer for `papers`: their fingerprint and their related papers. */
export function workOutAhead(papers: readonly RelatablePaper[], counts?: TermCounts): RelatedAhead {
  return { fingerprint: relatedFingerprint(papers), related: [...relatedPapers([...papers], undefined, counts)] };
}

/** Registers the answer the pages of this process wait for (related-worker.ts starts the worker that gives it). */
export function expectRelatedAhead(answer: Promise<RelatedAhead | null>): void {
  shared[AHEAD] = answer;
}

/** The answer registered, handed over once: the pages keep what they take from it, not the whole answer for the rest of the build. */
function takeAhead(): Promise<RelatedAhead | null> | undefined {
  const answer = shared[AHEAD];
  delete shared[AHEAD];
  return answer;
}

/**
 * Related papers for `papers`: the worker's answer (by default that of the worker this process
 * started, if any) when it was worked out from these very papers, else worked out now; and which
 * it was.
 */
export async function relatedAheadOrNow(
  papers: readonly RelatablePaper[],
  answer: Promise<RelatedAhead | null> | undefined = takeAhead(),
): Promise<{ related: Map<string, string[]>; ahead: boolean }> {
  const ahead = (await answer) ?? null;
  if (ahead !== null && ahead.fingerprint === relatedFingerprint(papers)) return { related: new Map(ahead.related), ahead: true };
  return { related: relatedPapers([...papers]), ahead: false };
}
