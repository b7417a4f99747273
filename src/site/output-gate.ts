/**
 * An Astro integration that holds `astro build` before it writes anything into its output folder
 * until the process that started it says it may: scripts/build-site.ts starts `astro build` at
 * once on a day's rebuild and reads what `dist/` holds meanwhile (src/site/built-pages.ts), which
 * must be done before Astro writes. Astro's first write comes after its content sync, when the
 * build starts; the integration asks there, over the IPC channel, and goes on at the answer
 * (given at once when the reading is done). Without a channel, or unless asked to by
 * OUTPUT_GATE_ENV, it does nothing: `astro build` run by hand is not held.
 */
import type { AstroIntegration } from 'astro';

/** Set to 1 in the environment of an `astro build` that is to ask before it writes. */
export const OUTPUT_GATE_ENV = 'PAPER_DIGEST_OUTPUT_GATE';

/** The messages of the exchange: Astro asks, the build answers. */
export const MAY_WRITE = { ask: 'paper-digest:may-write?', answer: 'paper-digest:may-write' } as const;

export function outputGate(): AstroIntegration {
  return {
    name: 'paper-digest:output-gate',
    hooks: {
      'astro:build:start': async () => {
        if (process.env[OUTPUT_GATE_ENV] !== '1' || !process.send) return;
        await new Promise<void>((resolve) => {
          // The listener is there before the question goes out: the answer cannot come unheard.
          // Once it has come, no listener is left to keep the channel, and the process, alive. A
          // channel closed meanwhile (the build that asked is gone) lets the build go on.
          const done = () => {
            process.off('message', onMessage);
            process.off('disconnect', done);
            resolve();
          };
          const onMessage = (message: unknown) => {
            if (message === MAY_WRITE.answer) done();
          };
          process.on('message', onMessage);
          process.on('disconnect', done);
          process.send!(MAY_WRITE.ask);
        });
      },
    },
  };
}
