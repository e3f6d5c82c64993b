import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against the production build (`dist/`).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
