// Import: 300 workshop files, one group each, given to the home screen's file input; timed to the
// preview, then from "Confirm import" to "Imported", into an empty device each run.
import type { BrowserContext } from 'playwright-core';
import type { AppServer } from '../tests/e2e/harness.ts';
import { lga2022 } from '../src/framework/lga-2022.ts';
import { IMPORT_RUNS, THROTTLE } from './config.ts';
import { openPage, profiled, throttle, throttleCheck } from './cdp.ts';
import { HOME_USABLE, waitFor } from './probe.ts';
import { clearDb, OUTCOME_IDS, readRecords } from './seed.ts';
import type { StageContext, StageReport } from './stage.ts';
import { fmt, log, median, round, sleep } from './stats.ts';

/** 300 version-2 files of one workshop, one group each with 12 scores, as an export writes them. */
function importFiles(workshopId: string, count: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const files = [];
  for (let i = 0; i < count; i += 1) {
    const groupId = `${workshopId}-file${String(i).padStart(3, '0')}`;
    const at = new Date(Date.UTC(2026, 10, 27, 9, 0, 0) + i * 1000).toISOString();
    const envelope = {
      format: 'outcomes-workshop',
      formatVersion: 2,
      app: { name: 'Outcomes Workshop', version: '0.1.0' },
      exportedAt: '2026-11-27T16:30:00.000Z',
      workshop: {
        id: workshopId,
        name: 'Import benchmark',
        organisation: 'Exampleshire Council',
        date: '2026-11-27',
        facilitator: 'Sam Patel',
        frameworkId: lga2022.id,
        frameworkVersion: lga2022.version,
        createdAt: '2026-11-27T09:00:00.000Z',
        updatedAt: '2026-11-27T09:00:00.000Z',
        privateScoring: false,
        revealedAt: null,
        groups: [{ id: groupId, name: `Group ${i + 1}`, createdAt: at, updatedAt: at }],
        ratings: OUTCOME_IDS.map((outcomeId, j) => ({
          id: `${groupId}/${outcomeId}`,
          groupId,
          outcomeId,
          now: j % 7 === 6 ? 'not-sure' : 1 + ((i + j) % 5),
          target: Math.min(5, 2 + ((i + j) % 4)),
          confidence: ['low', 'medium', 'high'][(i + j) % 3],
          evidence: (i + j) % 2 ? 'Staff survey 2025 and the service review; two teams still on paper forms.' : '',
          notes: (i + j) % 3 ? '' : 'Check with the digital lead.',
          updatedAt: at,
        })),
        agreements: [],
        actions: [],
      },
    };
    files.push({
      name: `import-benchmark-2026-11-27-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(envelope, null, 2)),
    });
  }
  return files;
}

async function benchImport(context: BrowserContext, app: AppServer) {
  const workshopId = 'bench-import';
  const files = importFiles(workshopId, 300);
  const bytes = files.reduce((s, f) => s + f.buffer.length, 0);
  const { page, cdp } = await openPage(context, `${app.origin}/#/`, 1);
  await waitFor(page, HOME_USABLE);
  const runs: { preview: number; save: number; total: number }[] = [];
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    await throttle(cdp, 1);
    await clearDb(page);
    await page.reload();
    await waitFor(page, HOME_USABLE);
    await sleep(200);
    await throttle(cdp, THROTTLE);
    await page.evaluate(() =>
      window.__bench!.watch('preview', { all: [{ selector: 'h2', text: 'Check the import', visible: true }] }),
    );
    const importOnce = async () => {
      await page.getByLabel('Import workshop files').setInputFiles(files);
      const preview = await page.evaluate(() => window.__bench!.when('preview'));
      const changedAt = await page.evaluate(() => window.__bench!.fileChanges.at(-1) ?? Number.NaN);
      const planText = await page.getByRole('region', { name: 'Check the import' }).innerText();
      if (!planText.includes('300 groups')) throw new Error(`unexpected preview: ${planText}`);
      await page.evaluate(() =>
        window.__bench!.watch('imported', {
          all: [{ selector: '[role="status"] p', text: 'Imported', prefix: true, visible: true }],
        }),
      );
      const clicksBefore = await page.evaluate(() => window.__bench!.clicks.length);
      await page.getByRole('button', { name: 'Confirm import', exact: true }).click();
      const imported = await page.evaluate(() => window.__bench!.when('imported'));
      const click = await page.evaluate((n) => window.__bench!.clicks[n] ?? Number.NaN, clicksBefore);
      return { preview: preview.dom - changedAt, save: imported.dom - click };
    };
    const run = i === IMPORT_RUNS - 1 ? await profiled(cdp, 'import', importOnce) : await importOnce();
    const stored = await readRecords(page, 'ratings', 'workshopId', workshopId);
    if (stored.length !== 300 * OUTCOME_IDS.length)
      throw new Error(`imported ${stored.length} scores, expected ${300 * OUTCOME_IDS.length}`);
    runs.push({ ...run, total: run.preview + run.save });
  }
  const factor = await throttleCheck(page, cdp);
  await throttle(cdp, 1);
  await clearDb(page);
  await page.close();
  return { runs, factor, bytes };
}

export async function importStage({ context, app }: StageContext): Promise<StageReport> {
  log('Import, 300 files...');
  const imp = await benchImport(context, app);
  log(
    `  totals ${fmt(imp.runs.map((r) => r.total))} ms; to preview ${fmt(imp.runs.map((r) => r.preview))}; confirm to saved ${fmt(imp.runs.map((r) => r.save))}; ${(imp.bytes / 1e6).toFixed(2)} MB of files`,
  );
  return {
    results: [
      { metric: 'import-300-files-ms', value: round(median(imp.runs.map((r) => r.total))), unit: 'ms', budget: 3000 },
    ],
    notes: [
      `import: to preview ${median(imp.runs.map((r) => r.preview)).toFixed(0)} ms, confirm to saved ${median(imp.runs.map((r) => r.save)).toFixed(0)} ms (medians)`,
    ],
    throttle: imp.factor,
  };
}
