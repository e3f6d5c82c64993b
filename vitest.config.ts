import { defineConfig, mergeConfig } from 'vitest/config';
import { svelteTesting } from '@testing-library/svelte/vite';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    plugins: [svelteTesting()],
    test: {
      environment: 'jsdom',
      include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
      setupFiles: ['tests/setup.ts'],
      testTimeout: 20_000,
    },
  }),
);
