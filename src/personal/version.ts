/**
 * The version of the reader's stored data and of exported files. Changing the shape of what is
 * stored means: bump SCHEMA_VERSION and add the step from the old version (migrate.ts).
 */
export const SCHEMA_VERSION = 1;

/** The format name an exported file carries, so any other JSON file is told apart. */
export const EXPORT_FORMAT = 'paper-digest-personal';
