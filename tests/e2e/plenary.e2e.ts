// The plenary in Chromium against the production build: three groups' files imported together,
// compare (the widest split first), agree a score, add an action, the CSV downloads, the share
// fallback and the printed summary on one A4 page. Build first: `npm run build`.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import { TEXT_DEBOUNCE_MS } from '../../src/state/text-save.ts';
import { PLENARY_GROUPS, PLENARY_WORKSHOP, plenaryFile } from './group-files.ts';
import {
  heading,
  openApp,
  openHome,
  REPO_ROOT,
  saved,
  saveFailureEvidence,
  tap,
  visible,
  type AppServer,
  type BrowserSession,
  type OpenedApp,
  type Watch,
} from './harness.ts';
import { orderedSteps } from './steps.ts';

// ---------------------------------------------------------------------------------------------
// Three groups' files: one workshop, one group (and its 12 scores) in each file

const WORKSHOP = PLENARY_WORKSHOP;
const BASE_NAME = 'riverside-plenary-2026-11-27';
const GROUPS = PLENARY_GROUPS;
/** Evidence with a comma, quotes and a line break, to see the CSV keep it whole. */
const ORANGE_PARTNERSHIP_EVIDENCE = 'Health board partnership, signed 2025.\nThe "Better Care" fund is pooled.';

/** One group's version-2 file, as the app on that group's tablet would export it (see group-files.ts). */
const groupFile = (groupIndex: number) => plenaryFile(groupIndex, ORANGE_PARTNERSHIP_EVIDENCE);

// What the plenary agrees for Partnership, and the action it adds.
const AGREED = { now: 2, target: 4 };
const RATIONALE = 'Two groups see no shared plan; the health board work is one project, not the norm.';
const DISSENT = 'Orange group thinks 4: the "Better Care" fund is pooled.';
const ACTION = { what: 'Agree a partnership plan with the health board', owner: 'Head of policy', due: '2027-03-31' };

// ---------------------------------------------------------------------------------------------
// Helpers

/** Parses a downloaded CSV: it must start with a byte-order mark; returns the header and rows. */
function parseCsv(text: string): { fields: string[]; rows: Record<string, string>[] } {
  expect(text.charCodeAt(0), 'the CSV starts with a UTF-8 byte-order mark').toBe(0xfeff);
  const result = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return { fields: result.meta.fields ?? [], rows: result.data };
}

/** Clicks a button that downloads one file; returns its suggested name and its text (as UTF-8 bytes). */
async function downloadOne(page: Page, button: string, dir: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download', { timeout: 10_000 });
  await page.getByRole('button', { name: button, exact: true }).click();
  return readDownload(await download, dir);
}

async function readDownload(download: Download, dir: string): Promise<{ name: string; text: string }> {
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  // Read as bytes and decode without stripping the BOM, so the test sees exactly what was written.
  const bytes = await readFile(file);
  return { name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** A status message (there are several live regions on a screen) by its text. */
const statusWith = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** Waits for a typed text's debounce to pass and its write to finish ("Saved" was already showing). */
async function textSaved(page: Page): Promise<void> {
  await page.waitForTimeout(TEXT_DEBOUNCE_MS + 150);
  await saved(page);
}

/** The number of pages in a PDF written by Chromium (its page tree's /Count). */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const count = /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/.exec(text);
  const declared = Number(count?.[1] ?? count?.[2] ?? NaN);
  expect(pages, 'page objects in the PDF').toBe(declared);
  return pages;
}

const A4_PRINTABLE = { width: 680, height: 1009 }; // 180 mm x 267 mm at 96 dpi (A4 less 15 mm margins)
const PDF_OPTIONS = {
  format: 'A4',
  margin: { top: '15mm', right: '15mm', bottom: '15mm', left: '15mm' },
  printBackground: true,
} as const;

// ---------------------------------------------------------------------------------------------

describe.sequential('the plenary: compare, agree, act, share and print', () => {
  // Each step builds on the one before: after a failure the later steps are skipped, not failed.
  const step = orderedSteps((name) => saveFailure(name));

  let app: OpenedApp | null = null;
  let server: AppServer;
  let files: string;
  let session: BrowserSession | null = null;
  let watched: Watch | null = null;
  const failuresDir = path.join(REPO_ROOT, 'test-results', 'e2e-failures');
  const page = () => session!.page;

  beforeAll(async () => {
    app = await openApp('plenary', { folders: ['files'], timeout: 10_000 });
    ({ server, session, watched } = app);
    [files] = app.folders as [string];
  });

  afterEach(() => {
    // Every step: nothing may leave the origin, break the CSP or throw in the page.
    watched?.assertClean();
  });

  afterAll(async () => {
    await app?.close();
  });

  const saveFailure = (name: string) => saveFailureEvidence(session?.page, failuresDir, name, { prefix: 'plenary-' });

  step('imports the three groups’ files together into one workshop', async () => {
    const paths = GROUPS.map((g) => path.join(files, g.file));
    for (const [i, file] of paths.entries()) await writeFile(file, groupFile(i));

    const p = page();
    await openHome(p, server.url);
    const chooser = p.waitForEvent('filechooser');
    await p.getByRole('button', { name: 'Import', exact: true }).click();
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(true);
    await fileChooser.setFiles(paths);
    await visible(p.getByText('From 3 files'));
    await p.getByRole('button', { name: 'Confirm import', exact: true }).click();
    await visible(statusWith(p, /^\s*Imported/));

    // One workshop (the files share its id), with all three groups.
    await visible(p.getByRole('link', { name: WORKSHOP.name, exact: true }));
    await p.getByRole('link', { name: WORKSHOP.name, exact: true }).click();
    await visible(heading(p, WORKSHOP.name));
    for (const g of GROUPS) await visible(p.getByRole('link', { name: g.name, exact: true }));
  });

  step('compare puts the split outcome first and flags it; gap order puts the widest gap first', async () => {
    const p = page();
    await p.getByRole('link', { name: 'Compare groups', exact: true }).click();
    await visible(heading(p, 'Compare groups'));
    const order = p.getByRole('group', { name: 'Order outcomes by' });
    expect(await order.getByRole('radio', { name: 'Disagreement', exact: true }).isChecked()).toBe(true);

    const table = await visible(p.getByRole('table', { name: /each group’s now level/i }));
    const rows = table.locator('tbody tr');
    await visible(rows.first().getByRole('rowheader', { name: 'Partnership', exact: true }));
    expect(await rows.count()).toBe(12);
    const first = rows.nth(0);
    await visible(first.getByText('Split', { exact: true }));
    // Partnership's cells: 1, 1 and 4 (the level's name is read out after each number).
    const cells = await first.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 3).map((t) => t.trim().split(/\s+/)[0])).toEqual(['1', '1', '4']);
    // Value is 2 apart over neighbouring levels: next, flagged "2+ apart" but not split.
    const second = rows.nth(1);
    await visible(second.getByRole('rowheader', { name: 'Value', exact: true }));
    await visible(second.getByText('2+ apart', { exact: true }));
    expect(await table.getByText('Split', { exact: true }).count()).toBe(1);
    expect(await table.getByText('2+ apart', { exact: true }).count()).toBe(1);

    await order.getByRole('radio', { name: 'Gap between now and target', exact: true }).check(tap);
    // Leadership: everyone 1 → 5, a gap of +4; Partnership's medians 1 → 4 come next (+3).
    await visible(rows.first().getByRole('rowheader', { name: 'Leadership', exact: true }));
    expect(await first.getByRole('cell').filter({ hasText: '+4' }).count()).toBe(1);
    await visible(rows.nth(1).getByRole('rowheader', { name: 'Partnership', exact: true }));
  });

  step('agrees a score for Partnership with a rationale and dissent, and adds an action', async () => {
    const p = page();
    await p.getByRole('link', { name: 'Agree Partnership', exact: true }).click();
    await visible(heading(p, 'Agree: Partnership'));

    const now = p.getByRole('group', { name: 'Partnership: agreed now', exact: true });
    await now.getByRole('radio', { name: /^2 Developing/ }).check(tap);
    await saved(p);
    const target = p.getByRole('group', { name: 'Partnership: agreed target', exact: true });
    await target.getByRole('radio', { name: /^4 Embedded/ }).check(tap);
    await saved(p);
    await p.getByRole('textbox', { name: 'Rationale', exact: true }).fill(RATIONALE);
    await textSaved(p);
    await p.getByRole('textbox', { name: 'Dissent', exact: true }).fill(DISSENT);
    await textSaved(p);

    await p.getByLabel('What needs to happen', { exact: true }).fill(ACTION.what);
    await p.getByLabel('Owner', { exact: true }).fill(ACTION.owner);
    await p.getByLabel('Due date', { exact: true }).fill(ACTION.due);
    await p
      .getByRole('group', { name: 'Status', exact: true })
      .getByRole('radio', { name: 'In progress', exact: true })
      .check(tap);
    await p.getByRole('button', { name: 'Add action', exact: true }).click();
    await visible(statusWith(p, `Added “${ACTION.what}”.`));
    const listed = await visible(p.getByRole('listitem').filter({ hasText: ACTION.what }));
    const text = await listed.innerText();
    for (const part of [ACTION.owner, '31 March 2027', 'In progress']) expect(text).toContain(part);
    expect(await p.getByLabel('What needs to happen', { exact: true }).inputValue()).toBe('');

    // The agreed score survives a reload (it was written, not only shown).
    await p.reload();
    await visible(heading(p, 'Agree: Partnership'));
    expect(await now.getByRole('radio', { name: /^2 Developing/ }).isChecked()).toBe(true);
    expect(await target.getByRole('radio', { name: /^4 Embedded/ }).isChecked()).toBe(true);
    expect(await p.getByRole('textbox', { name: 'Rationale', exact: true }).inputValue()).toBe(RATIONALE);
    expect(await p.getByRole('textbox', { name: 'Dissent', exact: true }).inputValue()).toBe(DISSENT);
  });

  step('lists the action on the actions screen', async () => {
    const p = page();
    await p.getByRole('link', { name: 'See, change or remove all actions', exact: true }).click();
    await visible(heading(p, 'Actions'));
    const row = p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: ACTION.what, exact: true }) });
    await visible(row);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]?.trim()).toBe('Partnership');
    expect(cells[1]?.trim()).toBe(ACTION.owner);
    expect(cells[2]?.trim()).toBe('31 March 2027');
    expect(await row.getByRole('combobox').inputValue()).toBe('in-progress');
    await visible(p.getByText(/^1 action\b/));
  });

  step('downloads the scores, agreed scores and actions as CSV files that parse back', async () => {
    const p = page();
    await p.getByRole('link', { name: 'Back to workshop', exact: true }).click();
    await visible(heading(p, WORKSHOP.name));

    const scores = await downloadOne(p, 'Download scores (CSV)', files);
    expect(scores.name).toBe(`${BASE_NAME}-scores.csv`);
    await visible(statusWith(p, `Downloaded ${scores.name}.`));
    expect(scores.text).toContain('\r\n');
    const s = parseCsv(scores.text);
    expect(s.fields).toEqual([
      'Workshop',
      'Date',
      'Group',
      'Outcome ID',
      'Outcome',
      'Now',
      'Now level',
      'Target',
      'Target level',
      'Confidence',
      'Evidence',
      'Notes',
      'Last changed',
    ]);
    expect(s.rows).toHaveLength(GROUPS.length * lga2022.outcomes.length);
    // Groups in the order they were added, outcomes in the framework's order.
    expect(s.rows.map((r) => r.Group)).toEqual(GROUPS.flatMap((g) => lga2022.outcomes.map(() => g.name)));
    expect(s.rows.slice(0, 12).map((r) => r['Outcome ID'])).toEqual(lga2022.outcomes.map((o) => o.id));
    const cell = (group: string, outcomeId: string) =>
      s.rows.find((r) => r.Group === group && r['Outcome ID'] === outcomeId);
    expect(cell('Blue group', 'partnership')).toMatchObject({
      Workshop: WORKSHOP.name,
      Date: WORKSHOP.date,
      Outcome: 'Partnership',
      Now: '1',
      'Now level': 'Starting',
      Target: '4',
      'Target level': 'Embedded',
    });
    expect(cell('Orange group', 'partnership')).toMatchObject({
      Now: '4',
      'Now level': 'Embedded',
      Target: '5',
      'Target level': 'Leading',
      Evidence: ORANGE_PARTNERSHIP_EVIDENCE,
    });
    expect(cell('Orange group', 'data')).toMatchObject({ Now: 'Not sure', 'Now level': '', Target: '4' });
    expect(cell('Green group', 'leadership')).toMatchObject({ Now: '1', Target: '5', 'Target level': 'Leading' });
    expect(cell('Green group', 'connectivity')?.Confidence).toBe('Medium');

    const agreed = await downloadOne(p, 'Download agreed scores (CSV)', files);
    expect(agreed.name).toBe(`${BASE_NAME}-agreed.csv`);
    const a = parseCsv(agreed.text);
    expect(a.fields).toEqual([
      'Outcome ID',
      'Outcome',
      'Agreed now',
      'Agreed target',
      'Rationale',
      'Dissent',
      "Groups' median now",
    ]);
    expect(a.rows).toEqual([
      {
        'Outcome ID': 'partnership',
        Outcome: 'Partnership',
        'Agreed now': String(AGREED.now),
        'Agreed target': String(AGREED.target),
        Rationale: RATIONALE,
        Dissent: DISSENT,
        "Groups' median now": '1',
      },
    ]);

    const actions = await downloadOne(p, 'Download actions (CSV)', files);
    expect(actions.name).toBe(`${BASE_NAME}-actions.csv`);
    const c = parseCsv(actions.text);
    expect(c.fields).toEqual(['Outcome', 'What', 'Owner', 'Due', 'Status']);
    expect(c.rows).toEqual([
      { Outcome: 'Partnership', What: ACTION.what, Owner: ACTION.owner, Due: ACTION.due, Status: 'In progress' },
    ]);
  });

  step('Share downloads the files where the browser cannot share them', async () => {
    const p = page();
    const hasShare = await p.evaluate(() => typeof navigator.share);
    if (hasShare !== 'undefined') {
      // This Chromium offers the Web Share API: take it away, as Firefox and Linux browsers lack it.
      await p.context().addInitScript(() => {
        const proto = Navigator.prototype as unknown as Record<string, unknown>;
        delete proto.share;
        delete proto.canShare;
      });
      await p.reload();
      await visible(heading(p, WORKSHOP.name));
    }
    expect(await p.evaluate(() => typeof navigator.share)).toBe('undefined');

    const downloads: Download[] = [];
    const threeArrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${downloads.length} of 3 downloads arrived`)), 10_000);
      const onDownload = (d: Download) => {
        downloads.push(d);
        if (downloads.length === 3) {
          clearTimeout(timer);
          p.off('download', onDownload);
          resolve();
        }
      };
      p.on('download', onDownload);
    });
    await p.getByRole('button', { name: 'Share', exact: true }).click();
    await threeArrived;
    await visible(statusWith(p, 'Downloaded 3 files: this browser cannot share files.'));
    const shared = await Promise.all(downloads.map((d) => readDownload(d, path.join(files, 'shared'))));
    expect(shared.map((f) => f.name).sort()).toEqual(
      ['actions', 'agreed', 'scores'].map((k) => `${BASE_NAME}-${k}.csv`),
    );
    for (const file of shared) expect(parseCsv(file.text).rows.length).toBeGreaterThan(0);
  });

  step('prints the summary on one A4 page', async () => {
    const p = page();
    await p.getByRole('link', { name: 'Report', exact: true }).click();
    const report = p.locator('article.report-document');
    await visible(report.getByRole('heading', { level: 1, name: WORKSHOP.name, exact: true }));
    await visible(p.getByRole('button', { name: 'Print or save as PDF', exact: true }));

    // The printable area of A4 with 15 mm margins, in print media: the summary must fit in it.
    await p.setViewportSize(A4_PRINTABLE);
    await p.emulateMedia({ media: 'print' });
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const layout = await p.evaluate(() => {
      const box = (el: Element | null) => el?.getBoundingClientRect();
      const summary = box(document.querySelector('.report-summary'));
      const doc = box(document.querySelector('.report-document'));
      return {
        summaryTop: summary?.top ?? NaN,
        summaryHeight: summary?.height ?? NaN,
        documentLeft: doc?.left ?? NaN,
        documentWidth: doc?.width ?? NaN,
        scrollWidth: document.documentElement.scrollWidth,
        toolsShown: [...document.querySelectorAll('.no-print')].some((el) => el.getBoundingClientRect().height > 0),
      };
    });
    expect(layout.toolsShown, 'the back link and print button are hidden in print').toBe(false);
    expect(layout.documentLeft).toBeCloseTo(0, 0);
    expect(layout.scrollWidth).toBeLessThanOrEqual(A4_PRINTABLE.width);
    expect(layout.summaryTop + layout.summaryHeight).toBeLessThanOrEqual(A4_PRINTABLE.height);

    // The real thing: Chromium's PDF. The summary alone is one page; the whole report more.
    const whole = await p.pdf(PDF_OPTIONS);
    const wholePages = pdfPageCount(whole);
    expect(wholePages).toBeGreaterThanOrEqual(3); // summary, agreed scores, action plan
    await p.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.report-document > :not(.report-summary)'))
        el.style.display = 'none';
    });
    const summaryOnly = await p.pdf(PDF_OPTIONS);
    expect(pdfPageCount(summaryOnly), 'pages the summary takes on A4').toBe(1);
    await p.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.report-document > *')) el.style.display = '';
    });
    await p.emulateMedia({ media: 'screen' });
    await rm(path.join(files, 'shared'), { recursive: true, force: true });
  });

  it('sent no request to any other origin and broke no CSP rule', () => {
    expect(watched).not.toBeNull();
    expect(watched!.requestCount).toBeGreaterThan(0);
    expect(watched!.offOrigin).toEqual([]);
    expect(watched!.cspViolations).toEqual([]);
  });
});
