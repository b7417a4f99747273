import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Timeouts here are hang guards, not speed limits: tests wait on events and states, and a
// loaded machine may take many times longer than a quiet one without any test failing.
// A build (tests/support/built-site.ts) may wait for other workers' builds, so the tiers
// that build have guards sized for a queue of builds on a busy machine.
const MINUTE = 60_000;

/**
 * `expect.poll` re-reads a state (what a page stored, a file appearing) until it is as
 * expected. Vitest gives up after 1 s by default, which a loaded machine can need for one
 * read; like a browser step (STEP_HANG_GUARD_MS in tests/support/browser.ts), a poll
 * fails only when the state never comes.
 */
const expectPoll = { poll: { timeout: 2 * MINUTE } };

export default defineConfig({
  test: {
    // Runs once for the whole run, whatever the tiers (the root project's setup).
    globalSetup: ['tests/support/scratch-root.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    // Integration and browser tests spend much of their time waiting on a child process
    // (ingest, astro build, Chromium), so two workers keep both cores busy: on 2 cores,
    // integration + browser took 361 s and 470 s with two workers against 424 s and 632 s
    // with one, on a machine loaded by other work (load average 13–28).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          // Above the parser fuzz test's own 2-minute hang guard, so that one reports first.
          testTimeout: 3 * MINUTE,
          hookTimeout: MINUTE,
          expect: expectPoll,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 10 * MINUTE,
          hookTimeout: 10 * MINUTE,
          expect: expectPoll,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 5 * MINUTE,
          hookTimeout: 10 * MINUTE,
          expect: expectPoll,
        },
      },
    ],
  },
});
