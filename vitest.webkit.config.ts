import { defineConfig } from 'vitest/config';

// End-to-end tests in WebKit (the engine of Safari on iPad): WebKitGTK's MiniBrowser through
// WebKitWebDriver under Xvfb, against the production build (`dist/`). Needs
// `bash scripts/ensure-webkit.sh` once, and `npx vite build` before each run.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/webkit/**/*.webkit.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    fileParallelism: false,
  },
});
