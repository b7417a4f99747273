/**
 * How data of an older version (version.ts) is brought up to the current one: one step per
 * version in MIGRATIONS. Stored data is migrated when a page opens it (client/upgrade.ts), an
 * exported file when it is imported (schema.ts).
 */
import { SCHEMA_VERSION } from './version.ts';

/** Data as stored or exported, before it is checked against the current schema. */
export type Unchecked = Record<string, unknown>;

/** MIGRATIONS[n] turns data of version n into data of version n + 1. */
export type Migrations = Readonly<Record<number, (data: Unchecked) => Unchecked>>;

export const MIGRATIONS: Migrations = {};

export class NewerVersionError extends Error {
  constructor(version: number) {
    super(`it was written by a newer version of the site (data version ${version}, this page reads up to ${SCHEMA_VERSION})`);
  }
}

/** Brings data of version `from` to SCHEMA_VERSION, one step at a time. */
export function migrate(data: Unchecked, from: number, steps: Migrations = MIGRATIONS, to = SCHEMA_VERSION): Unchecked {
  if (!Number.isInteger(from) || from < 1) throw new Error(`data version ${from} is not one this site has written`);
  if (from > to) throw new NewerVersionError(from);
  let result = data;
  for (let version = from; version < to; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no way to read data version ${version}`);
    result = step(result);
  }
  return result;
}
