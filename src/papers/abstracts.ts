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
  const x = words(a ?? '');
  const y = words(b ?? '');
  if (x.length < 3 || y.length < 3) return x.length > 0 && x.join(' ') === y.join(' ') ? 'same' : 'unknown';
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.every((w, i) => longer[i] === w)) return 'same';
  const other = triples(longer);
  const mine = triples(shorter);
  let shared = 0;
  for (const t of mine) if (other.has(t)) shared++;
  return shared / mine.size >= SAME_PAPER_SHARE ? 'same' : 'different';
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

function triples(ws: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
  return out;
}
