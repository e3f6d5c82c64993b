// The end of a run: the table of figures against their budgets, and bench/results.json when the run
// is one whose figures can be recorded.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../tests/e2e/harness.ts';
import { BENCH_DIR, IMPORT_RUNS, MIN_RECORDED_RUNS, RUNS, runs, STAGES } from './config.ts';
import { log, type Result } from './stats.ts';

export function printTable(results: Result[], notes: string[]): void {
  const rows = results.map((r) => {
    const verdict = r.budget === null ? '' : r.value <= r.budget ? 'pass' : 'MISS';
    return [r.metric, String(r.value), r.unit, r.budget === null ? '-' : String(r.budget), verdict];
  });
  const header = ['metric', 'value', 'unit', 'budget', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  log('');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) log(line(r));
  for (const n of notes) log(`(${n})`);
}

/** Writes bench/results.json, unless the run was too short or left stages out. */
export async function recordResults(results: Result[]): Promise<void> {
  if (RUNS < MIN_RECORDED_RUNS || IMPORT_RUNS < MIN_RECORDED_RUNS) {
    log(`Fewer than ${MIN_RECORDED_RUNS} runs (BENCH_RUNS, BENCH_IMPORT_RUNS): bench/results.json not written.`);
  } else if (STAGES.every(runs)) {
    const out = path.join(BENCH_DIR, 'results.json');
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`Wrote ${path.relative(REPO_ROOT, out)}`);
  } else {
    log('Some stages only (BENCH_ONLY): bench/results.json not written.');
  }
}

/** The figures over their budget (a figure that could not be measured, NaN, counts as over). */
export const overBudget = (results: Result[]) => results.filter((r) => r.budget !== null && !(r.value <= r.budget));
