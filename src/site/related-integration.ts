/**
 * An Astro integration that starts working out related papers as `astro build` starts, in a
 * worker thread on the other core, so they are ready when the paper pages ask for them
 * (src/analysis/related-ahead.ts). `astro dev` and the other commands leave it to the pages.
 *
 * An `astro build` started by scripts/build-site.ts (src/site/build-gates.ts) starts the worker
 * as its config is read, a second before its first hook, and the worker reads the papers once
 * the build says they are ready: at 30,000 papers its answer then came before the pages asked
 * for it, where started at `astro:config:done` they waited 0.3 s for it. Run by hand, the worker
 * starts at `astro:config:done` (after the gates' hook, which comes first).
 */
import type { AstroIntegration } from 'astro';
import { BUILD_CACHE, env } from '../config.ts';
import { startRelatedAhead } from '../analysis/related-worker.ts';
import { gated, papersReady } from './build-gates.ts';

const start = (ready?: Promise<boolean>) => startRelatedAhead({ papersDir: env.papersDir(), papersCacheDir: BUILD_CACHE.papers, termCountsFile: BUILD_CACHE.termCounts }, ready);

export function relatedPapersAhead(): AstroIntegration {
  // Only `astro build` is gated: the build scripts start no other command.
  const started = gated();
  if (started) start(papersReady());
  let building = false;
  return {
    name: 'paper-digest:related-papers',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': () => {
        if (building && !started) start();
      },
    },
  };
}
