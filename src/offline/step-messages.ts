/**
 * The messages between the build (scripts/build-site.ts) and an offline step it starts before the
 * pages are built (scripts/build-offline.ts `--after-pages`): the step says when it has described
 * the search index; the build says when the pages are built. Apart from the step's code, which
 * bundles the service worker, so that the build loads none of it.
 */
export const OFFLINE_STEP = { indexDescribed: 'paper-digest:offline-index-described', pagesBuilt: 'paper-digest:pages-built' } as const;
