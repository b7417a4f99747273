import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/scratch-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
