// What a benchmark run measures and how often, from the environment (the variables are listed in
// docs/benchmarks.md), and the app's facts the stages rely on.
import path from 'node:path';
import { REPO_ROOT } from '../tests/e2e/harness.ts';

export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
export const DIST = path.resolve(REPO_ROOT, process.env.BENCH_DIST ?? 'dist');
export const BASELINE_DIST = process.env.BENCH_BASELINE_DIST ? path.resolve(process.env.BENCH_BASELINE_DIST) : null;
export const RUNS = Number(process.env.BENCH_RUNS ?? 9);
export const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 7);
/** Fewer runs than this give figures too noisy to record: results.json is not written. */
export const MIN_RECORDED_RUNS = 7;
/** Stands for a modest tablet. */
export const THROTTLE = 4;
export const TAPS = Number(process.env.BENCH_TAPS ?? 100);
/**
 * How long each tap holds the level down before it lifts. A finger rests on the glass for some tens
 * of milliseconds; a click with none made the lift wait behind the press's own work.
 */
export const TAP_HOLD = Number(process.env.BENCH_TAP_HOLD_MS ?? 50);
/** Taps made with touch events after the mouse's (reported, no budget); 0 for none. */
export const TOUCH_TAPS = Number(process.env.BENCH_TOUCH_TAPS ?? TAPS);
/** How many of the last taps (mouse, then touch) a profile or trace covers. */
export const PROFILED_TAPS = Number(process.env.BENCH_PROFILED_TAPS ?? 6);
export const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ? path.resolve(process.env.BENCH_PROFILE_DIR) : null;
/** A Chromium performance trace (for DevTools' Performance panel), taken instead of a CPU profile. */
export const TRACE_DIR = process.env.BENCH_TRACE_DIR ? path.resolve(process.env.BENCH_TRACE_DIR) : null;

export const STAGES = ['cold', 'tap', 'compare', 'import', 'list'] as const;
export type Stage = (typeof STAGES)[number];
const ONLY = new Set((process.env.BENCH_ONLY ?? STAGES.join(',')).split(',').map((s) => s.trim()));
export const runs = (stage: Stage) => ONLY.has(stage);

/** How many workshops the home screen shows before "Show more" (HomeScreen.svelte's PAGE). */
export const LIST_PAGE = 24;
export const DB_NAME = 'outcomes-workshop';
