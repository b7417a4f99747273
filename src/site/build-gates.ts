/**
 * The exchanges by which the processes of one build wait for each other, over Node's IPC channel:
 * a process asks, and goes on at the answer (src/utils/ask-parent.ts).
 *
 * `npm run build` (scripts/build.ts) starts ingest and scripts/build-site.ts together: the
 * site's build spends its first second or two starting `astro build` (loading its config and
 * modules), which needs nothing of the papers, while ingest writes them. Two gates hold what
 * does need them:
 *
 * - `papers`: scripts/build-site.ts asks scripts/build.ts whether ingest is done before it
 *   touches `dist/` or starts the search step, and `astro build` asks scripts/build-site.ts as
 *   its config is read (papersReady) and waits for the answer before its related-papers
 *   worker reads the papers and, at `astro:config:done`, before its content sync does.
 *   scripts/build.ts answers `ready`, or `failed` when ingest failed: the site's build then
 *   stops `astro build` and ends, `dist/` as it was.
 * - `output`: `astro build` asks at `astro:build:start`, before its first write into `dist/`,
 *   whether it may write: on a day's rebuild scripts/build-site.ts reads what `dist/` holds
 *   (src/site/built-pages.ts) while Astro starts.
 *
 * Without a channel, or unless BUILD_GATES_ENV asks for them, `astro build` does not ask: run by
 * hand, it is not held.
 */
import type { AstroIntegration } from 'astro';
import { askParent } from '../utils/ask-parent.ts';

/** Set to 1 in the environment of a process that is to ask before it goes on. */
export const BUILD_GATES_ENV = 'PAPER_DIGEST_BUILD_GATES';

/** The questions, and the answers each may get. */
export const GATES = {
  papers: { ask: 'paper-digest:papers-ready?', ready: 'paper-digest:papers-ready', failed: 'paper-digest:papers-failed' },
  output: { ask: 'paper-digest:may-write?', answer: 'paper-digest:may-write' },
} as const;

/** True in a process started with a channel to ask on and asked to use it. */
export function gated(): boolean {
  return process.env[BUILD_GATES_ENV] === '1' && process.send !== undefined;
}

let papersAnswer: Promise<boolean> | undefined;

/**
 * Whether the papers are ready, asked once of the process that started this one (what waits in a
 * process shares the answer): true at once when not gated; false when it says ingest failed or
 * is gone without answering.
 */
export function papersReady(): Promise<boolean> {
  papersAnswer ??= gated() ? askParent(GATES.papers.ask, [GATES.papers.ready, GATES.papers.failed]).then((answer) => answer === GATES.papers.ready) : Promise.resolve(true);
  return papersAnswer;
}

export function buildGates(): AstroIntegration {
  return {
    name: 'paper-digest:build-gates',
    hooks: {
      // The build that asks answers when it may go on, or stops it. Gone before it said the papers
      // are ready, it may have seen ingest fail: nothing is built. Gone later, the build goes on.
      'astro:config:done': async () => {
        if (!(await papersReady())) {
          console.error('paper-digest: the build that started astro build ended before the papers were ready; nothing was built.');
          process.exit(1);
        }
      },
      'astro:build:start': async () => {
        if (gated()) await askParent(GATES.output.ask, [GATES.output.answer]);
      },
    },
  };
}
