// The core journey in WebKit, the engine of Safari on iPad: first visit, create, score, reload with
// the server stopped, export, import. Drives WebKitGTK's MiniBrowser through WebKitWebDriver (see
// webkit-harness.ts) against the production build: run `npx vite build` first.
// Elements are found by what people see and assistive technology reads: headings, button and link
// text, field labels, radio group legends and the radios' values; clicks are WebDriver element clicks.
// What WebKit does differently from Chromium is written to test-results/webkit-report.json and
// described in docs/reliability.md.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import { REPO_ROOT, startAppServer, type AppServer } from '../e2e/harness.ts';
import { orderedSteps } from '../e2e/steps.ts';
import { openWebKit, withTimeout, type WebKitBrowser, type WebKitSession } from './webkit-harness.ts';

const WORKSHOP = {
  name: 'Riverside digital review',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};
const GROUP = 'Blue group';
const FILE_NAME = 'riverside-digital-review-2026-11-27.json';
const EVIDENCE_FIRST = 'Coverage map from 2025 shows gaps in the north of the borough.';
const EVIDENCE_LAST = 'Budget papers for 2026: savings targets set per service.';
const outcomes = lga2022.outcomes;
const CONFIDENCE = ['low', 'medium', 'high'] as const;
const answers = outcomes.map((_, i) => ({
  now: (i % 5) + 1,
  target: Math.min(5, (i % 5) + 2),
  confidence: CONFIDENCE[i % 3] ?? 'low',
}));

const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const FAILURES_DIR = path.join(RESULTS_DIR, 'webkit-failures');

// ---------------------------------------------------------------------------------------------
// Finding things by what is on screen

/** A string as an XPath literal (XPath 1 has no escapes: quotes are joined with concat()). */
function lit(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join(`, '"', `)})`;
}

const xp = {
  heading: (name: string, level = 1) => `//h${level}[normalize-space()=${lit(name)}]`,
  button: (name: string) => `//button[normalize-space()=${lit(name)}]`,
  /** A button whose text starts with the name (for "Next outcome →", whose arrow is aria-hidden). */
  buttonStarting: (name: string) => `//button[starts-with(normalize-space(), ${lit(name)})]`,
  link: (name: string) => `//a[normalize-space()=${lit(name)}]`,
  label: (name: string) => `//label[normalize-space()=${lit(name)}]`,
  /** A radio in the group (fieldset) named by its legend, by its value attribute. */
  radio: (legend: string, value: string | number) =>
    `//fieldset[legend[normalize-space()=${lit(legend)}]]//input[@type="radio"][@value=${lit(String(value))}]`,
  status: (startsWith: string) => `//*[@role="status"][starts-with(normalize-space(), ${lit(startsWith)})]`,
  text: (text: string) => `//*[normalize-space()=${lit(text)}]`,
};

let browser: WebKitBrowser;

async function shown(selector: string, timeout = 10_000) {
  const element = await browser.$(selector);
  await element.waitForDisplayed({
    timeout,
    timeoutMsg: `not shown within ${timeout / 1000} s: ${selector}`,
  });
  return element;
}

async function click(selector: string) {
  await (await shown(selector)).click();
}

/** The form control a visible label points to (`<label for>`). */
async function field(label: string) {
  const id = await (await shown(xp.label(label))).getAttribute('for');
  if (!id) throw new Error(`the label "${label}" names no control`);
  return shown(`[id=${lit(id)}]`);
}

/** Waits for the "Saved" status: the last change has reached IndexedDB. */
async function saved() {
  await shown(`//*[@role="status"][normalize-space()="Saved"]`);
}

declare global {
  interface Window {
    __pageErrors?: string[];
  }
}

/**
 * Records uncaught errors, rejected promises and CSP violations in the page from now on (WebDriver
 * classic gives no console log in WebKitGTK, so this is installed after each page load).
 */
async function watchPage() {
  await browser.execute(() => {
    if (window.__pageErrors) return;
    const errors: string[] = [];
    window.__pageErrors = errors;
    addEventListener('error', (e) => errors.push(`error: ${e.message}`));
    addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String(e.reason)}`));
    document.addEventListener('securitypolicyviolation', (e) =>
      errors.push(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
}

/** Fails if the page recorded any error since `watchPage()`. */
async function expectNoPageErrors() {
  expect(await browser.execute(() => window.__pageErrors ?? ['the page was not being watched'])).toEqual([]);
}

/** Waits until `check` is true, polling, with a message that says what was awaited. */
async function until(check: () => Promise<boolean>, message: string, timeout = 10_000) {
  await browser.waitUntil(check, { timeout, interval: 100, timeoutMsg: message });
}

// ---------------------------------------------------------------------------------------------
// What differs from Chromium, for the report

interface Report {
  engine: string;
  userAgent: string;
  startup: WebKitSession['startup'] | null;
  /** What the page can use: the app must cope where any of these is missing. */
  features: Record<string, string | boolean>;
  timings: Record<string, number>;
}

const report: Report = { engine: '', userAgent: '', startup: null, features: {}, timings: {} };

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    report.timings[name] = Date.now() - start;
  }
}

// ---------------------------------------------------------------------------------------------

describe.sequential('WebKit: a workshop from first visit to import', () => {
  // Each step builds on the one before: after a failure the later steps are skipped, not failed.
  const step = orderedSteps(saveFailure);

  let server: AppServer;
  let session: WebKitSession | null = null;
  let exported = '';

  async function open(label: string): Promise<void> {
    session = await timed(label, () => openWebKit());
    browser = session.browser;
    report.engine = session.browserVersion;
    report.startup ??= session.startup;
    await browser.setTimeout({ pageLoad: 60_000, script: 30_000 });
  }

  beforeAll(async () => {
    await rm(FAILURES_DIR, { recursive: true, force: true });
    server = await startAppServer();
    await open('first session');
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(path.join(RESULTS_DIR, 'webkit-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  });

  /** Keeps a screenshot, the page's text and the driver's output, to see why a step failed. */
  async function saveFailure(name: string): Promise<void> {
    if (!session) return;
    await mkdir(FAILURES_DIR, { recursive: true });
    const base = path.join(FAILURES_DIR, name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60));
    await withTimeout(browser.saveScreenshot(`${base}.png`), 10_000, 'screenshot').catch(() => undefined);
    const text = await withTimeout(
      browser.execute(() => `${location.href}\n\n${document.body.innerText}`),
      10_000,
      'page text',
    ).catch(String);
    await writeFile(`${base}.txt`, `${text}\n\n--- driver and browser output ---\n${session.driverOutput()}\n`);
  }

  step('first visit: the app starts, and the service worker takes control after one reload', async () => {
    await timed('first load', async () => {
      await browser.url(server.url);
      await shown(xp.heading('Your workshops'));
    });
    await watchPage();

    report.userAgent = await browser.execute(() => navigator.userAgent);
    report.features = await browser.execute(() => {
      const n = navigator as Navigator & { standalone?: boolean };
      return {
        serviceWorker: 'serviceWorker' in navigator,
        indexedDB: typeof indexedDB !== 'undefined',
        'navigator.storage': typeof navigator.storage !== 'undefined',
        'navigator.storage.persist': typeof navigator.storage?.persist === 'function',
        'navigator.storage.estimate': typeof navigator.storage?.estimate === 'function',
        'navigator.share': typeof navigator.share === 'function',
        'navigator.canShare': typeof navigator.canShare === 'function',
        'navigator.standalone': String(n.standalone),
        CompressionStream: typeof CompressionStream === 'function',
        BroadcastChannel: typeof BroadcastChannel === 'function',
        isSecureContext,
      };
    });

    // The app registers its worker after the page's load event; wait until it is active.
    await timed('service worker active', () =>
      until(
        // WebDriver waits for a promise the script returns.
        async () =>
          await browser.execute(() =>
            navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'),
          ),
        'the service worker did not become active within 30 s',
        30_000,
      ),
    );
    expect(await browser.execute(() => navigator.serviceWorker.controller === null)).toBe(true);
    await expectNoPageErrors();

    // registerType 'prompt' does not claim the first page: one reload puts it under the worker.
    await timed('first controlled reload', async () => {
      await browser.refresh();
      await shown(xp.heading('Your workshops'), 30_000);
    });
    await until(
      () => browser.execute(() => navigator.serviceWorker.controller !== null),
      'the page is not controlled by the service worker after a reload',
    );
    await watchPage();
  });

  step('creates a workshop, adds a group and scores all 12 outcomes, with evidence', async () => {
    await click(xp.button('New workshop'));
    await shown(xp.heading('New workshop'));
    await (await field('Workshop name')).setValue(WORKSHOP.name);
    await (await field('Organisation')).setValue(WORKSHOP.organisation);
    await (await field('Facilitator')).setValue(WORKSHOP.facilitator);

    // A date field takes keys in the order it shows its parts (month/day/year in an en-US
    // WebKitGTK), not the ISO text that Chromium's takes; try the two orders, then check the value.
    const date = await field('Date');
    for (const keys of ['11/27/2026', '27/11/2026']) {
      await date.setValue(keys);
      if ((await date.getValue()) === WORKSHOP.date) break;
    }
    expect(await date.getValue(), 'the date field’s value after typing the date').toBe(WORKSHOP.date);

    await click(xp.button('Create workshop'));
    await shown(xp.heading(WORKSHOP.name));

    await (await field('Group name')).setValue(GROUP);
    await click(xp.button('Add group'));
    await click(xp.link(GROUP));
    await shown(xp.heading(GROUP));

    await timed('score 12 outcomes', async () => {
      for (const [i, outcome] of outcomes.entries()) {
        const answer = answers[i]!;
        await shown(xp.heading(outcome.title, 2));
        const now = await shown(xp.radio(`${outcome.title}: where is the council now?`, answer.now));
        await now.click();
        const target = await shown(xp.radio(`${outcome.title}: target, where must the council be?`, answer.target));
        await target.click();
        const confidence = await shown(
          `//fieldset[legend[starts-with(normalize-space(), "How confident")]]//input[@type="radio"][@value=${lit(answer.confidence)}]`,
        );
        await confidence.click();
        expect([await now.isSelected(), await target.isSelected(), await confidence.isSelected()]).toEqual([
          true,
          true,
          true,
        ]);

        const evidence = i === 0 ? EVIDENCE_FIRST : i === outcomes.length - 1 ? EVIDENCE_LAST : '';
        if (evidence) {
          const box = await field('Evidence');
          await box.setValue(evidence);
          // Text is saved after a pause in typing (400 ms): wait for that write too.
          await browser.pause(600);
        }
        await shown(xp.text(`${i + 1} of ${outcomes.length} scored`));
        await saved();
        if (i < outcomes.length - 1) await click(xp.buttonStarting('Next outcome'));
      }
    });
    await expectNoPageErrors();
  });

  step('with the server stopped, a reload starts from the service worker and everything is there', async () => {
    await server.stop();
    await timed('offline reload', async () => {
      await browser.refresh();
      await shown(xp.text(`${outcomes.length} of ${outcomes.length} scored`), 30_000);
    });
    await watchPage();
    expect(await browser.execute(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await shown(xp.heading(outcomes.at(-1)!.title, 2));
    expect(await (await field('Evidence')).getValue()).toBe(EVIDENCE_LAST);

    // Back to the workshop, and into the group again: it opens on the first outcome, all scored.
    await click(xp.link('Back to workshop'));
    await shown(xp.heading(WORKSHOP.name));
    await click(xp.link(GROUP));
    await shown(xp.heading(outcomes[0]!.title, 2));
    expect(await (await field('Evidence')).getValue()).toBe(EVIDENCE_FIRST);
    const first = answers[0]!;
    expect(
      await (await browser.$(xp.radio(`${outcomes[0]!.title}: where is the council now?`, first.now))).isSelected(),
    ).toBe(true);
    expect(
      await (
        await browser.$(xp.radio(`${outcomes[0]!.title}: target, where must the council be?`, first.target))
      ).isSelected(),
    ).toBe(true);

    // The home screen lists the workshop.
    await click(`//header//a[normalize-space()="Outcomes Workshop"]`);
    await shown(xp.heading('Your workshops'));
    await shown(xp.link(WORKSHOP.name));

    // About this device: WebKitGTK has no navigator.storage, so the app must say it cannot tell.
    await click(xp.link('About this device'));
    await shown(xp.heading('About this device'));
    await shown(xp.text('Yes: the app is stored on this device.'));
    if (report.features['navigator.storage.persist'] === false) {
      await shown(xp.text('Unknown: this browser does not say.'));
      await click(xp.button('Ask to keep data on this device'));
      await shown(xp.status('This browser cannot say. Keep exporting your workshops.'));
    }
    await click(xp.link('Back to your workshops'));
    await shown(xp.heading('Your workshops'));
    await expectNoPageErrors();
  });

  step('exports the workshop, offline, as a downloaded JSON file with every score', async () => {
    const downloads = session!.downloadsDir;
    await click(xp.link(WORKSHOP.name));
    await shown(xp.heading(WORKSHOP.name));
    await click(xp.button('Export'));
    await shown(xp.status(`Exported ${FILE_NAME}`));

    // MiniBrowser saves downloads to the XDG downloads folder the harness gives it, without asking.
    exported = path.join(downloads, FILE_NAME);
    await timed('download written', () =>
      until(
        async () => existsSync(exported) && (await readFile(exported, 'utf8')).trimEnd().endsWith('}'),
        `no complete ${FILE_NAME} in the downloads folder`,
      ).catch(async (error: Error) => {
        const held = (await readdir(downloads).catch(() => [])).join(', ') || 'nothing';
        throw new Error(`${error.message}; it holds: ${held}`);
      }),
    );
    const file = JSON.parse(await readFile(exported, 'utf8')) as {
      format: string;
      workshop: {
        name: string;
        date: string;
        groups: { id: string; name: string }[];
        ratings: { outcomeId: string; now: unknown; target: unknown; confidence: unknown; evidence: string }[];
      };
    };
    expect(file.format).toBe('outcomes-workshop');
    expect(file.workshop.name).toBe(WORKSHOP.name);
    expect(file.workshop.date).toBe(WORKSHOP.date);
    expect(file.workshop.groups.map((g) => g.name)).toEqual([GROUP]);
    expect(file.workshop.ratings).toHaveLength(outcomes.length);
    for (const [i, outcome] of outcomes.entries()) {
      const rating = file.workshop.ratings.find((r) => r.outcomeId === outcome.id);
      const answer = answers[i]!;
      expect(rating, outcome.id).toMatchObject({
        now: answer.now,
        target: answer.target,
        confidence: answer.confidence,
      });
    }
    expect(file.workshop.ratings.find((r) => r.outcomeId === outcomes[0]!.id)?.evidence).toBe(EVIDENCE_FIRST);
    await expectNoPageErrors();
  });

  step(
    'an empty browser imports the exported file through the Import button and shows the same workshop',
    async () => {
      // Keep the file: the first session's profile (and its downloads folder) goes with it.
      const kept = path.join(RESULTS_DIR, 'webkit-export.json');
      await mkdir(RESULTS_DIR, { recursive: true });
      await writeFile(kept, await readFile(exported));
      exported = kept;

      await session!.close();
      session = null;
      await server.start(); // same port and origin
      await open('second session');
      await browser.url(server.url);
      await shown(xp.heading('Your workshops'));
      await watchPage();
      expect(await browser.$(xp.link(WORKSHOP.name)).isExisting()).toBe(false);

      await chooseImportFile(exported);
      await shown(xp.heading('Check the import', 2));
      await shown(`//*[starts-with(normalize-space(), "This will add 1 workshop")]`);
      await click(xp.button('Confirm import'));
      await shown(xp.status('Imported'));

      await click(`//header//a[normalize-space()="Outcomes Workshop"]`);
      await shown(xp.heading('Your workshops'));
      await click(xp.link(WORKSHOP.name));
      await shown(xp.heading(WORKSHOP.name));
      await click(xp.link(GROUP));
      await shown(xp.text(`${outcomes.length} of ${outcomes.length} scored`));
      await shown(xp.heading(outcomes[0]!.title, 2));
      expect(await (await field('Evidence')).getValue()).toBe(EVIDENCE_FIRST);
      await expectNoPageErrors();
    },
    180_000,
  );

  step('imports the version 1 sample file (tests/fixtures/workshop-v1.json) too', async () => {
    await click(`//header//a[normalize-space()="Outcomes Workshop"]`);
    await shown(xp.heading('Your workshops'));
    await chooseImportFile(path.join(REPO_ROOT, 'tests/fixtures/workshop-v1.json'));
    await click(xp.button('Confirm import'));
    await shown(xp.status('Imported'));
    await click(`//header//a[normalize-space()="Outcomes Workshop"]`);
    await shown(xp.link('Budget review'));
    await shown(xp.link(WORKSHOP.name));
    await expectNoPageErrors();
  });
});

/**
 * Chooses a file for the "Import" button. WebDriver cannot answer a native file chooser, so it
 * types the path into the button's hidden `<input type=file>` (Element Send Keys, which local
 * drivers accept for file inputs), as choosing in the chooser would fill it.
 */
async function chooseImportFile(file: string): Promise<void> {
  await shown(xp.button('Import'));
  const input = await browser.$('input[type="file"]');
  await input.addValue(file);
}
