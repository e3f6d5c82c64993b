// Storage faults in Chromium against the production build: the device runs out of space in the
// middle of scoring, and a browser that will not let the app store anything at all. Either way the
// person sees a clear "not saved" state, the screen keeps working, and the workshop can be exported
// with what is on the screen. Build first: `npm run build`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addGroup,
  answerOutcome,
  containsAll,
  createWorkshop,
  heading,
  openApp,
  openHome,
  readDatabase,
  saved,
  storageFullSwitch,
  tap,
  visible,
  type AppServer,
  type BrowserSession,
  type OpenedApp,
  type Watch,
} from './harness.ts';

const WORKSHOP = {
  name: 'Storage fault drill',
  organisation: 'Northfield District Council',
  date: '2026-11-27',
  facilitator: 'Ana Silva',
};
const GROUP = 'Red group';

/** The stored rating for the group's first outcome ("Connectivity"), read straight from IndexedDB. */
async function storedConnectivity(page: Page): Promise<{ now: unknown; target: unknown; evidence: unknown } | null> {
  const { stores } = await readDatabase(page, ['ratings']);
  const rating = (stores.ratings as { outcomeId: string; now: unknown; target: unknown; evidence: unknown }[]).find(
    (r) => r.outcomeId === 'connectivity',
  );
  return rating ? { now: rating.now, target: rating.target, evidence: rating.evidence } : null;
}

describe.sequential('storage faults', () => {
  let app: OpenedApp | undefined;
  let server: AppServer;
  let downloads: string;
  let session: BrowserSession;
  let watched: Watch;

  beforeAll(async () => {
    app = await openApp('storage', { folders: ['downloads'] });
    ({ server, session, watched } = app);
    [downloads] = app.folders as [string];
    await session.context.addInitScript(storageFullSwitch);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a full device: says "not saved", keeps the change for export, and saves it once there is space', async () => {
    const { page } = session;
    await openHome(page, server.url);
    await createWorkshop(page, WORKSHOP);
    await addGroup(page, GROUP);
    await page.getByRole('link', { name: GROUP, exact: true }).click();
    await answerOutcome(page, 'Connectivity', { now: 2, target: 4, confidence: 'Medium' });
    await saved(page);

    // The device fills up; the next tap cannot be stored.
    await page.evaluate(() => (window.__storageFull = true));
    const now = page.getByRole('group', { name: containsAll('Connectivity', 'now') });
    await now.getByRole('radio', { name: /^3\b/ }).check(tap);
    const alert = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Not saved: this device is out of storage space' }) });
    await visible(alert);
    await expect(alert.innerText()).resolves.toContain('including the changes not saved');
    // The banner stays in view although the level tapped is far down the screen.
    const box = await alert.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
    await visible(page.getByRole('status').filter({ hasText: 'Not saved: this device has run out of storage space.' }));
    // The screen still shows what was tapped, and nothing is blank.
    await expect(now.getByRole('radio', { name: /^3\b/ }).isChecked()).resolves.toBe(true);
    await visible(heading(page, 'Connectivity', 2));
    expect(await storedConnectivity(page)).toEqual({ now: 2, target: 4, evidence: '' });

    // Typed text that cannot be stored is kept too.
    await page.getByRole('textbox', { name: /^Evidence/ }).fill('Fibre survey, March 2026.');
    await page.waitForTimeout(800); // past the 400 ms pause after typing, so the write has been tried
    expect(await storedConnectivity(page)).toEqual({ now: 2, target: 4, evidence: '' });

    // Export from the banner: the file has what is on the screen, including both unsaved changes.
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await alert.getByRole('button', { name: 'Export this workshop now', exact: true }).click();
    const done = await download;
    const file = path.join(downloads, done.suggestedFilename());
    await done.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      workshop: { name: string; ratings: { outcomeId: string; now: unknown; target: unknown; evidence: string }[] };
    };
    expect(exported.workshop.name).toBe(WORKSHOP.name);
    const rating = exported.workshop.ratings.find((r) => r.outcomeId === 'connectivity');
    expect(rating).toMatchObject({ now: 3, target: 4, evidence: 'Fibre survey, March 2026.' });

    // Other screens still open while the device is full (reads work).
    await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await visible(heading(page, WORKSHOP.name));
    await visible(alert);

    // Space is freed; the next change saves, and takes the earlier unsaved ones with it.
    await page.evaluate(() => (window.__storageFull = false));
    await page.getByRole('link', { name: GROUP, exact: true }).click();
    // The group opens at its first outcome not yet scored; Connectivity is scored, so step back to it.
    await visible(heading(page, 'Data', 2));
    await page.getByRole('button', { name: 'Previous outcome', exact: true }).click();
    await visible(heading(page, 'Connectivity', 2));
    const target = page.getByRole('group', { name: containsAll('Connectivity', 'target') });
    await target.getByRole('radio', { name: /^5\b/ }).check(tap);
    await saved(page);
    await expect(alert.count()).resolves.toBe(0);
    await expect
      .poll(() => storedConnectivity(page), { timeout: 10_000 })
      .toEqual({ now: 3, target: 5, evidence: 'Fibre survey, March 2026.' });
    watched.assertClean();
  });

  for (const [label, script] of [
    ['no IndexedDB at all', () => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true })],
    [
      'storage blocked by a browser setting (opening the database throws SecurityError)',
      () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('Access to storage is not allowed from this context.', 'SecurityError');
        };
      },
    ],
  ] as const) {
    it(`a browser that stores nothing (${label}): a clear message, never a blank screen`, async () => {
      const context = await session.context.browser()?.newContext();
      // A persistent context has no browser object; use a second page with the fault in its own init script.
      const page = context ? await context.newPage() : await session.context.newPage();
      await page.addInitScript(script);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(server.url);
      await visible(heading(page, 'Your workshops'));
      const alert = page
        .getByRole('alert')
        .filter({ has: page.getByRole('heading', { name: 'This browser is not saving anything' }) });
      await visible(alert);
      await expect(alert.innerText()).resolves.toMatch(/private or incognito windows/);
      await visible(page.getByRole('button', { name: 'New workshop', exact: true }));
      // Trying anyway: the form stays, with the "not saved" status, and nothing breaks.
      await page.getByRole('button', { name: 'New workshop', exact: true }).click();
      await visible(heading(page, 'New workshop'));
      await page.getByLabel('Workshop name').fill('Will not be kept');
      await page.getByLabel('Date').fill('2026-11-27');
      await page.getByRole('button', { name: 'Create workshop', exact: true }).click();
      await visible(
        page.getByRole('status').filter({ hasText: 'Not saved: this browser is not letting the app store anything.' }),
      );
      await visible(heading(page, 'New workshop'));
      await visible(alert);
      expect(errors).toEqual([]);
      await page.close();
      await context?.close();
    });
  }
});
