/**
 * The stored entries (stored.ts) as one object and back: what a migration, an export and an
 * import work on. Pure, so the migration path is tested directly.
 */
import type { Unchecked } from './migrate.ts';
import { KEYS, seenKey, type PersonalData } from './stored.ts';

const SEEN = seenKey('');

/** The stored entries as one object (values unchecked). */
export function fromEntries(entries: ReadonlyArray<readonly [IDBValidKey, unknown]>): Unchecked {
  const data: Unchecked = { saved: [], watch: [], seen: [] };
  const seen: string[] = [];
  for (const [key, value] of entries) {
    if (typeof key !== 'string') continue;
    if (key.startsWith(SEEN)) seen.push(key.slice(SEEN.length));
    else if (key !== KEYS.version) data[key] = value;
  }
  return { ...data, seen: seen.sort() };
}

/** The entries that store `data`. */
export function toEntries(data: PersonalData, version: number): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [
    [KEYS.version, version],
    [KEYS.saved, data.saved],
    [KEYS.watch, data.watch],
  ];
  if (data.visits) entries.push([KEYS.visits, data.visits]);
  for (const slug of data.seen) entries.push([seenKey(slug), 1]);
  return entries;
}
