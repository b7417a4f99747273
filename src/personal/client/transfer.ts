// Everything the reader keeps, at once: for export, import and "clear all" on the Saved page.
import { fromEntries, toEntries } from '../snapshot.ts';
import { KEYS, type PersonalData } from '../stored.ts';
import { SCHEMA_VERSION } from '../version.ts';
import { safely } from './store.ts';

/** Everything kept, for export. */
export function allData(): Promise<PersonalData> {
  return safely(async (kv) => fromEntries(await kv.entries()) as unknown as PersonalData, { saved: [], watch: [], seen: [] });
}

/** Writes entries (an import); false if the browser refused. */
export function writeData(data: PersonalData): Promise<boolean> {
  return safely(async (kv) => (await kv.setMany(toEntries(data, SCHEMA_VERSION)), true), false, true);
}

/** Removes everything kept: saved papers, watches, seen marks and the last visit. */
export function clearAll(): Promise<boolean> {
  return safely(async (kv) => (await kv.clear(), await kv.set(KEYS.version, SCHEMA_VERSION), true), false, true);
}
