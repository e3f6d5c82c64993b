// The whole workshop journey in Chromium against the production build, mostly with the server off.
// Build first: `npm run build`. The steps share one browser profile, so they run in order.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import {
  addGroup,
  answerOutcome,
  chooseImportFile,
  createWorkshop,
  exportWorkshop,
  heading,
  installabilityErrors,
  launchProfile,
  makeProfileDir,
  openHome,
  removeDir,
  REPO_ROOT,
  saved,
  saveFailureEvidence,
  spawnProfile,
  startAppServer,
  visible,
  waitForServiceWorker,
  watch,
  type Answer,
  type AppServer,
  type BrowserSession,
  type KillableSession,
  type Watch,
} from './harness.ts';
import { orderedSteps } from './steps.ts';

const WORKSHOP = {
  name: 'Riverside digital review',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};
const EVIDENCE = 'Coverage map from 2025 shows gaps in the north of the borough.';
const NOTES = 'Ask the libraries team about free Wi-Fi use.';
const outcomes = lga2022.outcomes;

const CONFIDENCE = ['Low', 'Medium', 'High'] as const;
const answersA: Answer[] = outcomes.map((_, i) => ({
  now: (i % 5) + 1,
  target: Math.min(5, (i % 5) + 2),
  confidence: CONFIDENCE[i % 3] ?? 'Low',
}));
const answersB: Answer[] = outcomes.map((_, i) => ({
  now: i === 1 ? 'Not sure' : ((i + 2) % 5) + 1,
  target: 5 - (i % 3),
  confidence: CONFIDENCE[(i + 1) % 3] ?? 'Low',
}));
const GROUPS = [
  { name: 'Blue group', answers: answersA },
  { name: 'Green group', answers: answersB },
];

async function openWorkshopFromHome(page: Page): Promise<void> {
  await visible(heading(page, 'Your workshops'));
  await page.getByRole('link', { name: WORKSHOP.name, exact: true }).click();
  await visible(heading(page, WORKSHOP.name));
}

/** The results table's text, row by row, to compare between browsers. */
async function resultsTable(page: Page): Promise<string[][]> {
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await visible(heading(page, 'Results'));
  await visible(page.getByRole('img').and(page.locator('svg')).first());
  const table = await visible(page.getByRole('table'));
  const rows = await table.getByRole('row').all();
  return Promise.all(
    rows.map(async (row) =>
      (
        await row.getByRole('cell').or(row.getByRole('columnheader')).or(row.getByRole('rowheader')).allInnerTexts()
      ).map((t) => t.trim()),
    ),
  );
}

/** Scores every outcome of one group, from the first, with the given answers. */
async function scoreGroup(page: Page, groupName: string, answers: Answer[]): Promise<void> {
  await page.getByRole('link', { name: groupName, exact: true }).click();
  await visible(heading(page, groupName));
  for (const [i, outcome] of outcomes.entries()) {
    const answer = answers[i];
    if (!answer) throw new Error(`no answer for outcome ${i}`);
    await answerOutcome(page, outcome.title, answer);
    if (i === 0 && groupName === GROUPS[0]?.name) {
      await page.getByRole('textbox', { name: /^Evidence/ }).fill(EVIDENCE);
      await page.getByRole('textbox', { name: /^Notes/ }).fill(NOTES);
    }
    await visible(page.getByText(`${i + 1} of ${outcomes.length} scored`));
    await saved(page);
    if (i < outcomes.length - 1) await page.getByRole('button', { name: 'Next outcome', exact: true }).click();
  }
  await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
  await visible(heading(page, WORKSHOP.name));
}

describe.sequential('a workshop, offline, from first visit to import', () => {
  // Each step builds on the one before: after a failure the later steps are skipped, not failed.
  const step = orderedSteps((name) => saveFailure(name));

  let server: AppServer;
  let profile: string;
  let freshProfile: string;
  let downloads: string;
  let session: KillableSession | null = null;
  let fresh: BrowserSession | null = null;
  const watches: Watch[] = [];
  let exported = '';
  let resultsBefore: string[][] = [];

  const failuresDir = path.join(REPO_ROOT, 'test-results', 'e2e-failures');

  beforeAll(async () => {
    await rm(failuresDir, { recursive: true, force: true });
    server = await startAppServer();
    profile = await makeProfileDir('workshop');
    freshProfile = await makeProfileDir('fresh');
    downloads = await makeProfileDir('downloads');
  });

  afterEach(() => {
    // Every step: nothing may leave the origin, break the CSP or throw in the page.
    for (const w of watches) w.assertClean();
  });

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await fresh?.close().catch(() => undefined);
    await server?.stop();
    for (const dir of [profile, freshProfile, downloads]) if (dir) await removeDir(dir);
  });

  /** Keeps a screenshot and the text of every open page, to see why a step failed. */
  async function saveFailure(name: string): Promise<void> {
    const pages = [session?.page, fresh?.page].filter((p): p is Page => p !== undefined && !p.isClosed());
    for (const [i, page] of pages.entries()) await saveFailureEvidence(page, failuresDir, name, { suffix: `-${i}` });
  }

  async function open(dir: string): Promise<KillableSession> {
    const s = await spawnProfile(dir);
    s.page.setDefaultTimeout(10_000);
    watches.push(await watch(s.context, server.origin));
    return s;
  }

  step('works after the first visit with the server stopped, and is installable', async () => {
    session = await open(profile);
    const { page } = session;
    await page.goto(server.url);
    await visible(heading(page, 'Your workshops'));
    await waitForServiceWorker(page);
    expect(await installabilityErrors(page)).toEqual([]);

    await server.stop();
    await page.reload();
    await visible(heading(page, 'Your workshops'));
  });

  step('creates a workshop, adds two groups and scores all 12 outcomes, offline', async () => {
    const page = session!.page;
    await createWorkshop(page, WORKSHOP);
    for (const group of GROUPS) await addGroup(page, group.name);
    for (const group of GROUPS) await scoreGroup(page, group.name, group.answers);

    resultsBefore = await resultsTable(page);
    // One row per outcome (plus headers), each showing both groups' answers.
    for (const [i, outcome] of outcomes.entries()) {
      const row = resultsBefore.find((cells) => cells.some((c) => c.includes(outcome.title)));
      expect(row, `results row for ${outcome.title}`).toBeDefined();
      const text = row!.join(' | ');
      for (const group of GROUPS) {
        const answer = group.answers[i]!;
        expect(text).toContain(String(answer.target));
        if (answer.now !== 'Not sure') expect(text).toContain(String(answer.now));
      }
    }
  });

  step('keeps everything when the browser is killed and reopened offline', async () => {
    await session!.kill();
    session = await open(profile);
    const { page } = session;
    await openHome(page, server.url); // the server is still stopped: the service worker answers
    await openWorkshopFromHome(page);
    for (const group of GROUPS) await visible(page.getByRole('link', { name: group.name, exact: true }));

    await page.getByRole('link', { name: GROUPS[0]!.name, exact: true }).click();
    await visible(page.getByText(`${outcomes.length} of ${outcomes.length} scored`));
    await visible(heading(page, outcomes[0]!.title, 2));
    expect(await page.getByRole('textbox', { name: /^Evidence/ }).inputValue()).toBe(EVIDENCE);
    expect(await page.getByRole('textbox', { name: /^Notes/ }).inputValue()).toBe(NOTES);
    await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await visible(heading(page, WORKSHOP.name));

    expect(await resultsTable(page)).toEqual(resultsBefore);
  });

  step('exports, and a fresh browser profile imports the same results', async () => {
    const page = session!.page;
    await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await visible(heading(page, WORKSHOP.name));
    const { file, suggestedName } = await exportWorkshop(page, downloads);
    expect(suggestedName).toMatch(/^riverside-digital-review-\d{4}-\d{2}-\d{2}\.json$/);
    exported = file;
    expect(JSON.parse(await readFile(exported, 'utf8'))).toBeTypeOf('object');
    await session!.close();
    session = null;

    await server.start(); // same port, so a fresh profile can load the app
    fresh = await launchProfile(freshProfile);
    fresh.page.setDefaultTimeout(10_000);
    watches.push(await watch(fresh.context, server.origin));
    const freshPage = fresh.page;
    await openHome(freshPage, server.url);
    await chooseImportFile(freshPage, exported);
    await freshPage.getByRole('button', { name: 'Confirm import', exact: true }).click();
    // Soft, so that the imported results are still compared when the message is missing.
    const told = await visible(freshPage.getByRole('status').filter({ hasText: /^\s*Imported/ }), 5_000).then(
      () => true,
      () => false,
    );
    expect.soft(told, 'a status message starting "Imported" after "Confirm import"').toBe(true);

    await openHome(freshPage, server.url);
    await openWorkshopFromHome(freshPage);
    for (const group of GROUPS) await visible(freshPage.getByRole('link', { name: group.name, exact: true }));
    expect(await resultsTable(freshPage)).toEqual(resultsBefore);
  });

  // Needs only the exported file and the fresh profile, so it runs even if the last step failed later on.
  it('shows an error for a damaged file and changes nothing', async (ctx) => {
    if (!fresh || !exported) ctx.skip(`needs the export and the fresh profile (failed: ${step.failed})`);
    ctx.onTestFailed(() => saveFailure('damaged file'));
    const page = fresh!.page;
    const text = await readFile(exported, 'utf8');
    const truncated = path.join(downloads, 'truncated.json');
    await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
    const tampered = path.join(downloads, 'tampered.json');
    await writeFile(tampered, text.replace(/"target":\s*\d/, '"target": 9'));
    expect(await readFile(tampered, 'utf8')).not.toBe(text);

    for (const file of [truncated, tampered]) {
      await openHome(page, server.url);
      await chooseImportFile(page, file);
      await visible(page.getByRole('alert').filter({ hasText: 'Nothing has been imported' }));
      expect(await page.getByRole('button', { name: 'Confirm import', exact: true }).count()).toBe(0);
    }

    await openHome(page, server.url);
    expect(await page.getByRole('link', { name: WORKSHOP.name, exact: true }).count()).toBe(1);
    await openWorkshopFromHome(page);
    expect(await resultsTable(page)).toEqual(resultsBefore);
  });

  it('sent no request to any other origin, from pages or the service worker', () => {
    expect(watches.length).toBeGreaterThan(0);
    // The first visit's precache proves the service worker's requests are being watched.
    expect(watches[0]!.serviceWorkerRequestCount).toBeGreaterThan(0);
    for (const w of watches) expect(w.offOrigin).toEqual([]);
  });
});
