// Download-size budgets of the production build (docs/benchmarks.md). Sizes do not depend on the
// machine, so they are checked on every test run; the timed figures are in `npm run bench`.
// Runs in the end-to-end stage because it needs `dist/` (built just before it by scripts/test-all.sh).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.ts';
import { measureSizes, type SizedFile } from '../../bench/sizes.ts';

const DIST = path.resolve(REPO_ROOT, process.env.E2E_DIST ?? 'dist');
const INITIAL_BUDGET_KB = 100;
const PRECACHE_BUDGET_KB = 300;

const list = (files: readonly SizedFile[]) =>
  [...files]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((f) => `  ${(f.gzipBytes / 1000).toFixed(1).padStart(6)} kB  ${f.file}`)
    .join('\n');

describe('download sizes (gzip)', () => {
  it('has a production build to measure', () => {
    expect(existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}: run \`npm run build\``).toBe(true);
  });

  const sizes = existsSync(path.join(DIST, 'sw.js')) ? measureSizes(DIST) : null;

  it(`the first screen downloads at most ${INITIAL_BUDGET_KB} kB`, () => {
    expect(sizes).not.toBeNull();
    if (!sizes) return;
    // The page, its entry script with every module it imports statically, and its stylesheets.
    expect(sizes.initial.map((f) => f.file)).toContain('index.html');
    expect(sizes.initial.some((f) => f.file.endsWith('.js'))).toBe(true);
    expect(sizes.initialKb, `first screen:\n${list(sizes.initial)}`).toBeLessThanOrEqual(INITIAL_BUDGET_KB);
  });

  it(`the service worker precaches at most ${PRECACHE_BUDGET_KB} kB`, () => {
    expect(sizes).not.toBeNull();
    if (!sizes) return;
    // Everything offline use needs is in it: the page and every script and stylesheet of the build.
    const precached = new Set(sizes.precache.map((f) => f.file));
    expect(precached).toContain('index.html');
    for (const f of sizes.initial) expect(precached, `${f.file} is not precached`).toContain(f.file);
    const assets = readdirSync(path.join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    for (const f of assets) expect(precached, `assets/${f} is not precached`).toContain(`assets/${f}`);
    expect(sizes.precacheKb, `precache:\n${list(sizes.precache)}`).toBeLessThanOrEqual(PRECACHE_BUDGET_KB);
  });

  it('the entry script opens with the compile hint, which V8 reads only on the first line', () => {
    // vite.config.ts (compileHints) adds it after Vite's own changes to the file; if Vite ever
    // writes something before it, the hint stops working without a sound: this says so.
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]* src="\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the entry script in index.html').toBeDefined();
    expect(readFileSync(path.join(DIST, entry!), 'utf8').split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
  });
});
