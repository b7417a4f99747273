/**
 * Cache Storage is shared by every site on an origin (two GitHub Pages project sites share
 * one), so every cache name carries the worker's scope: a site never touches another's.
 * Each build of the site gets its own cache; the worker of a newer build fills its cache
 * completely before it takes over and only then drops the older one.
 */

const PREFIX = 'paper-digest';

export function buildCacheName(scope: string, buildId: string): string {
  return `${PREFIX} ${scope} build ${buildId}`;
}

/** Settings that outlive builds, such as "the reader saved the site for offline". */
export function settingsCacheName(scope: string): string {
  return `${PREFIX} ${scope} settings`;
}

/** Whether a cache holds one of this scope's builds. */
export function isBuildCacheOf(name: string, scope: string): boolean {
  return name.startsWith(`${PREFIX} ${scope} build `);
}
