// The home screen with 1,000 workshops: from another screen until its first page of workshops is
// shown with their progress, and from "Show more" until the next page is.
import type { BrowserContext } from 'playwright-core';
import type { AppServer } from '../tests/e2e/harness.ts';
import { DB_NAME, LIST_PAGE, RUNS, THROTTLE } from './config.ts';
import { openPage, profiled, throttle, throttleCheck } from './cdp.ts';
import { h1Spec, HOME_USABLE, timeHashChange, waitFor, type Mark, type WatchSpec } from './probe.ts';
import { clearDb, seedDb, type SeedWorkshop } from './seed.ts';
import type { StageContext, StageReport } from './stage.ts';
import { fmt, log, median, round, sleep } from './stats.ts';

async function benchList(context: BrowserContext, app: AppServer) {
  const count = 1000;
  const { page, cdp } = await openPage(context, `${app.origin}/#/`, 1);
  await waitFor(page, HOME_USABLE);
  await clearDb(page);
  // Realistic workshops: 2 to 4 groups; most fully scored, some part-way.
  const workshops: SeedWorkshop[] = Array.from({ length: count }, (_, i) => ({
    id: `bench-list-${String(i).padStart(4, '0')}`,
    name: `Workshop ${i + 1}`,
    date: new Date(Date.UTC(2022, 0, 1) + i * 86_400_000 * 1.5).toISOString().slice(0, 10),
    groups: 2 + (i % 3),
    rated: i % 5 === 0 ? 5 : 12,
  }));
  const seeded = await seedDb(page, workshops);
  await page.goto(`${app.origin}/#/about`);
  await waitFor(page, h1Spec('About this device'));
  // The home screen shows the newest 50 workshops, with their progress, and a button for more.
  const page1 = Math.min(LIST_PAGE, count);
  const listed: WatchSpec = {
    all: [
      { selector: 'h1', text: 'Your workshops', visible: true },
      { selector: 'main li h2 a[href^="#/w/"]', count: page1 },
      { selector: 'main li progress', count: page1 },
      { selector: 'main button', text: `Show ${LIST_PAGE} more workshops`, visible: true },
    ],
  };
  const runs: Mark[] = [];
  const more: Mark[] = [];
  for (let i = 0; i <= RUNS; i += 1) {
    await throttle(cdp, THROTTLE);
    const measure = () => timeHashChange(page, '#/', listed);
    const mark = i === RUNS ? await profiled(cdp, 'list', measure) : await measure();
    // Also timed: the person asks for the next 50 (click to the 100th card with its progress bar).
    const next = await page.evaluate(
      async ({ page1, page2 }) => {
        const probe = window.__bench!;
        const key = `more-${Math.random()}`;
        probe.watch(key, {
          all: [
            { selector: 'main li h2 a[href^="#/w/"]', count: page1 + page2 },
            { selector: 'main li progress', count: page1 + page2 },
          ],
        });
        const button = [...document.querySelectorAll('main button')].find((b) =>
          b.textContent?.trim().startsWith('Show '),
        );
        if (!(button instanceof HTMLButtonElement)) throw new Error('no "Show more" button');
        const start = performance.now();
        button.click();
        const mark = await probe.when(key);
        return { dom: mark.dom - start, frame: mark.frame - start };
      },
      { page1, page2: Math.min(LIST_PAGE, count - page1) },
    );
    if (i > 0) {
      runs.push(mark); // the first is a warm-up
      more.push(next);
    }
    await throttle(cdp, 1);
    await timeHashChange(page, '#/about', h1Spec('About this device'));
    await sleep(300);
  }
  // What part of it is reading every workshop (the home screen sorts them all, newest first).
  await throttle(cdp, THROTTLE);
  const reads: { workshops: number; ms: number }[] = [];
  for (let i = 0; i < 5; i += 1) {
    reads.push(
      await page.evaluate(async (name) => {
        const db = await window.__bench!.openExisting(name);
        const start = performance.now();
        const req = db.transaction('workshops', 'readonly').objectStore('workshops').getAll();
        const all = await new Promise<unknown[]>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
        const ms = performance.now() - start;
        db.close();
        return { workshops: all.length, ms };
      }, DB_NAME),
    );
  }
  const factor = await throttleCheck(page, cdp);
  await throttle(cdp, 1);
  await clearDb(page);
  await page.close();
  return { runs, more, reads, factor, seeded };
}

export async function listStage({ context, app }: StageContext): Promise<StageReport> {
  log('Home screen, 1,000 workshops...');
  const list = await benchList(context, app);
  log(`  ${fmt(list.runs.map((r) => r.dom))} ms (${list.seeded.groups} groups, ${list.seeded.ratings} scores)`);
  log(`  "Show ${LIST_PAGE} more", click to shown: ${fmt(list.more.map((r) => r.dom))} ms`);
  const readMs = median(list.reads.map((r) => r.ms));
  log(`  reading every workshop (not their groups and scores) in one transaction: ${readMs.toFixed(0)} ms`);
  return {
    results: [
      { metric: 'list-1000-workshops-ms', value: round(median(list.runs.map((r) => r.dom))), unit: 'ms', budget: 300 },
      { metric: 'list-1000-show-more-ms', value: round(median(list.more.map((r) => r.dom))), unit: 'ms', budget: null },
    ],
    notes: [`list: reading every workshop takes ${readMs.toFixed(0)} ms of it`],
    throttle: list.factor,
  };
}
