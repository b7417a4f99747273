/**
 * The file that keeps the papers' stem counts (term-counts.ts) from one build to the next, for
 * the related-papers worker. Counts kept by another version of the counting code are not used:
 * the version covers term-counts.ts and terms.ts, the stemmer's and stopword list's versions,
 * and the Unicode data that splits and lower-cases words (Node's ICU).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from '../utils/atomic-write.ts';
import { TermCounts } from './term-counts.ts';

let version: string | undefined;

function countingVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256');
  for (const source of ['./term-counts.ts', './terms.ts']) hash.update(readFileSync(new URL(source, import.meta.url)));
  const require = createRequire(import.meta.url);
  for (const name of ['wink-porter2-stemmer', 'stopword']) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  hash.update(`unicode@${process.versions.unicode} icu@${process.versions.icu}`);
  return (version = hash.digest('base64url'));
}

/** The counts kept in `file` by this version of the counting code, or none (no file yet, unreadable, another version). */
export function loadTermCounts(file: string): TermCounts {
  try {
    return TermCounts.fromFile(deserialize(readFileSync(file)), countingVersion());
  } catch {
    return new TermCounts();
  }
}

/** Keeps the counts of every paper met in `file`, for the next build. */
export async function saveTermCounts(counts: TermCounts, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await writeAtomic(file, serialize(counts.toFile(countingVersion())));
}
