import { defineConfig, mergeConfig } from 'vitest/config';
import { svelteTesting } from '@testing-library/svelte/vite';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    plugins: [svelteTesting()],
    test: {
      setupFiles: ['tests/setup.ts'],
      testTimeout: 40_000,
      projects: [
        // Unit tests run in Node, which starts fast; a unit file that needs the DOM says so with a
        // `@vitest-environment jsdom` comment at its top.
        { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
        { extends: true, test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'jsdom' } },
      ],
    },
  }),
);
