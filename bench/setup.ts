// What a run needs before it measures: the baseline app built, and both apps installed while their
// servers still run, so that every stage after it is served offline by the service workers.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { waitForServiceWorker, type AppServer } from '../tests/e2e/harness.ts';
import { BENCH_DIR } from './config.ts';

export async function buildBaseline(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'outcomes-bench-minimal-'));
  const root = path.join(BENCH_DIR, 'minimal-app');
  // `runnerImport` sets NODE_ENV to development, which would give a development build (Svelte's dev
  // mode, an unminified service worker): build for production, as `vite build` does for the app.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** First visit online: the service worker installs, precaches, and controls the page. */
export async function install(context: BrowserContext, server: AppServer): Promise<void> {
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await page.close();
}
