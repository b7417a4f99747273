/**
 * Whether two abstracts are one paper's. Records that share a title key are one paper unless
 * their abstracts clearly differ (two papers can share a title); the same abstract under two
 * titles is a likely duplicate (a corrected title). The same paper comes hard-wrapped, cut
 * short, with a paper file's notes below it, or slightly revised; another paper shares a few
 * common phrases at most. So abstracts are compared by the share of word triples of the shorter
 * one that the other also has: kept here (a dozen lines) rather than a string-similarity package,
 * whose edit distances cost O(n·m) on 2,000-character abstracts and punish a missing tail.
 */

export type AbstractMatch = 'same' | 'different' | 'unknown';

/** Below this share of shared word triples, two abstracts are different papers'. */
const SAME_PAPER_SHARE = 0.3;

export function compareAbstracts(a: string | null, b: string | null): AbstractMatch {
  return compareShapes(abstractShape(a), abstractShape(b));
}

/**
 * What comparing needs of an abstract, worked out once: ingest compares a new paper with every
 * paper whose abstract starts the same way, and common openings ("Large language models
 * have…") gather hundreds at 30,000 papers, so each stored abstract takes part in many
 * comparisons. Splitting it anew each time cost 45 of the 55 s of a 30,000-paper ingest.
 */
export interface AbstractShape {
  /** Its normalised words, joined by single spaces. */
  joined: string;
  count: number;
  /** Its word triples, hashed (32-bit FNV-1a): a few bytes each instead of a string; built on first need. */
  triples?: Set<number>;
  words?: string[];
}

export function abstractShape(text: string | null): AbstractShape {
  const ws = words(text ?? '');
  return { joined: ws.join(' '), count: ws.length, words: ws };
}

export function compareShapes(x: AbstractShape, y: AbstractShape): AbstractMatch {
  if (x.count < 3 || y.count < 3) return x.count > 0 && x.joined === y.joined ? 'same' : 'unknown';
  const [shorter, longer] = x.count <= y.count ? [x, y] : [y, x];
  // The shorter one's words are the longer one's first words (the same abstract, cut short).
  if (longer.joined.startsWith(shorter.joined) && (longer.joined.length === shorter.joined.length || longer.joined[shorter.joined.length] === ' ')) return 'same';
  const other = triplesOf(longer);
  const mine = triplesOf(shorter);
  let shared = 0;
  for (const t of mine) if (other.has(t)) shared++;
  return shared / mine.size >= SAME_PAPER_SHARE ? 'same' : 'different';
}

function triplesOf(shape: AbstractShape): Set<number> {
  if (shape.triples === undefined) {
    const ws = shape.words ?? shape.joined.split(' ');
    shape.triples = new Set();
    for (let i = 0; i + 2 < ws.length; i++) shape.triples.add(fnv1a(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`));
    // The words are not needed any more: only the joined text and the triples are kept.
    delete shape.words;
  }
  return shape.triples;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The first words of an abstract, normalised: the key under which likely duplicates are found. */
export function abstractFingerprint(text: string | null): string | null {
  // Short abstracts ("Its abstract.") say too little to call two papers duplicates.
  const head = words((text ?? '').slice(0, 400)).join(' ');
  return head.length >= FINGERPRINT_LENGTH ? head.slice(0, FINGERPRINT_LENGTH) : null;
}

const FINGERPRINT_LENGTH = 40;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

