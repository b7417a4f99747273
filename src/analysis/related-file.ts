/**
 * Related papers worked out before `astro build` and handed to it in a file. Working them out
 * takes about 6 s at 30,000 papers, on the one core `astro build` keeps busy; scripts/build-site.ts
 * runs scripts/build-related.ts on the other core beside the search index instead, and points
 * the build at the file (RELATED_PAPERS_FILE). The file names the papers it was worked out from
 * by a fingerprint of everything relatedPapers() reads: the pages use it only for those very
 * papers and work related papers out themselves otherwise (no file, papers edited in between,
 * `astro build` or `astro dev` alone), so the result is the same either way.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PaperView } from '../papers/view.ts';
import { writeAtomic } from '../utils/atomic-write.ts';
import { relatedPapers, type RelatablePaper } from './related.ts';

interface RelatedFile {
  fingerprint: string;
  /** Paper id → its related papers' ids, most related first. */
  related: Array<[string, string[]]>;
}

/** What relatedPapers() reads of a paper. */
export function relatable(paper: PaperView): RelatablePaper {
  return { id: paper.slug, title: paper.title, abstract: paper.abstract, topics: paper.topics, key: paper.titleKey };
}

/** A digest of the papers as relatedPapers() sees them, whatever order they come in. */
export function relatedFingerprint(papers: readonly RelatablePaper[]): string {
  const hash = createHash('sha256');
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of sorted) hash.update(JSON.stringify([p.id, p.title, p.abstract, p.topics, p.key ?? null])).update('\n');
  return hash.digest('base64url');
}

/** Works out every paper's related papers and writes them to `file` with the papers' fingerprint. */
export async function writeRelatedFile(file: string, papers: readonly RelatablePaper[]): Promise<void> {
  const content: RelatedFile = { fingerprint: relatedFingerprint(papers), related: [...relatedPapers([...papers])] };
  mkdirSync(dirname(file), { recursive: true });
  await writeAtomic(file, JSON.stringify(content));
}

/** Related papers for `papers`: from `file` when it was worked out from these very papers, else worked out now; and which it was. */
export function relatedFromFileOrNow(papers: readonly RelatablePaper[], file: string | undefined): { related: Map<string, string[]>; fromFile: boolean } {
  const saved = file === undefined ? null : readRelatedFile(file);
  if (saved !== null && saved.fingerprint === relatedFingerprint(papers)) return { related: new Map(saved.related), fromFile: true };
  return { related: relatedPapers([...papers]), fromFile: false };
}

function readRelatedFile(file: string): RelatedFile | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RelatedFile>;
    return typeof parsed.fingerprint === 'string' && Array.isArray(parsed.related) ? (parsed as RelatedFile) : null;
  } catch {
    // Missing or unreadable: the pages work related papers out themselves.
    return null;
  }
}
