// Updating to a new version in Chromium, against two real builds: the prompt appears while the app is
// open, and reloading into the new version keeps everything typed, even text still waiting to be saved.
// Build A is `dist/` (build it first: `npm run build`); build B is made here with APP_BUILD_LABEL=b.
// The tests share one browser profile and run in order: A -> B (reload), B -> A ("Not now"), then
// A takes over while a second tab is typing, then C (A with the next database schema version) takes
// over both tabs: the upgrade runs and nothing typed or chosen is lost.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import { UPGRADE_STAMP } from './next-schema.vite.config.ts';
import {
  addGroup,
  containsAll,
  createWorkshop,
  heading,
  launchProfile,
  makeProfileDir,
  readDatabase,
  removeDir,
  REPO_ROOT,
  saved,
  saveFailureEvidence,
  startAppServer,
  tap,
  visible,
  waitForServiceWorker,
  watch,
  type AppServer,
  type BrowserSession,
  type Watch,
} from './harness.ts';
import { orderedSteps } from './steps.ts';

const run = promisify(execFile);

const WORKSHOP = {
  name: 'Update check workshop',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};
const GROUP = 'Amber group';
const OUTCOME = lga2022.outcomes[0]!;
const NOW_LEVEL = 3;
/** Typed just before the new version appears, and not waited for. */
const TYPED_BEFORE = 'Broadband survey 2025: 82% coverage';
/** Typed while the prompt shows, then "Reload to update" at once (well inside the 400 ms debounce). */
const TYPED_AFTER = ', gaps north';
/** Typed in a second tab just before the update in the first tab reloads both. */
const TYPED_OTHER_TAB = '; libraries too';

/** Typed in the second tab just before the version with the new database schema takes over. */
const TYPED_BEFORE_SCHEMA = '; and the leisure centres';

const PROMPT_TEXT = 'A new version of Outcomes Workshop is ready';
const VERSION_B = '0.1.0+b';
const VERSION_C = '0.1.0+c';

/** What IndexedDB holds after the upgrade: its version, the ratings' indexes, and each workshop's stamp. */
async function databaseState(
  page: Page,
): Promise<{ version: number; ratingIndexes: string[]; stamps: unknown[]; ratings: number }> {
  const { version, stores, indexes } = await readDatabase(page, ['workshops', 'ratings']);
  return {
    version,
    ratingIndexes: indexes.ratings!,
    stamps: (stores.workshops as { schemaProbe?: unknown }[]).map((w) => w.schemaProbe),
    ratings: stores.ratings!.length,
  };
}

/** The value shown under "Version" on the About screen. */
async function aboutVersion(page: Page): Promise<string> {
  await page.getByRole('banner').getByRole('link', { name: 'About this device', exact: true }).click();
  const version = page.locator('dt', { hasText: /^Version$/ }).locator('xpath=following-sibling::dd[1]');
  await visible(version);
  return (await version.innerText()).trim();
}

/** What the browser does on its own (on navigations, and now and then): asks the server for a newer sw.js. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('no service worker registration');
    await registration.update();
  });
}

/**
 * Stops the page's clock (Playwright's fake timers, installed when the profile opened), so the 400 ms
 * save debounce cannot run: text typed from now on is certainly still waiting, however slow the machine.
 */
async function holdTimers(page: Page): Promise<void> {
  // pauseAt only goes forward: aim a little ahead of the page's clock, and again if a slow round trip
  // let the page's time pass the mark first.
  for (let attempt = 1; ; attempt += 1) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 250);
      return;
    } catch (error) {
      if (attempt >= 5 || !/past/i.test(String(error))) throw error;
    }
  }
}

/** Moves the caret to the end of the field's text and types there, key by key. */
async function typeAtEnd(page: Page, field: Locator, text: string): Promise<void> {
  await field.evaluate((el) => {
    const area = el as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  });
  await page.keyboard.type(text);
}

/**
 * Builds another version into a temporary directory, as a production build (Vitest sets
 * NODE_ENV=test): B is this app with a version label; C also has the next database schema version.
 */
async function buildVersion(outDir: string, label: string, config?: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, APP_BUILD_LABEL: label, NODE_ENV: 'production' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
  const configArgs = config ? ['--config', config] : [];
  await run('npx', ['vite', 'build', ...configArgs, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env,
    timeout: 90_000,
  });
}

describe.sequential('a new version while the app is open', () => {
  let server: AppServer;
  let port = 0;
  let buildDir = '';
  let distB = '';
  let distC = '';
  let profile = '';
  let session: BrowserSession | null = null;
  let recorder: Watch;
  let scoringUrl = '';

  const failuresDir = path.join(REPO_ROOT, 'test-results', 'e2e-update-failures');

  beforeAll(async () => {
    await rm(failuresDir, { recursive: true, force: true });
    buildDir = await makeProfileDir('build-b');
    distB = path.join(buildDir, 'dist-b');
    distC = path.join(buildDir, 'dist-c');
    await buildVersion(distB, 'b');
    await buildVersion(distC, 'c', 'tests/e2e/next-schema.vite.config.ts');
    server = await startAppServer(); // build A: dist/
    port = server.port;
    profile = await makeProfileDir('update');
  });

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await server?.stop();
    for (const dir of [profile, buildDir]) if (dir) await removeDir(dir);
  });

  /** Serves another build on the same port (same origin: the profile keeps its data and service worker). */
  async function serve(outDir?: string): Promise<void> {
    await server.stop();
    server = await startAppServer({ port, outDir });
  }

  const saveFailure = (name: string) => saveFailureEvidence(session?.page, failuresDir, name);
  // The tests build on each other: after a failure the later ones are skipped, not failed.
  const step = orderedSteps((name) => saveFailure(name));

  step('offers the new version, and reloading into it keeps all typed text and choices', async () => {
    session = await launchProfile(profile);
    const { page, context } = session;
    page.setDefaultTimeout(10_000);
    recorder = await watch(context, server.origin);
    // Fake timers that run in real time until `holdTimers`; installed before the first page loads.
    await context.clock.install();

    // First visit to build A; the page is controlled by A's service worker after one reload.
    await page.goto(server.url);
    await visible(heading(page, 'Your workshops'));
    await waitForServiceWorker(page);
    expect(await aboutVersion(page)).not.toBe(VERSION_B); // build A has no label

    await page.getByRole('banner').getByRole('link', { name: 'Outcomes Workshop', exact: true }).click();
    await visible(heading(page, 'Your workshops'));
    await createWorkshop(page, WORKSHOP);
    await addGroup(page, GROUP);
    await page.getByRole('link', { name: GROUP, exact: true }).click();
    await visible(heading(page, GROUP));
    await visible(heading(page, OUTCOME.title, 2));

    const now = page.getByRole('group', { name: containsAll(OUTCOME.title, 'now') });
    const level = now.getByRole('radio', { name: new RegExp(`^${NOW_LEVEL}\\b`) });
    await level.check(tap);
    await saved(page);

    const evidence = page.getByRole('textbox', { name: /^Evidence/ });
    scoringUrl = page.url();
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await typeAtEnd(page, evidence, TYPED_BEFORE);

    // At once, without waiting for the save: build B goes live and the browser checks for an update.
    await serve(distB);
    await checkForUpdate(page);
    const prompt = page.getByRole('region').filter({ hasText: PROMPT_TEXT });
    await visible(prompt, 20_000);
    // The prompt came to the open page (no reload), and the typing is still there.
    expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);
    expect(await evidence.inputValue()).toBe(TYPED_BEFORE);

    // More typing while the prompt shows, and "Reload to update" before the save's debounce has run.
    await holdTimers(page);
    await typeAtEnd(page, evidence, TYPED_AFTER);
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await prompt.getByRole('button', { name: 'Reload to update', exact: true }).click();
    await reloaded;
    await page.clock.resume();

    // Build B is in control, and the same outcome shows everything that was typed and chosen.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !!registration && !registration.waiting && registration.active === navigator.serviceWorker.controller;
    });
    expect(page.url()).toBe(scoringUrl);
    await visible(heading(page, OUTCOME.title, 2));
    await expect.poll(() => evidence.inputValue()).toBe(TYPED_BEFORE + TYPED_AFTER);
    expect(await level.isChecked()).toBe(true);
    expect(await page.getByText(PROMPT_TEXT).count()).toBe(0);
    expect(await aboutVersion(page)).toBe(VERSION_B);

    expect(recorder.requestCount).toBeGreaterThan(0);
    expect(recorder.serviceWorkerRequestCount).toBeGreaterThan(0);
    expect(recorder.offOrigin).toEqual([]);
    expect(recorder.cspViolations).toEqual([]);
    recorder.assertClean();
  });

  step('"Not now" hides the prompt and keeps the running version', async () => {
    const page = session!.page;
    // Any different build is a new version to the browser: serve A again (its sw.js differs from B's).
    await serve();
    await checkForUpdate(page);
    const prompt = page.getByRole('region').filter({ hasText: PROMPT_TEXT });
    await visible(prompt, 20_000);
    await prompt.getByRole('button', { name: 'Not now', exact: true }).click();
    await prompt.waitFor({ state: 'hidden' });
    expect(await aboutVersion(page)).toBe(VERSION_B);

    // A plain reload keeps the running version while the new one waits, and offers it again.
    await page.reload();
    await visible(prompt, 10_000);
    expect(await aboutVersion(page)).toBe(VERSION_B);

    expect(recorder.offOrigin).toEqual([]);
    expect(recorder.cspViolations).toEqual([]);
    recorder.assertClean();
  });

  step('keeps the typing of another open tab, which reloads when the new version takes over', async () => {
    // Build A is waiting (from the test before). A second tab opens the scoring screen and offers it too.
    const page = session!.page;
    const other = await session!.context.newPage();
    other.setDefaultTimeout(10_000);
    await other.goto(scoringUrl);
    await visible(heading(other, OUTCOME.title, 2));
    await visible(other.getByRole('region').filter({ hasText: PROMPT_TEXT }));
    const evidence = other.getByRole('textbox', { name: /^Evidence/ });
    await expect.poll(() => evidence.inputValue()).toBe(TYPED_BEFORE + TYPED_AFTER);

    // Someone types in the second tab while "Reload to update" is pressed in the first.
    await holdTimers(other);
    await typeAtEnd(other, evidence, TYPED_OTHER_TAB);
    const otherReloaded = other.waitForEvent('load', { timeout: 20_000 });
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Reload to update', exact: true }).click();
    await Promise.all([otherReloaded, reloaded]);
    await other.clock.resume();

    await visible(heading(other, OUTCOME.title, 2));
    await expect.poll(() => evidence.inputValue()).toBe(TYPED_BEFORE + TYPED_AFTER + TYPED_OTHER_TAB);
    expect(await aboutVersion(other)).not.toBe(VERSION_B);
    expect(await aboutVersion(page)).not.toBe(VERSION_B);

    expect(recorder.offOrigin).toEqual([]);
    expect(recorder.cspViolations).toEqual([]);
    recorder.assertClean();
  });

  step(
    'a new version that changes the database schema: the upgrade runs with two tabs open and loses nothing',
    async () => {
      // Both tabs run A on the scoring screen (from the test before).
      const page = session!.page;
      const other = session!.context.pages().find((p) => p !== page);
      if (!other) throw new Error('the second tab of the test before is not open');
      const before = await databaseState(page);
      expect(before.stamps.every((stamp) => stamp === undefined)).toBe(true);
      for (const tab of [page, other]) await tab.goto(scoringUrl);
      const evidence = other.getByRole('textbox', { name: /^Evidence/ });
      const typedSoFar = TYPED_BEFORE + TYPED_AFTER + TYPED_OTHER_TAB;
      await expect.poll(() => evidence.inputValue()).toBe(typedSoFar);

      // Build C goes live; the second tab is typing (not yet saved) when the first reloads into C.
      await serve(distC);
      await checkForUpdate(page);
      const prompt = page.getByRole('region').filter({ hasText: PROMPT_TEXT });
      await visible(prompt, 20_000);
      await holdTimers(other);
      await typeAtEnd(other, evidence, TYPED_BEFORE_SCHEMA);
      const otherReloaded = other.waitForEvent('load', { timeout: 20_000 });
      const reloaded = page.waitForEvent('load', { timeout: 20_000 });
      await prompt.getByRole('button', { name: 'Reload to update', exact: true }).click();
      await Promise.all([otherReloaded, reloaded]);
      await other.clock.resume();

      // Both tabs run C; the schema upgrade ran once, and every record and every keystroke is there.
      for (const tab of [page, other]) {
        await visible(heading(tab, OUTCOME.title, 2));
        await expect
          .poll(() => tab.getByRole('textbox', { name: /^Evidence/ }).inputValue())
          .toBe(typedSoFar + TYPED_BEFORE_SCHEMA);
        const level = tab
          .getByRole('group', { name: containsAll(OUTCOME.title, 'now') })
          .getByRole('radio', { name: new RegExp(`^${NOW_LEVEL}\\b`) });
        expect(await level.isChecked()).toBe(true);
      }
      const after = await databaseState(page);
      expect(after.version).toBeGreaterThan(before.version);
      expect(after.ratingIndexes).toEqual([...before.ratingIndexes, 'updatedAt'].sort());
      expect(after.stamps).toEqual(before.stamps.map(() => UPGRADE_STAMP));
      expect(after.ratings).toBe(before.ratings);
      expect(await aboutVersion(page)).toBe(VERSION_C);
      expect(await aboutVersion(other)).toBe(VERSION_C);

      expect(recorder.offOrigin).toEqual([]);
      expect(recorder.cspViolations).toEqual([]);
      recorder.assertClean();
    },
  );
});
