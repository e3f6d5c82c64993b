// Compare: the compare screen of a workshop with 60 groups, from setting the hash until its table
// has every group (budgeted), and until the frame that shows it has been rendered (not budgeted).
import type { BrowserContext } from 'playwright-core';
import type { AppServer } from '../tests/e2e/harness.ts';
import { RUNS, THROTTLE } from './config.ts';
import { openPage, profiled, throttle, throttleCheck } from './cdp.ts';
import { h1Spec, HOME_USABLE, timeHashChange, waitFor, type Mark, type WatchSpec } from './probe.ts';
import { OUTCOME_IDS, seedDb } from './seed.ts';
import type { StageContext, StageReport } from './stage.ts';
import { fmt, log, median, round, sleep, type Result } from './stats.ts';

async function benchCompare(context: BrowserContext, app: AppServer) {
  const workshopId = 'bench-compare';
  const name = 'Compare sixty groups';
  const { page, cdp } = await openPage(context, `${app.origin}/#/`, 1);
  await waitFor(page, HOME_USABLE);
  const seeded = await seedDb(page, [{ id: workshopId, name, date: '2026-11-27', groups: 60, rated: 12 }]);
  await page.goto(`${app.origin}/#/w/${workshopId}`);
  await waitFor(page, h1Spec(name));
  const rendered: WatchSpec = {
    all: [
      { selector: 'h1', text: 'Compare groups', visible: true },
      // The table's last row, with a cell for each of the 60 groups.
      { selector: `main table tbody tr:nth-child(${OUTCOME_IDS.length}) > td`, count: 60 },
    ],
  };
  const runs: (Mark & { painted?: number })[] = [];
  let first: Mark | undefined;
  for (let i = 0; i <= RUNS; i += 1) {
    await throttle(cdp, THROTTLE);
    const measure = () => timeHashChange(page, `#/w/${workshopId}/compare`, rendered, undefined, { painted: true });
    const mark = i === RUNS ? await profiled(cdp, 'compare', measure) : await measure();
    if (i === 0) first = mark;
    else runs.push(mark);
    await throttle(cdp, 1);
    await timeHashChange(page, `#/w/${workshopId}`, h1Spec(name));
    await sleep(200);
  }
  const factor = await throttleCheck(page, cdp);
  await page.close();
  return { runs, first: first as Mark, factor, seeded };
}

export async function compareStage({ context, app }: StageContext): Promise<StageReport> {
  log('Compare, 60 groups...');
  const compare = await benchCompare(context, app);
  log(
    `  ${fmt(compare.runs.map((r) => r.dom))} ms (first visit, loading the screen's code: ${round(compare.first.dom, 0)} ms; ${compare.seeded.ratings} scores)`,
  );
  // Not budgeted: until the frame that shows the screen has been rendered (it lays out the table).
  const painted = compare.runs.flatMap((r) => (r.painted === undefined ? [] : [r.painted]));
  log(
    `  until the frame showing it has been rendered: ${painted.length ? `${fmt(painted)} ms` : 'not measured (no long animation frame)'}`,
  );
  const results: Result[] = [
    { metric: 'compare-60-groups-ms', value: round(median(compare.runs.map((r) => r.dom))), unit: 'ms', budget: 200 },
  ];
  if (painted.length)
    results.push({ metric: 'compare-60-groups-painted-ms', value: round(median(painted)), unit: 'ms', budget: null });
  return { results, notes: [], throttle: compare.factor };
}
