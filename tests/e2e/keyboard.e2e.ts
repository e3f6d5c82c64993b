// A keyboard-only journey in Chromium against the production build: create a workshop, add a group,
// open and close a dialog, score all 12 outcomes and export, with `page.keyboard` alone (no clicks).
// At every Tab stop the focused control must show a focus indicator and be on screen; after every
// screen change focus must be on the new screen's heading; after a dialog it must return to its opener.
// Build first: `npm run build`. The steps share one browser profile, so they run in order.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Locator, Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import {
  containsAll,
  heading,
  openApp,
  REPO_ROOT,
  saveFailureEvidence,
  visible,
  type AppServer,
  type BrowserSession,
  type OpenedApp,
  type Watch,
} from './harness.ts';
import { orderedSteps } from './steps.ts';

const WORKSHOP = {
  name: 'Keyboard only review',
  organisation: 'Riverside Borough Council',
  date: { year: '2026', month: '11', day: '27' },
  facilitator: 'Sam Patel',
};
const GROUP = 'Blue group';
const outcomes = lga2022.outcomes;
/** Levels chosen for each outcome: now 1-4 (and "Not sure" once), target one or two above. */
const levels = outcomes.map((_, i) => ({ now: i === 3 ? 6 : (i % 4) + 1, target: Math.min(5, (i % 4) + 2) }));

interface FocusInfo {
  description: string;
  /** An outline (or a box-shadow) on the element, or an outline on a card around it. */
  indicator: boolean;
  /** The browser counts the focus as keyboard focus (not so on a date field's calendar button). */
  focusVisible: boolean;
  /** Some of it is inside the viewport. */
  inView: boolean;
  /** It is one of the given elements, or inside one. */
  reached: boolean;
}

/** What has focus now, whether it can be seen, and whether it is in `targets`; null when nothing has focus. */
function focusInPage(targets: Node[]): FocusInfo | null {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const outlined = (e: Element) => {
    const cs = getComputedStyle(e);
    return (
      cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== 'rgba(0, 0, 0, 0)'
    );
  };
  let indicator = outlined(el) || getComputedStyle(el).boxShadow !== 'none';
  // Radios and checkboxes sit in cards that draw the ring (`.option:has(input:focus-visible)`).
  for (let a = el.parentElement, i = 0; !indicator && a && i < 3; a = a.parentElement, i += 1) {
    indicator = outlined(a) && a.matches(':has(:focus-visible)');
  }
  const r = el.getBoundingClientRect();
  const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ');
  const type = el instanceof HTMLInputElement ? `[type=${el.type}]` : '';
  return {
    description: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${type} "${name.slice(0, 50)}"`,
    indicator,
    focusVisible: el.matches(':focus-visible'),
    inView: r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
    reached: targets.some((t) => t === el || t.contains(el)),
  };
}

describe.sequential('keyboard only: create, add a group, score all 12, export', () => {
  // Each step builds on the one before: after a failure the later steps are skipped, not failed.
  const inOrder = orderedSteps((name) => saveFailure(name));
  const step = (name: string, fn: () => Promise<void>) =>
    inOrder(name, async () => {
      await fn();
      expect(unseen, 'focused controls without a visible focus indicator, or off screen').toEqual([]);
    });

  let app: OpenedApp | null = null;
  let server: AppServer;
  let downloads = '';
  let session: BrowserSession | null = null;
  let watched: Watch | null = null;
  /** Tab stops whose focus could not be seen. */
  const unseen: string[] = [];
  const page = () => session!.page;
  const failuresDir = path.join(REPO_ROOT, 'test-results', 'e2e-keyboard-failures');

  beforeAll(async () => {
    await rm(failuresDir, { recursive: true, force: true });
    app = await openApp('keyboard', { folders: ['downloads'], timeout: 10_000 });
    ({ server, session, watched } = app);
    [downloads] = app.folders as [string];
  });

  afterAll(async () => {
    await app?.close();
  });

  const saveFailure = (name: string) => saveFailureEvidence(session?.page, failuresDir, name, { focus: true });

  /** Records the focused control if its focus cannot be seen; says whether it is one of `targets`. */
  async function checkFocusShows(p: Page, targets: ElementHandle[] = []): Promise<FocusInfo | null> {
    const info = await p.evaluate(focusInPage, targets);
    if (info && (!info.indicator || !info.inView)) {
      unseen.push(
        `${info.description}: indicator ${info.indicator}, on screen ${info.inView}, :focus-visible ${info.focusVisible}`,
      );
    }
    return info;
  }

  /** Presses Tab (or Shift+Tab) until focus is on, or inside, `target`; checks every stop on the way. */
  async function tabTo(target: Locator, { back = false, max = 40 } = {}): Promise<void> {
    const p = page();
    await target.first().waitFor({ state: 'attached' });
    const targets = await target.elementHandles();
    const stops: string[] = [];
    try {
      for (let i = 0; i < max; i += 1) {
        await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        const info = await checkFocusShows(p, targets);
        stops.push(info?.description ?? '(body)');
        if (info?.reached) return;
      }
    } finally {
      await Promise.all(targets.map((t) => t.dispose()));
    }
    throw new Error(
      `${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target}; stops: ${stops.join(' → ')}`,
    );
  }

  /** After a screen change: waits for focus on the screen's h1 with this text (the app moves it there). */
  async function expectFocusOnHeading(name: string): Promise<void> {
    const p = page();
    await visible(heading(p, name));
    await p
      .waitForFunction(
        (text) => {
          const el = document.activeElement;
          return !!el && el.matches('main h1') && el.textContent?.trim() === text;
        },
        name,
        { timeout: 5_000 },
      )
      .catch(async () => {
        const now = await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '(nothing)');
        throw new Error(`focus is not on the "${name}" heading after the screen change, but on ${now}`);
      });
  }

  const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

  /** Chooses a radio in a group with the keyboard: Tab into it, Space, then arrow keys to `position` (1-based). */
  async function chooseRadio(group: Locator, position: number): Promise<void> {
    const p = page();
    await tabTo(group);
    const radios = group.getByRole('radio');
    const start = await radios.evaluateAll((els) => els.indexOf(document.activeElement as HTMLInputElement) + 1);
    expect(start, 'Tab lands on a radio of the group').toBeGreaterThan(0);
    await p.keyboard.press('Space');
    for (let at = start; at < position; at += 1) await p.keyboard.press('ArrowDown');
    for (let at = start; at > position; at -= 1) await p.keyboard.press('ArrowUp');
    await checkFocusShows(p);
    // Each key press is saved, and the saved answer flows back into the radios: the last one wins.
    await expect.poll(() => radios.nth(position - 1).isChecked(), { timeout: 5_000 }).toBe(true);
  }

  step('the skip link, then "New workshop", moves focus to the form’s heading', async () => {
    const p = page();
    await p.goto(server.url);
    await visible(heading(p, 'Your workshops'));
    const skip = p.getByRole('link', { name: 'Skip to main content', exact: true });
    await tabTo(skip, { max: 1 }); // the first Tab stop, shown on screen when focused
    await p.keyboard.press('Enter');
    // Focus is now in the main content, and the screen is still the home screen.
    await p.waitForFunction(() => !!document.activeElement?.closest('main'), undefined, { timeout: 2_000 });
    await visible(heading(p, 'Your workshops'));

    await tabTo(p.getByRole('button', { name: 'New workshop', exact: true }));
    await p.keyboard.press('Enter');
    await expectFocusOnHeading('New workshop');
  });

  step('types the details and creates the workshop; focus goes to its heading', async () => {
    const p = page();
    await tabTo(p.getByLabel('Workshop name'));
    await p.keyboard.type(WORKSHOP.name);
    await tabTo(p.getByLabel('Organisation'));
    await p.keyboard.type(WORKSHOP.organisation);

    // The date field's parts come in the order of the browser's locale: type them in that order.
    const date = p.getByLabel('Date', { exact: true });
    await tabTo(date);
    const order = await p.evaluate(() =>
      new Intl.DateTimeFormat(navigator.language)
        .formatToParts(new Date(2026, 10, 27))
        .map((part) => part.type)
        .filter((type) => type === 'day' || type === 'month' || type === 'year'),
    );
    for (const part of order) await p.keyboard.type(WORKSHOP.date[part as keyof typeof WORKSHOP.date]);
    expect(await date.inputValue()).toBe(`${WORKSHOP.date.year}-${WORKSHOP.date.month}-${WORKSHOP.date.day}`);

    await tabTo(p.getByLabel('Facilitator'));
    await p.keyboard.type(WORKSHOP.facilitator);
    await tabTo(p.getByRole('button', { name: 'Create workshop', exact: true }));
    await p.keyboard.press('Enter');
    await expectFocusOnHeading(WORKSHOP.name);
  });

  step('adds a group with Enter; the remove dialog returns focus to its button', async () => {
    const p = page();
    const groupName = p.getByLabel('Group name');
    await tabTo(groupName);
    await p.keyboard.type(GROUP);
    await p.keyboard.press('Enter');
    await visible(p.getByRole('link', { name: GROUP, exact: true }));
    // Ready for the next group: focus stays in the (emptied) field.
    expect(await isFocused(groupName)).toBe(true);
    expect(await groupName.inputValue()).toBe('');

    const remove = p.getByRole('button', { name: `Remove ${GROUP}`, exact: true });
    const dialog = p.getByRole('dialog', { name: `Remove “${GROUP}”?` });
    await tabTo(remove, { back: true });
    for (const close of ['Cancel', 'Escape'] as const) {
      await p.keyboard.press('Enter');
      await visible(dialog);
      // Focus moves into the dialog, to Cancel (not the destructive button), and Tab stays inside it.
      const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
      expect(await isFocused(cancel), 'focus starts on Cancel').toBe(true);
      await checkFocusShows(p);
      await tabTo(dialog.getByRole('button', { name: `Remove group`, exact: true }), { max: 3 });
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      if (close === 'Cancel') {
        await tabTo(cancel, { max: 3 });
        await p.keyboard.press('Enter');
      } else {
        await p.keyboard.press('Escape');
      }
      await dialog.waitFor({ state: 'hidden' });
      expect(await isFocused(remove), `focus returns to "Remove ${GROUP}" after ${close}`).toBe(true);
      await checkFocusShows(p);
    }
    await visible(p.getByRole('link', { name: GROUP, exact: true }));
  });

  step('scores all 12 outcomes with Tab, Space and the arrow keys', async () => {
    const p = page();
    await tabTo(p.getByRole('link', { name: GROUP, exact: true }), { back: true });
    await p.keyboard.press('Enter');
    await expectFocusOnHeading(GROUP);

    for (const [i, outcome] of outcomes.entries()) {
      const choice = levels[i]!;
      await visible(heading(p, outcome.title, 2));
      await chooseRadio(p.getByRole('group', { name: containsAll(outcome.title, 'now') }), choice.now);
      await chooseRadio(p.getByRole('group', { name: containsAll(outcome.title, 'target') }), choice.target);
      await chooseRadio(p.getByRole('group', { name: /^How confident/i }), (i % 3) + 1);
      await visible(p.getByText(`${i + 1} of ${outcomes.length} scored`));
      if (i < outcomes.length - 1) {
        await tabTo(p.getByRole('button', { name: 'Next outcome', exact: true }));
        await p.keyboard.press('Enter');
        await expectFocusOnHeading(GROUP);
      }
    }
    await visible(p.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ }));

    await tabTo(p.getByRole('link', { name: 'Back to workshop', exact: true }), { back: true, max: 60 });
    await p.keyboard.press('Enter');
    await expectFocusOnHeading(WORKSHOP.name);
    await visible(p.getByText(`${outcomes.length} of ${outcomes.length} scored`, { exact: true }));
  });

  step('exports the workshop with Enter on "Export"', async () => {
    const p = page();
    const exportButton = p.getByRole('button', { name: 'Export', exact: true });
    await tabTo(exportButton, { max: 60 });
    const download = p.waitForEvent('download', { timeout: 10_000 });
    await p.keyboard.press('Enter');
    const done = await download;
    const file = path.join(downloads, done.suggestedFilename());
    await done.saveAs(file);
    expect(done.suggestedFilename()).toMatch(/^keyboard-only-review-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(file, 'utf8')) as { workshop: { ratings: unknown[] } };
    expect(data.workshop.ratings).toHaveLength(outcomes.length);
    await visible(p.getByRole('status').filter({ hasText: `Exported ${done.suggestedFilename()}` }));
    // Focus stays where it was, on the button (a button disabled while busy would drop it to the page).
    const focusNow = await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '(nothing)');
    expect(await isFocused(exportButton), `focus after exporting is on ${focusNow}`).toBe(true);
  });

  it('threw no error in the page and broke no CSP rule', () => {
    expect(watched?.pageErrors).toEqual([]);
    expect(watched?.cspViolations).toEqual([]);
  });
});
