// `npm run bench`: the performance benchmark, in Debian's Chromium against the production build in
// `dist/` (the script builds it first), offline from the service worker's cache, CPU throttled 4x.
// Prints a table and writes bench/results.json. What each figure measures, and the environment
// variables that shorten a run or profile it: docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CHROMIUM_PATH,
  launchProfile,
  makeProfileDir,
  removeDir,
  REPO_ROOT,
  startAppServer,
} from '../tests/e2e/harness.ts';
import { BASELINE_DIST, DIST, MIN_RECORDED_RUNS, RUNS, runs, THROTTLE, type Stage } from './config.ts';
import { overBudget, printTable, recordResults } from './report.ts';
import { buildBaseline, install } from './setup.ts';
import { measureSizes } from './sizes.ts';
import type { StageContext, StageReport } from './stage.ts';
import { coldStartStage } from './stage-cold-start.ts';
import { compareStage } from './stage-compare.ts';
import { importStage } from './stage-import.ts';
import { listStage } from './stage-list.ts';
import { sizeStage } from './stage-size.ts';
import { tapStage } from './stage-tap.ts';
import { log, median, round, type Result } from './stats.ts';

/** In the order they run, which is the order of the table and of results.json. */
const TIMED_STAGES: [Stage, (ctx: StageContext) => Promise<StageReport>][] = [
  ['cold', coldStartStage],
  ['tap', tapStage],
  ['import', importStage],
  ['compare', compareStage],
  ['list', listStage],
];

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

async function main(): Promise<number> {
  if (!existsSync(path.join(DIST, 'index.html')) || !existsSync(path.join(DIST, 'sw.js'))) {
    throw new Error(`No production build in ${DIST}: run \`npx vite build\` first.`);
  }
  if (RUNS < MIN_RECORDED_RUNS) log(`Note: BENCH_RUNS=${RUNS}; the reported figures need at least 7 runs.`);
  const started = Date.now();
  const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  log(
    `Benchmark of ${path.relative(REPO_ROOT, DIST) || DIST}; ${chromiumVersion}; CPU throttled ${THROTTLE}x; ${RUNS} runs`,
  );
  log(`Load before: ${loadAverage()} (${os.cpus().length} cores)`);

  const results: Result[] = sizeStage();
  const notes: string[] = [];
  if (!BASELINE_DIST) log('Building the baseline app (bench/minimal-app)...');
  const baseDir = BASELINE_DIST ?? (await buildBaseline());
  const baseSizes = measureSizes(baseDir);

  const app = await startAppServer({ outDir: DIST });
  const base = await startAppServer({ outDir: baseDir });
  const profileDir = await makeProfileDir('bench');
  const session = await launchProfile(profileDir);
  try {
    await install(session.context, app);
    await install(session.context, base);
    // The home screen opens at `/`: make sure no other screen is remembered.
    const first = session.context.pages()[0] ?? (await session.context.newPage());
    await first.goto(`${app.origin}/#/`);
    await first.evaluate(() => localStorage.clear());
    await first.goto('about:blank');
    // Offline from here on: both servers stopped, everything comes from the service workers' caches.
    await app.stop();
    await base.stop();

    const throttles: number[] = [];
    for (const [stage, measure] of TIMED_STAGES) {
      if (!runs(stage)) continue;
      const report = await measure({ context: session.context, app, base, baseSizes });
      results.push(...report.results);
      notes.push(...report.notes);
      throttles.push(report.throttle);
    }
    log(
      `Measured throttling (work throttled / unthrottled, per stage): ${throttles.map((t) => t.toFixed(1)).join(', ')}`,
    );
    results.push({ metric: 'cpu-throttle-measured', value: round(median(throttles)), unit: 'x', budget: null });
  } finally {
    await session.close();
    await app.stop();
    await base.stop();
    await removeDir(profileDir);
    if (!BASELINE_DIST) await removeDir(baseDir);
  }

  printTable(results, notes);
  log(`Load after: ${loadAverage()}; took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await recordResults(results);
  const missed = overBudget(results);
  if (missed.length) log(`Over budget: ${missed.map((r) => r.metric).join(', ')}`);
  return missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
