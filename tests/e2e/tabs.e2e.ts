// Two tabs of the app open at once (a facilitator's tablet with the scoring screen in one tab and
// the workshop in another): a change made in one shows in the other without a reload.
// Build first: `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addGroup,
  containsAll,
  createWorkshop,
  heading,
  openApp,
  openHome,
  saved,
  tap,
  visible,
  type AppServer,
  type BrowserSession,
  type OpenedApp,
  type Watch,
} from './harness.ts';

const WORKSHOP = {
  name: 'Two tabs workshop',
  organisation: 'Eastbrook Council',
  date: '2026-11-27',
  facilitator: 'Jo Lee',
};
const GROUP = 'Teal group';
const EVIDENCE = 'Asset register updated in October.';

const levelIn = (page: Page, title: string, which: 'now' | 'target', level: number) =>
  page.getByRole('group', { name: containsAll(title, which) }).getByRole('radio', { name: new RegExp(`^${level}\\b`) });

describe.sequential('two tabs', () => {
  let app: OpenedApp | undefined;
  let server: AppServer;
  let session: BrowserSession;
  let watched: Watch;

  beforeAll(async () => {
    app = await openApp('tabs');
    ({ server, session, watched } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows scores, typed text and new groups from one tab in the other, without reloading', async () => {
    const first = session.page;
    await openHome(first, server.url);
    await createWorkshop(first, WORKSHOP);
    const workshopUrl = first.url();
    await addGroup(first, GROUP);
    await first.getByRole('link', { name: GROUP, exact: true }).click();
    await visible(heading(first, 'Connectivity', 2));
    // The group's address with the outcome in it (without, it opens at the first outcome not scored).
    const scoringUrl = `${first.url().replace(/\/$/, '')}/connectivity`;

    // The second tab shows the workshop; the first scores.
    const second = await session.context.newPage();
    await second.goto(workshopUrl);
    await visible(heading(second, WORKSHOP.name));
    await second.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await expect
      .poll(() => second.getByText(/outcomes scored across all groups/).innerText())
      .toBe('0 of 12 outcomes scored across all groups');

    await levelIn(first, 'Connectivity', 'now', 2).check(tap);
    await levelIn(first, 'Connectivity', 'target', 4).check(tap);
    await saved(first);
    await expect
      .poll(() => second.getByText(/outcomes scored across all groups/).innerText())
      .toBe('1 of 12 outcomes scored across all groups');

    // A group added in the second tab shows in the first tab's workshop screen.
    await addGroup(second, 'Orange group');
    await first.goto(workshopUrl);
    await visible(first.getByRole('link', { name: 'Orange group', exact: true }));

    // Both tabs on the same outcome: a tap and typing in one show in the other.
    await first.goto(scoringUrl);
    await visible(heading(first, 'Connectivity', 2));
    await second.goto(scoringUrl);
    await visible(heading(second, 'Connectivity', 2));
    await expect(levelIn(second, 'Connectivity', 'now', 2).isChecked()).resolves.toBe(true);
    await levelIn(first, 'Connectivity', 'now', 3).check(tap);
    await saved(first);
    await expect.poll(() => levelIn(second, 'Connectivity', 'now', 3).isChecked()).toBe(true);
    await first.getByRole('textbox', { name: /^Evidence/ }).fill(EVIDENCE);
    await saved(first);
    await expect.poll(() => second.getByRole('textbox', { name: /^Evidence/ }).inputValue()).toBe(EVIDENCE);

    // And back the other way.
    await levelIn(second, 'Connectivity', 'target', 5).check(tap);
    await saved(second);
    await expect.poll(() => levelIn(first, 'Connectivity', 'target', 5).isChecked()).toBe(true);
    // The second tab was never reloaded: everything came to the open page.
    expect(await second.evaluate(() => '__sameDocument' in window)).toBe(true);
    watched.assertClean();
  });
});
