// The DevTools protocol side of a measured page: CPU throttling and its check, CPU profiles and
// performance traces (BENCH_PROFILE_DIR, BENCH_TRACE_DIR), and opening a probed, throttled tab.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { PROFILE_DIR, THROTTLE, TRACE_DIR } from './config.ts';
import { installProbe, type WatchSpec } from './probe.ts';
import { log } from './stats.ts';

/** A fixed piece of work, for checking the throttling: ms it took in this page. */
const spin = (page: Page) =>
  page.evaluate(() => {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 3e7; i += 1) x = (x * 31 + i) | 0;
    return { ms: performance.now() - start, x };
  });

export async function throttle(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** The measured throttling in this page: the work throttled, divided by the same work unthrottled. */
export async function throttleCheck(page: Page, cdp: CDPSession): Promise<number> {
  await throttle(cdp, 1);
  await spin(page); // warm the JIT
  const plain = (await spin(page)).ms;
  await throttle(cdp, THROTTLE);
  const throttled = (await spin(page)).ms;
  return throttled / plain;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * Runs `fn`, under the CPU profiler when BENCH_PROFILE_DIR is set: writes `<label>.cpuprofile` and
 * prints where the page's main thread spent its time (self time by function).
 */
export async function profiled<T>(cdp: CDPSession, label: string, fn: () => Promise<T>): Promise<T> {
  if (TRACE_DIR) {
    await startTrace(cdp);
    const result = await fn();
    await stopTrace(cdp, label);
    return result;
  }
  if (!PROFILE_DIR) return fn();
  await startProfile(cdp);
  const result = await fn();
  await stopProfile(cdp, label);
  return result;
}

const traces = new WeakMap<
  CDPSession,
  { events: unknown[]; done: Promise<void>; collect: (data: { value: unknown[] }) => void }
>();

export async function startTrace(cdp: CDPSession): Promise<void> {
  const events: unknown[] = [];
  const collect = (data: { value: unknown[] }) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  traces.set(cdp, { events, done, collect });
  const categories = [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'blink.user_timing',
    'v8.execute',
    'loading',
    'toplevel',
    'input',
    'latencyInfo',
    'renderer.scheduler',
  ];
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
}

export async function stopTrace(cdp: CDPSession, label: string): Promise<void> {
  const trace = traces.get(cdp);
  if (!trace || !TRACE_DIR) return;
  await cdp.send('Tracing.end');
  await trace.done;
  cdp.off('Tracing.dataCollected', trace.collect);
  traces.delete(cdp);
  await mkdir(TRACE_DIR, { recursive: true });
  await writeFile(path.join(TRACE_DIR, `${label}.json`), JSON.stringify({ traceEvents: trace.events }));
  log(`  trace ${label}: ${path.join(TRACE_DIR, `${label}.json`)}`);
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession, label: string): Promise<void> {
  if (!PROFILE_DIR) return;
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  await mkdir(PROFILE_DIR, { recursive: true });
  await writeFile(path.join(PROFILE_DIR, `${label}.cpuprofile`), JSON.stringify(profile));
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n as ProfileNode]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, i) => {
    const node = nodes.get(id);
    if (!node) return;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const f = node.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  log(`  profile ${label}: ${total.toFixed(0)} ms busy; top self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    log(`    ${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

export interface ProbedPage {
  page: Page;
  cdp: CDPSession;
}

/** A new tab with the probe, throttled at `rate` before it navigates to `url`. */
export async function openPage(
  context: BrowserContext,
  url: string,
  rate: number,
  coldStart: WatchSpec | null = null,
  beforeNavigation?: (cdp: CDPSession) => Promise<void>,
): Promise<ProbedPage> {
  const page = await context.newPage();
  await page.addInitScript(installProbe, { coldStart });
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, rate);
  await beforeNavigation?.(cdp);
  await page.goto(url);
  return { page, cdp };
}
