/**
 * An Astro integration that starts working out related papers as `astro build` starts, in a
 * worker thread on the other core, so they are ready when the paper pages ask for them
 * (src/analysis/related-ahead.ts). `astro dev` and the other commands leave it to the pages.
 */
import type { AstroIntegration } from 'astro';
import { BUILD_CACHE, env } from '../config.ts';
import { startRelatedAhead } from '../analysis/related-worker.ts';

export function relatedPapersAhead(): AstroIntegration {
  return {
    name: 'paper-digest:related-papers',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') startRelatedAhead({ papersDir: env.papersDir(), papersCacheDir: BUILD_CACHE.papers, termCountsFile: BUILD_CACHE.termCounts });
      },
    },
  };
}
