/**
 * An Astro integration that starts working out related papers as `astro build` starts, in a
 * worker thread on the other core, so they are ready when the paper pages ask for them
 * (src/analysis/related-ahead.ts). `astro dev` and the other commands leave it to the pages.
 * It starts at `astro:config:done`, after the build gates' (src/site/build-gates.ts), which
 * come first in the config's integrations: the worker reads the papers, which are then ready.
 */
import type { AstroIntegration } from 'astro';
import { BUILD_CACHE, env } from '../config.ts';
import { startRelatedAhead } from '../analysis/related-worker.ts';

export function relatedPapersAhead(): AstroIntegration {
  let building = false;
  return {
    name: 'paper-digest:related-papers',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': () => {
        if (building) startRelatedAhead({ papersDir: env.papersDir(), papersCacheDir: BUILD_CACHE.papers, termCountsFile: BUILD_CACHE.termCounts });
      },
    },
  };
}
