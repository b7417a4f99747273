// Stored data of an older version, migrated and written back in one go. (Loaded with the
// store: a dynamic import would cost every page Vite's preload helper, larger than this.)
import { migrate } from '../migrate.ts';
import { fromEntries, toEntries } from '../snapshot.ts';
import type { PersonalData } from '../stored.ts';
import { SCHEMA_VERSION } from '../version.ts';
import type { KeyValue } from './store.ts';

export async function upgradeStored(kv: KeyValue, from: number): Promise<void> {
  const data = migrate(fromEntries(await kv.entries()), from) as unknown as PersonalData;
  await kv.clear();
  await kv.setMany(toEntries(data, SCHEMA_VERSION));
}
