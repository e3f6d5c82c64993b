import { defineConfig } from 'vitest/config';

// Stress tests (`npm run test:stress`): the crash-and-close loop (50 SIGKILLs of Chromium) and the
// hostile-file corpus (module level with fake-indexeddb, then a few files through the UI in Chromium).
// Both drive the production build: run `npx vite build` first. They are slow, so they are kept out of
// the unit run, and run one file at a time: the machines have 2 cores and each Chromium needs one.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/stress/**/*.stress.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A stress test that failed once must be looked at, not retried until it passes.
    retry: 0,
  },
});
