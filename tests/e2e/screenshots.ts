// Screenshots of every screen at the three sizes we design for, from the production build, into
// test-results/screenshots/ (for reviewing layout by eye; nothing is compared).
// Run: `npm run screenshots` (builds first). Node 20 cannot run .ts files, so the script is loaded
// through Vite's module runner:
//   node --input-type=module -e "await (await import('vite')).runnerImport('./tests/e2e/screenshots.ts', { configFile: false })"
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import {
  addGroup,
  answerOutcome,
  chooseImportFile,
  createWorkshop,
  exportWorkshop,
  heading,
  launchProfile,
  makeProfileDir,
  openHome,
  REPO_ROOT,
  removeDir,
  saved,
  startAppServer,
  visible,
  watch,
  type Answer,
  type Viewport,
} from './harness.ts';
import { PLENARY_GROUPS, PLENARY_WORKSHOP, plenaryFile } from './group-files.ts';

const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const VIEWPORTS: Viewport[] = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];
const WORKSHOP = {
  name: 'Riverside digital review',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};
const outcomes = lga2022.outcomes;
const CONFIDENCE = ['Low', 'Medium', 'High'] as const;
const answer = (i: number, shift: number): Answer => ({
  now: ((i + shift) % 4) + 1,
  target: Math.min(5, ((i + shift) % 4) + 2),
  confidence: CONFIDENCE[(i + shift) % 3] ?? 'Medium',
});

let shotCount = 0;

/** Photographs the current screen at every size; the name says which screen it is. */
async function shoot(page: Page, name: string): Promise<void> {
  shotCount += 1;
  const prefix = String(shotCount).padStart(2, '0');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    // Let layout settle after the resize (charts measure themselves).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(OUT_DIR, `${prefix}-${name}-${viewport.width}x${viewport.height}.png`);
    await page.screenshot({ path: file, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS[0]!);
  console.log(`${prefix} ${name}`);
}

/** Scores the first `count` outcomes of a group (it must be open on its first outcome). */
async function score(page: Page, count: number, shift: number): Promise<void> {
  for (const [i, outcome] of outcomes.slice(0, count).entries()) {
    await answerOutcome(page, outcome.title, answer(i, shift));
    await saved(page);
    if (i < outcomes.length - 1) await page.getByRole('button', { name: 'Next outcome', exact: true }).click();
  }
}

async function main(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const server = await startAppServer();
  const profile = await makeProfileDir('screenshots');
  const files = await makeProfileDir('screenshot-files');
  const session = await launchProfile(profile, { viewport: VIEWPORTS[0]! });
  const watched = await watch(session.context, server.origin);
  const { page } = session;
  page.setDefaultTimeout(10_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    await openHome(page, server.url);
    await shoot(page, 'home-empty');

    await page.getByRole('button', { name: 'New workshop', exact: true }).click();
    await visible(heading(page, 'New workshop'));
    await page.getByRole('button', { name: 'Create workshop', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'There is a problem' }));
    await shoot(page, 'new-workshop-error');

    await openHome(page, server.url);
    await createWorkshop(page, WORKSHOP);
    await addGroup(page, 'Blue group');
    await addGroup(page, 'Green group');
    await page.getByRole('link', { name: 'Blue group', exact: true }).click();
    await score(page, outcomes.length, 0);
    await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await page.getByRole('link', { name: 'Green group', exact: true }).click();
    await score(page, 5, 2);
    await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await visible(heading(page, WORKSHOP.name));
    await shoot(page, 'workshop-with-groups');

    // The green group reopens on its first unscored outcome, half answered to show both states.
    await page.getByRole('link', { name: 'Green group', exact: true }).click();
    await visible(heading(page, 'Green group'));
    const sixth = outcomes[5]!;
    await visible(heading(page, sixth.title, 2));
    await page
      .getByRole('group', { name: new RegExp(`${sixth.title}.*now`, 'i') })
      .getByRole('radio', { name: /^3\b/ })
      .check({ force: true });
    await page
      .getByRole('textbox', { name: /^Evidence/ })
      .fill('Inclusion strategy 2024; digital skills sessions in four libraries.');
    await saved(page);
    await shoot(page, 'scoring-outcome');

    await page.getByRole('link', { name: 'See all outcomes' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'All outcomes' }));
    await shoot(page, 'scoring-overview');

    await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await visible(heading(page, 'Results'));
    await visible(page.getByRole('table'));
    await shoot(page, 'results');

    await openHome(page, server.url);
    await createWorkshop(page, { ...WORKSHOP, name: 'Adult social care deep dive', date: '2026-12-04' });
    await openHome(page, server.url);
    await shoot(page, 'home-with-workshops');

    // An import from "another tablet": the same workshop with one score changed later.
    await page.getByRole('link', { name: WORKSHOP.name, exact: true }).click();
    await visible(heading(page, WORKSHOP.name));
    const { file } = await exportWorkshop(page, files);
    const changed = path.join(files, 'from-another-tablet.json');
    await writeFile(changed, changedCopy(await readFile(file, 'utf8')));
    await chooseImportFile(page, changed);
    await visible(page.getByRole('button', { name: 'Confirm import', exact: true }));
    await shoot(page, 'import-preview');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    const damaged = path.join(files, 'damaged.json');
    await writeFile(damaged, '{ "format": "outcomes-workshop", "formatVersion": 1, "workshop": ');
    await chooseImportFile(page, damaged);
    await visible(page.getByRole('alert').filter({ hasText: 'Nothing has been imported' }));
    await shoot(page, 'import-error');

    await page.goto(`${server.url}#/about`);
    await visible(page.getByRole('heading', { level: 1 }));
    await shoot(page, 'about');

    await plenary(page, server.url, files);

    watched.assertClean();
    console.log(`Wrote ${shotCount * VIEWPORTS.length} screenshots to ${path.relative(process.cwd(), OUT_DIR)}/`);
  } finally {
    await session.close();
    await server.stop();
    await removeDir(profile);
    await removeDir(files);
  }
}

// ---------------------------------------------------------------------------------------------
// The plenary: three groups' files (one group each, same workshop) imported together, then the
// compare, agree, actions and report screens. The scores are the plenary's (group-files.ts): Partnership
// splits the room (1, 1 against 4), value is 2 apart (2, 3, 4), leadership has the widest gap.

/** One group's version-2 file, as its tablet would export it. */
const plenaryGroupFile = (groupIndex: number) => plenaryFile(groupIndex, 'Health board partnership, signed 2025.');

/** Imports the three groups' files from the home screen, then photographs the plenary's screens. */
async function plenary(page: Page, url: string, dir: string): Promise<void> {
  const paths = PLENARY_GROUPS.map((g) => path.join(dir, g.file));
  for (const [i, file] of paths.entries()) await writeFile(file, plenaryGroupFile(i));
  await openHome(page, url);
  await chooseImportFile(page, paths);
  await page.getByRole('button', { name: 'Confirm import', exact: true }).click();
  await visible(page.getByRole('status').filter({ hasText: /^\s*Imported/ }));
  await page.getByRole('link', { name: PLENARY_WORKSHOP.name, exact: true }).click();
  await visible(heading(page, PLENARY_WORKSHOP.name));

  await page.getByRole('link', { name: 'Compare groups', exact: true }).click();
  await visible(heading(page, 'Compare groups'));
  await visible(
    page
      .getByRole('table', { name: /each group’s now level/i })
      .locator('tbody tr')
      .first()
      .getByText('Split'),
  );
  await shoot(page, 'compare');

  await page.getByRole('link', { name: 'Agree Partnership', exact: true }).click();
  await visible(heading(page, 'Agree: Partnership'));
  await page
    .getByRole('group', { name: 'Partnership: agreed now' })
    .getByRole('radio', { name: /^2 Developing/ })
    .check({ force: true });
  await page
    .getByRole('group', { name: 'Partnership: agreed target' })
    .getByRole('radio', { name: /^4 Embedded/ })
    .check({ force: true });
  await page
    .getByRole('textbox', { name: 'Rationale', exact: true })
    .fill('Two groups see no shared plan; the health board work is one project, not the norm.');
  await page
    .getByRole('textbox', { name: 'Dissent', exact: true })
    .fill('Orange group thinks 4: the “Better Care” fund is pooled.');
  await page.getByLabel('What needs to happen', { exact: true }).fill('Agree a partnership plan with the health board');
  await page.getByLabel('Owner', { exact: true }).fill('Head of policy');
  await page.getByLabel('Due date', { exact: true }).fill('2027-03-31');
  await page.getByRole('radio', { name: 'In progress', exact: true }).check({ force: true });
  await page.getByRole('button', { name: 'Add action', exact: true }).click();
  await visible(page.getByRole('listitem').filter({ hasText: 'Agree a partnership plan with the health board' }));
  await saved(page);
  await page.getByLabel('What needs to happen', { exact: true }).blur();
  await shoot(page, 'agree');

  await page.getByRole('link', { name: 'See, change or remove all actions', exact: true }).click();
  await visible(heading(page, 'Actions'));
  await visible(page.getByRole('rowheader', { name: 'Agree a partnership plan with the health board' }));
  await shoot(page, 'actions');

  await page.getByRole('link', { name: 'Back to workshop', exact: true }).click();
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await visible(
    page.locator('article.report-document').getByRole('heading', { level: 1, name: PLENARY_WORKSHOP.name }),
  );
  await shoot(page, 'report');
}

/** The exported file with the first rating's "now" moved up a level, as if changed on another tablet. */
function changedCopy(text: string): string {
  const data = JSON.parse(text) as { workshop: { ratings: { now: unknown; updatedAt: string }[] } };
  const rating = data.workshop.ratings[0];
  if (!rating) throw new Error('The exported file has no ratings');
  rating.now = typeof rating.now === 'number' && rating.now < 5 ? rating.now + 1 : 1;
  rating.updatedAt = new Date(Date.parse(rating.updatedAt) + 60_000).toISOString();
  return JSON.stringify(data, null, 2);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
