// Cold start: the app's home screen against the baseline app's (bench/minimal-app), each launched
// offline with no service worker running, in a new tab throttled from the start.
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { AppServer } from '../tests/e2e/harness.ts';
import { DIST, PROFILE_DIR, RUNS, THROTTLE, TRACE_DIR } from './config.ts';
import { openPage, startProfile, startTrace, stopProfile, stopTrace, throttleCheck } from './cdp.ts';
import { HOME_USABLE } from './probe.ts';
import { KB, sizeOf } from './sizes.ts';
import type { StageContext, StageReport } from './stage.ts';
import { fmt, log, median, percentile, round, sleep } from './stats.ts';

interface ColdRun {
  usable: number;
  frame: number;
  htmlAt: number;
  assetsAt: number;
  scriptsRunAt: number;
  throttle: number;
  loaded: string[];
}

async function coldStart(
  context: BrowserContext,
  control: CDPSession,
  url: string,
  profileLabel?: string,
): Promise<ColdRun> {
  // A cold launch: no service worker running, new tab, throttled from the start.
  await control.send('ServiceWorker.stopAllWorkers');
  await sleep(300);
  const profile = PROFILE_DIR !== null && profileLabel !== undefined;
  // Profiled (when asked) from before the navigation to the screen being usable.
  const trace = TRACE_DIR !== null && profileLabel !== undefined;
  const { page, cdp } = await openPage(
    context,
    url,
    THROTTLE,
    HOME_USABLE,
    trace ? startTrace : profile ? startProfile : undefined,
  );
  try {
    const mark = await page.evaluate(() => window.__bench!.when('usable'));
    if (trace) await stopTrace(cdp, profileLabel);
    else if (profile) await stopProfile(cdp, profileLabel);
    const info = await page.evaluate((usable) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const loaded = performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime <= usable && /\.(js|css)$/.test(new URL(r.name).pathname))
        .map((r) => new URL(r.name).pathname);
      // The page's own entry script and stylesheets (not what its scripts import later on).
      const own = new Set(
        [
          ...document.querySelectorAll<HTMLScriptElement>('script[src]'),
          ...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"], link[rel~="modulepreload"]'),
        ].map((el) => (el instanceof HTMLScriptElement ? el.src : el.href)),
      );
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
        own.has(r.name),
      );
      return {
        htmlAt: nav?.responseEnd ?? Number.NaN,
        workerStart: nav?.workerStart ?? 0,
        // The first screen's scripts and styles all arrived; the page's module scripts had run.
        assetsAt: Math.max(0, ...scripts.map((r) => r.responseEnd)),
        scriptsRunAt: nav?.domContentLoadedEventStart ?? Number.NaN,
        loaded,
      };
    }, mark.dom);
    if (!(info.workerStart > 0)) throw new Error(`${url} was not served by its service worker`);
    const factor = await throttleCheck(page, cdp);
    return {
      usable: mark.dom,
      frame: mark.frame,
      htmlAt: info.htmlAt,
      assetsAt: info.assetsAt,
      scriptsRunAt: info.scriptsRunAt,
      throttle: factor,
      loaded: info.loaded,
    };
  } finally {
    await page.close();
  }
}

async function benchColdStart(context: BrowserContext, app: AppServer, base: AppServer) {
  const control = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  await control.send('ServiceWorker.enable');
  const appRuns: ColdRun[] = [];
  const baseRuns: ColdRun[] = [];
  // One run of each not counted (the first cold start after install), then alternate the order.
  await coldStart(context, control, app.url);
  await coldStart(context, control, base.url);
  for (let i = 0; i < RUNS; i += 1) {
    const order = i % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
    const last = i === RUNS - 1;
    for (const which of order) {
      if (which === 'app') appRuns.push(await coldStart(context, control, app.url, last ? 'cold-app' : undefined));
      else baseRuns.push(await coldStart(context, control, base.url, last ? 'cold-baseline' : undefined));
    }
  }
  await control.detach();
  return { appRuns, baseRuns };
}

export async function coldStartStage({ context, app, base, baseSizes }: StageContext): Promise<StageReport> {
  log('Cold start...');
  const cold = await benchColdStart(context, app, base);
  const appCold = median(cold.appRuns.map((r) => r.usable));
  const baseCold = median(cold.baseRuns.map((r) => r.usable));
  log(`  app      ${fmt(cold.appRuns.map((r) => r.usable))} ms (first frame ${fmt(cold.appRuns.map((r) => r.frame))})`);
  log(
    `  baseline ${fmt(cold.baseRuns.map((r) => r.usable))} ms (first frame ${fmt(cold.baseRuns.map((r) => r.frame))})`,
  );
  const phases = (rs: ColdRun[]) =>
    `HTML ${median(rs.map((r) => r.htmlAt)).toFixed(0)}, its scripts and styles in ${median(rs.map((r) => r.assetsAt)).toFixed(0)}, ` +
    `scripts run ${median(rs.map((r) => r.scriptsRunAt)).toFixed(0)}, usable ${median(rs.map((r) => r.usable)).toFixed(0)} ms`;
  // Each app run beside the baseline run next to it (they share the machine's load at the time).
  const pairs = cold.appRuns.map((r, i) => r.usable / (cold.baseRuns[i]?.usable ?? Number.NaN));
  log(
    `  run by run, app / baseline: ${pairs.map((p) => p.toFixed(2)).join(' ')} (median ${median(pairs).toFixed(2)}, quartiles ${percentile(pairs, 25).toFixed(2)}-${percentile(pairs, 75).toFixed(2)})`,
  );
  log(`  medians, app:      ${phases(cold.appRuns)}`);
  log(`  medians, baseline: ${phases(cold.baseRuns)}`);
  const loaded = [...new Set(cold.appRuns.flatMap((r) => r.loaded))].map((p) => p.replace(/^\//, ''));
  const loadedKb = ['index.html', ...loaded].map((f) => sizeOf(DIST, f).gzipBytes).reduce((a, b) => a + b, 0) / KB;
  log(`  the app's first screen loaded: ${loaded.join(', ')} (${loadedKb.toFixed(1)} kB gzip with the page)`);
  return {
    throttle: median([...cold.appRuns, ...cold.baseRuns].map((r) => r.throttle)),
    notes: [],
    results: [
      { metric: 'cold-start-ratio', value: round(appCold / baseCold, 2), unit: 'x', budget: 1.5 },
      { metric: 'cold-start-app-ms', value: round(appCold), unit: 'ms', budget: null },
      { metric: 'cold-start-baseline-ms', value: round(baseCold), unit: 'ms', budget: null },
      { metric: 'first-screen-loaded-kb', value: round(loadedKb), unit: 'kB', budget: null },
      { metric: 'baseline-initial-download-kb', value: round(baseSizes.initialKb), unit: 'kB', budget: null },
    ],
  };
}
