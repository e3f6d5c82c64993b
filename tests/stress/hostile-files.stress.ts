// Hostile files: every case of tests/stress/hostile-corpus.ts is imported the way the app does it,
// first at module level (fake-indexeddb, every case), then a handful through the UI in Chromium.
// Refusals must name the file and the problem and leave the database exactly as it was; harmless
// files (markup in text, prototype keys...) are imported and stored as text, and never run or
// rendered as HTML. Writes test-results/hostile-summary.json.
//
// Build first: `npx vite build`. Run: `npx vitest run --config vitest.stress.config.ts tests/stress/hostile-files.stress.ts`.
import 'fake-indexeddb/auto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { db } from '../../src/data/db.ts';
import { applyImport, planImportFromDb } from '../../src/data/bundles.ts';
import type { WorkshopBundle } from '../../src/domain/types.ts';
import { MAX_FILE_BYTES } from '../../src/files/format.ts';
import { parseImportText, readImportFiles } from '../../src/files/import-file.ts';
import { makeAction, makeAgreement, makeGroup, makeRating, makeWorkshop, resetDb, storeBundle } from '../factories.ts';
import sampleText from '../fixtures/workshop-v2.json?raw';
import {
  addGroup,
  chooseImportFile,
  createWorkshop,
  heading,
  openApp,
  openHome,
  readDatabase,
  REPO_ROOT,
  visible,
  type AppServer,
  type BrowserSession,
  type OpenedApp,
  type Watch,
} from '../e2e/harness.ts';
import {
  AGREEMENT_ID,
  BLUE,
  hostileCorpus,
  MESSAGES,
  OTHER,
  PAYLOADS,
  WORKSHOP_ID,
  type HostileCase,
  type StoredCheck,
} from './hostile-corpus.ts';

const corpus = hostileCorpus();
const summary: Record<string, unknown> = { date: new Date().toISOString() };

/** Words that mean a message was built from a value the code did not expect. */
const GARBAGE = /undefined|\[object|NaN|function |=>/;

/** The fields each stored record may have: anything else came from a file and must not be there. */
const FIELDS: Record<string, readonly string[]> = {
  workshops: [
    'id',
    'name',
    'organisation',
    'date',
    'facilitator',
    'frameworkId',
    'frameworkVersion',
    'createdAt',
    'updatedAt',
    'deletedAt',
    'privateScoring',
    'revealedAt',
  ],
  groups: ['id', 'workshopId', 'name', 'createdAt', 'updatedAt'],
  ratings: [
    'id',
    'workshopId',
    'groupId',
    'outcomeId',
    'now',
    'target',
    'confidence',
    'evidence',
    'notes',
    'updatedAt',
  ],
  agreements: ['id', 'workshopId', 'outcomeId', 'now', 'target', 'rationale', 'dissent', 'updatedAt'],
  actions: ['id', 'workshopId', 'outcomeId', 'what', 'owner', 'due', 'status', 'createdAt', 'updatedAt'],
};

const OBJECT_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Array.prototype).sort().join();
/** Nothing from a file reached a prototype every object shares. */
function prototypesPristine(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted === undefined &&
    probe.isAdmin === undefined &&
    Object.getPrototypeOf(probe) === Object.prototype &&
    Object.getOwnPropertyNames(Object.prototype).sort().join() === OBJECT_PROTOTYPE_KEYS &&
    Object.getOwnPropertyNames(Array.prototype).sort().join() === ARRAY_PROTOTYPE_KEYS
  );
}

/** The sample workshop as stored before any file arrives: every record older than the file's, so a file would win every merge. */
function storedSample(): WorkshopBundle {
  const parsed = parseImportText(sampleText, 'sample.json');
  if (!('bundles' in parsed) || parsed.bundles.length !== 1)
    throw new Error(`the sample file is refused: ${'message' in parsed ? parsed.message : 'not one workshop'}`);
  const old = '2026-11-27T08:00:00.000Z';
  const { workshop, groups, ratings, agreements, actions } = parsed.bundles[0]!;
  return {
    workshop: { ...workshop, name: 'Budget review (before the import)', updatedAt: old },
    groups: groups.map((g) => ({ ...g, name: `${g.name} (before)`, updatedAt: old })),
    ratings: ratings.map((r) => ({ ...r, evidence: 'Stored before the import', updatedAt: old })),
    agreements: agreements.map((a) => ({ ...a, rationale: 'Stored before the import', updatedAt: old })),
    actions: actions.map((a) => ({ ...a, what: 'Stored before the import', updatedAt: old })),
  };
}

/** Another workshop on the device, which no file may change. */
function otherWorkshop(): WorkshopBundle {
  const workshop = makeWorkshop({ id: OTHER.workshopId, name: 'Another workshop' });
  const group = makeGroup(workshop.id, { id: OTHER.groupId, name: OTHER.groupName });
  return {
    workshop,
    groups: [group],
    ratings: [makeRating(group, 'data', { evidence: 'Kept' })],
    agreements: [makeAgreement(workshop.id, 'data')],
    actions: [makeAction(workshop.id, 'data', { id: 'other-action' })],
  };
}

const SAMPLE_BUNDLE = storedSample();
const OTHER_BUNDLE = otherWorkshop();

async function storeBaseline(): Promise<void> {
  await resetDb();
  await storeBundle(SAMPLE_BUNDLE);
  await storeBundle(OTHER_BUNDLE);
  await db.settings.put({ key: 'stress-marker', value: { kept: true } });
}

/** Every table, every record, in a stable order. */
async function snapshot(): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name)))
    tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}

async function otherSnapshot(): Promise<string> {
  return JSON.stringify([
    await db.workshops.get(OTHER.workshopId),
    await db.groups.where('workshopId').equals(OTHER.workshopId).toArray(),
    await db.ratings.where('workshopId').equals(OTHER.workshopId).toArray(),
    await db.agreements.where('workshopId').equals(OTHER.workshopId).toArray(),
    await db.actions.where('workshopId').equals(OTHER.workshopId).toArray(),
  ]);
}

async function checkStored(check: StoredCheck): Promise<string | undefined> {
  const record = (await db.table(check.table).get(check.id)) as Record<string, unknown> | undefined;
  if (!record) return `no ${check.table} record “${check.id}”`;
  if ('absent' in check)
    return Object.hasOwn(record, check.field) ? `${check.table} “${check.id}” has a field “${check.field}”` : undefined;
  const actual = record[check.field];
  const same =
    typeof check.value === 'object' && check.value !== null
      ? JSON.stringify(actual) === JSON.stringify(check.value)
      : Object.is(actual, check.value);
  const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 80);
  return same
    ? undefined
    : `${check.table} “${check.id}”.${check.field} is ${show(actual)}, expected ${show(check.value)}`;
}

/** Every stored record is a plain object with only the app's own fields. */
async function strayFields(): Promise<string[]> {
  const problems: string[] = [];
  for (const [table, fields] of Object.entries(FIELDS)) {
    for (const record of (await db.table(table).toArray()) as Record<string, unknown>[]) {
      if (Object.getPrototypeOf(record) !== Object.prototype)
        problems.push(`${table} “${String(record.id)}” is not a plain object`);
      const extra = Reflect.ownKeys(record).filter((k) => typeof k !== 'string' || !fields.includes(k));
      if (extra.length)
        problems.push(`${table} “${String(record.id)}” has extra fields: ${extra.map(String).join(', ')}`);
    }
  }
  return problems;
}

interface Result {
  name: string;
  category: string;
  expect: HostileCase['expect'];
  outcome: 'refused' | 'imported' | 'import failed';
  message: string;
  dbUnchanged: boolean;
  ms: number;
  problems: string[];
}

const fileOf = (c: HostileCase) => new File([c.bytes ?? c.text ?? ''], c.name, { type: 'application/json' });

describe.sequential('hostile files, module level (every case, fake-indexeddb)', () => {
  const results: Result[] = [];

  afterAll(() => {
    const byCategory: Record<string, { tried: number; refused: number; imported: number }> = {};
    for (const r of results) {
      const c = (byCategory[r.category] ??= { tried: 0, refused: 0, imported: 0 });
      c.tried += 1;
      if (r.outcome === 'refused') c.refused += 1;
      if (r.outcome === 'imported') c.imported += 1;
    }
    const slowest = [...results]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((r) => ({ name: r.name, ms: Math.round(r.ms) }));
    summary.moduleLevel = {
      filesTried: results.length,
      refused: results.filter((r) => r.outcome === 'refused').length,
      importedSafely: results.filter((r) => r.outcome === 'imported' && r.problems.length === 0).length,
      importFailed: results.filter((r) => r.outcome === 'import failed').length,
      dbUnchangedOnRefusal: results.filter((r) => r.outcome === 'refused' && r.dbUnchanged).length,
      // Shows the snapshot sees changes: imports that wrote something.
      importsThatChangedDb: results.filter((r) => r.outcome === 'imported' && !r.dbUnchanged).length,
      casesWithProblems: results.filter((r) => r.problems.length > 0).length,
      byCategory,
      slowestMs: slowest,
      refusalMessages: results
        .filter((r) => r.outcome === 'refused')
        .map((r) => ({ name: r.name, message: r.message.slice(0, 300) })),
    };
  });

  it(`has at least 200 cases, in every category of the issue (${corpus.length} cases)`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const categories = new Set(corpus.map((c) => c.category));
    for (const category of [
      'truncated',
      'empty',
      'not-json',
      'bom',
      'size',
      'nested',
      'wrong-type',
      'score',
      'unknown-outcome',
      'duplicate-id',
      'prototype',
      'version',
      'html',
      'long-text',
      'date',
      'mismatched-id',
      'backup',
    ])
      expect(categories, category).toContain(category);
    expect(new Set(corpus.map((c) => c.name)).size, 'unique file names').toBe(corpus.length);
    expect(corpus.some((c) => (c.bytes?.length ?? 0) >= 50 * 1024 * 1024)).toBe(true);
    for (const c of corpus) expect(c.expect === 'import' || c.message !== undefined, c.name).toBe(true);
  });

  it('refuses a 50 MB file by its size, without reading a byte of it', async () => {
    const huge = corpus.find((c) => c.name === 'huge-50mb.json')!;
    const file = fileOf(huge);
    const small = new File([sampleText], 'small.json');
    const read: Blob[] = [];
    const methods = ['text', 'arrayBuffer', 'stream', 'bytes', 'slice'] as const;
    const originals = new Map<string, unknown>();
    const spied = [Blob.prototype, File.prototype];
    for (const proto of spied) {
      for (const method of methods) {
        if (!Object.hasOwn(proto, method)) continue;
        const original = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
        originals.set(`${proto === Blob.prototype ? 'Blob' : 'File'}.${method}`, original);
        Object.defineProperty(proto, method, {
          configurable: true,
          writable: true,
          value(this: Blob, ...args: unknown[]) {
            read.push(this);
            return original.apply(this, args);
          },
        });
      }
    }
    let ms: number;
    let result: Awaited<ReturnType<typeof readImportFiles>>;
    try {
      const t0 = performance.now();
      result = await readImportFiles([file]);
      ms = performance.now() - t0;
      await readImportFiles([small]); // proves the spy sees reads
    } finally {
      for (const [key, original] of originals) {
        const [owner, method] = key.split('.') as [string, string];
        Object.defineProperty(owner === 'Blob' ? Blob.prototype : File.prototype, method, {
          configurable: true,
          writable: true,
          value: original,
        });
      }
    }
    expect(file.size).toBeGreaterThan(MAX_FILE_BYTES);
    expect(result.ok).toEqual([]);
    expect(result.errors[0]?.message).toBe(
      '“huge-50mb.json” is too large to be an Outcomes Workshop file (50.0 MB; the limit is 32 MB).',
    );
    expect(read.includes(file), 'the 50 MB file was read').toBe(false);
    expect(read.includes(small), 'the spy saw the small file being read').toBe(true);
    expect(ms).toBeLessThan(100);
    summary.hugeFile = { bytes: file.size, read: false, refusedInMs: Math.round(ms * 10) / 10 };
  });

  it('refuses every hostile file with its own message and changes nothing; imports the harmless ones as text', async () => {
    for (const c of corpus) {
      await storeBaseline();
      const before = await snapshot();
      const otherBefore = await otherSnapshot();
      const problems: string[] = [];
      const t0 = performance.now();
      let outcome: Result['outcome'];
      let message = '';
      const { ok, errors } = await readImportFiles([fileOf(c)]);
      if (errors.length > 0 || ok.length === 0) {
        outcome = 'refused';
        message = errors[0]?.message ?? '(no message)';
      } else {
        try {
          const bundles = ok.map((f) => f.bundle);
          await planImportFromDb(bundles);
          await applyImport(bundles);
          outcome = 'imported';
        } catch (error) {
          outcome = 'import failed';
          message = String(error);
        }
      }
      const ms = performance.now() - t0;
      const after = await snapshot();
      const dbUnchanged = after === before;

      if (!prototypesPristine()) problems.push('a shared prototype was changed');
      if (outcome === 'import failed') {
        problems.push(`the import was accepted, then failed: ${message}`);
        if (!dbUnchanged) problems.push('the failed import changed the database');
      }
      if (c.expect === 'refuse') {
        if (outcome !== 'refused') problems.push(`expected a refusal, got: ${outcome}`);
        else {
          if (!message.startsWith(`“${c.name}” `))
            problems.push(`the message does not start with the file name: ${message.slice(0, 200)}`);
          if (c.message && !c.message.test(message))
            problems.push(`unexpected message: ${message.slice(0, 300)} (expected ${c.message})`);
          if (GARBAGE.test(message.slice(c.name.length + 2)))
            problems.push(`the message holds program words: ${message.slice(0, 300)}`);
          if (message.length > 600) problems.push(`the message is ${message.length} characters long`);
          if (errors.length !== 1) problems.push(`${errors.length} messages for one file`);
        }
        if (!dbUnchanged) problems.push('the database changed');
      } else {
        if (outcome !== 'imported') problems.push(`expected an import, got: ${outcome}: ${message.slice(0, 300)}`);
        else {
          for (const check of c.stored ?? []) {
            const problem = await checkStored(check);
            if (problem) problems.push(problem);
          }
          problems.push(...(await strayFields()));
        }
        if ((await otherSnapshot()) !== otherBefore) problems.push('another workshop on the device changed');
      }
      results.push({
        name: c.name,
        category: c.category,
        expect: c.expect,
        outcome,
        message,
        dbUnchanged,
        ms,
        problems,
      });
    }

    const failures = results.filter((r) => r.problems.length > 0).map((r) => `${r.name}: ${r.problems.join('; ')}`);
    expect(failures).toEqual([]);
    expect(results.filter((r) => r.expect === 'refuse').every((r) => r.outcome === 'refused' && r.dbUnchanged)).toBe(
      true,
    );
  });

  it('imports nothing when one of several files is hostile', async () => {
    await storeBaseline();
    const before = await snapshot();
    const good = new File([sampleText], 'good.json');
    const bad = fileOf(corpus.find((c) => c.category === 'prototype' && c.expect === 'refuse')!);
    const { ok, errors } = await readImportFiles([good, bad]);
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(1);
    // The import control applies nothing when any file is refused (tests/component/containers/ImportControl.test.ts).
    expect(await snapshot()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// In Chromium, through the Import button: a few representative files.

interface PageDump {
  stores: string;
}

/** Every object store of the app's database, read in the page. */
async function dumpDb(page: Page): Promise<PageDump> {
  return { stores: JSON.stringify((await readDatabase(page)).stores) };
}

declare global {
  interface Window {
    __xss?: unknown;
    __maxGap?: number;
  }
}

/** Whether anything from a payload became markup or ran, anywhere in the page. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (window.__xss !== undefined) found.push(`window.__xss = ${String(window.__xss)}`);
    if (document.querySelector('img[src="x"]')) found.push('an <img src="x"> element');
    if (document.querySelector('[onerror], [onload], [onclick]')) found.push('an element with an inline event handler');
    if (document.querySelector('a[href^="javascript:" i]')) found.push('a javascript: link');
    for (const script of document.querySelectorAll('script'))
      if (script.textContent?.includes('__xss')) found.push('a <script> from a file');
    if (document.querySelector('svg[onload]')) found.push('an <svg onload> element');
    return found;
  });
}

/** Times a trivial round trip to the page: it only answers when the page's main thread is free. */
async function pingMs(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - t0;
}

describe.sequential('hostile files in Chromium, through the Import button', () => {
  let app: OpenedApp | null = null;
  let server: AppServer;
  let filesDir = '';
  let session: BrowserSession | null = null;
  let recorder: Watch;
  const tried: {
    name: string;
    outcome: string;
    ms: number;
    pingMs: number;
    busiestMs: number;
    dbUnchanged?: boolean;
  }[] = [];

  beforeAll(async () => {
    app = await openApp('hostile', { folders: ['files'], timeout: 15_000 });
    ({ server, session, watched: recorder } = app);
    [filesDir] = app.folders as [string];
    // The longest time the page's main thread was busy: the gap between ticks of a 20 ms timer.
    // (Chromium's long-task entries are not reported headless.)
    await session.context.addInitScript(() => {
      window.__maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        window.__maxGap = Math.max(window.__maxGap ?? 0, now - last - 20);
        last = now;
      }, 20);
    });
  });

  afterAll(async () => {
    summary.chromium = {
      version: session?.context.browser()?.version() ?? null,
      filesTried: tried.length,
      refused: tried.filter((t) => t.outcome === 'refused').length,
      importedSafely: tried.filter((t) => t.outcome === 'imported').length,
      dbUnchangedOnRefusal: tried.filter((t) => t.outcome === 'refused' && t.dbUnchanged).length,
      files: tried,
      cspViolations: recorder?.cspViolations ?? [],
      pageErrors: recorder?.pageErrors ?? [],
    };
    await app?.close();
  });

  /** Writes a case to disk under `name` (default: its own). */
  async function saved(c: HostileCase, name = c.name): Promise<string> {
    const file = path.join(filesDir, name);
    await writeFile(file, c.bytes ?? c.text ?? '');
    return file;
  }

  const byWhy = (why: string) => {
    const c = corpus.find((x) => x.why === why);
    if (!c) throw new Error(`no case “${why}”`);
    return c;
  };

  it('refuses each file with its message in an alert, stays responsive and changes nothing', async () => {
    const page = session!.page;
    await openHome(page, server.url);
    // Something to protect: a workshop made in the app.
    await createWorkshop(page, {
      name: 'Protected workshop',
      organisation: 'Riverside Borough Council',
      date: '2026-11-27',
      facilitator: 'Sam Patel',
    });
    await addGroup(page, 'Blue');

    const payloadName = `${PAYLOADS[0]}.json`;
    const refusals: { c: HostileCase; name?: string; expected: RegExp; text?: string }[] = [
      { c: byWhy('a 50 MB file (a valid workshop padded with spaces)'), expected: MESSAGES.tooLarge },
      { c: corpus.filter((x) => x.category === 'truncated')[20]!, expected: MESSAGES.unreadable },
      {
        c: byWhy('an HTML page'),
        name: payloadName,
        expected: MESSAGES.notOurs,
        text: `“${payloadName}” is not an Outcomes Workshop file.`,
      },
      { c: byWhy(`workshop.frameworkId holds ${PAYLOADS[0]}`), expected: MESSAGES.framework, text: PAYLOADS[0] },
      { c: byWhy(`rating.groupId holds ${PAYLOADS[0]}`), expected: MESSAGES.groupNotInFile, text: PAYLOADS[0] },
      { c: byWhy('formatVersion 3'), expected: MESSAGES.newer('3') },
      { c: byWhy('a 4 MB piece of evidence'), expected: MESSAGES.tooLong('10,000') },
      { c: byWhy('2,000,000 nested lists in an unknown field (4 MB)'), expected: MESSAGES.nested },
      { c: byWhy('the workshop hidden under "__proto__"'), expected: MESSAGES.missing },
      { c: byWhy('ratings[0].now is 2.5'), expected: MESSAGES.score },
    ];
    for (const { c, name, expected, text } of refusals) {
      await openHome(page, server.url);
      const before = await dumpDb(page);
      await page.evaluate(() => (window.__maxGap = 0));
      const file = await saved(c, name);
      const t0 = Date.now();
      await chooseImportFile(page, file);
      const ping = await pingMs(page);
      const alert = await visible(page.getByRole('alert').filter({ hasText: 'Nothing has been imported' }), 20_000);
      const ms = Date.now() - t0;
      const pingAfter = await pingMs(page);
      const shown = (await alert.innerText()).replace(/\s+/g, ' ');
      const longest = await page.evaluate(() => window.__maxGap ?? 0);
      const after = await dumpDb(page);
      tried.push({
        name: name ?? c.name,
        outcome: 'refused',
        ms,
        pingMs: Math.max(ping, pingAfter),
        busiestMs: Math.round(longest),
        dbUnchanged: after.stores === before.stores,
      });

      const fileName = name ?? c.name;
      const message = (await alert.getByRole('listitem').allInnerTexts()).join('\n');
      expect(message.startsWith(`“${fileName}” `), message).toBe(true);
      expect(message).toMatch(expected);
      if (text) expect(shown).toContain(text);
      expect(await page.getByRole('button', { name: 'Confirm import', exact: true }).count()).toBe(0);
      expect(after.stores, `the database after ${fileName}`).toBe(before.stores);
      expect(await injected(page)).toEqual([]);
      expect(ping, `the page answered ${ping} ms after ${fileName} was chosen`).toBeLessThan(1000);
      expect(pingAfter).toBeLessThan(1000);
    }
    const huge = tried[0]!;
    expect(huge.name).toBe('huge-50mb.json');
    expect(huge.busiestMs, 'the main thread was never busy for long while refusing the 50 MB file').toBeLessThan(500);

    // The timer sees a busy main thread: a 150 ms busy loop shows.
    await page.evaluate(() => (window.__maxGap = 0));
    await page.evaluate(() => {
      const t = performance.now();
      while (performance.now() - t < 150);
    });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => window.__maxGap ?? 0)).toBeGreaterThanOrEqual(120);
  });

  it('imports markup in every text field as text: nothing runs, no element is made from it', async () => {
    const page = session!.page;
    const everything = byWhy('markup in every free-text field at once');
    const groupId = byWhy(`group.id holds ${PAYLOADS[0]}`);
    const workshopId = byWhy(`workshop.id holds ${PAYLOADS[1]}`);
    // File names are shown in the preview too (no "/" in a file name, so not the <script> payload).
    const names = [`${PAYLOADS[0]}.json`, '"><svg onload=window.__xss=3>.json', 'group-id-markup.json'];
    const files = [
      await saved(everything, names[0]),
      await saved(workshopId, names[1]),
      await saved(groupId, names[2]),
    ];
    for (const [i, file] of files.entries()) {
      await openHome(page, server.url);
      await page.evaluate(() => (window.__maxGap = 0));
      const t0 = Date.now();
      await chooseImportFile(page, file);
      const preview = await visible(heading(page, 'Check the import', 2));
      expect(await preview.locator('xpath=..').innerText()).toContain(names[i]!);
      expect(await injected(page)).toEqual([]);
      await page.getByRole('button', { name: 'Confirm import', exact: true }).click();
      await visible(page.getByRole('status').filter({ hasText: /^\s*Imported/ }));
      const longest = await page.evaluate(() => window.__maxGap ?? 0);
      tried.push({
        name: names[i]!,
        outcome: 'imported',
        ms: Date.now() - t0,
        pingMs: await pingMs(page),
        busiestMs: Math.round(longest),
      });
      expect(await injected(page)).toEqual([]);
    }

    // Every screen that shows a workshop's text, for the workshop with markup everywhere and the
    // one whose id is markup (its screens' addresses hold the markup too).
    const enc = encodeURIComponent;
    const screens = (w: string, g: string) => [
      '#/',
      `#/w/${enc(w)}`,
      `#/w/${enc(w)}/edit`,
      `#/w/${enc(w)}/results`,
      `#/w/${enc(w)}/compare`,
      `#/w/${enc(w)}/actions`,
      `#/w/${enc(w)}/report`,
      `#/w/${enc(w)}/agree/connectivity`,
      `#/w/${enc(w)}/g/${enc(g)}/connectivity`,
      `#/w/${enc(w)}/g/${enc(g)}/overview`,
    ];
    const visited: string[] = [];
    for (const hash of [
      ...screens(WORKSHOP_ID, BLUE),
      ...screens(PAYLOADS[1], BLUE),
      ...screens(WORKSHOP_ID, PAYLOADS[0]),
    ]) {
      await page.goto(`${server.url}${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForTimeout(150); // charts and live queries settle
      const found = await injected(page);
      expect(found, `on ${hash}`).toEqual([]);
      visited.push(hash);
    }
    // The markup is there, as text people can read.
    await page.goto(`${server.url}#/w/${enc(WORKSHOP_ID)}`);
    await visible(heading(page, PAYLOADS[0]));
    await page.goto(`${server.url}#/w/${enc(WORKSHOP_ID)}/g/${enc(BLUE)}/connectivity`);
    await visible(heading(page, PAYLOADS[0]));
    expect(await page.getByRole('textbox', { name: /^Evidence/ }).inputValue()).toBe(PAYLOADS[0]);
    expect(await page.getByRole('textbox', { name: /^Notes/ }).inputValue()).toBe(PAYLOADS[1]);
    const stored = JSON.parse((await dumpDb(page)).stores) as Record<string, { id: string; dissent?: string }[]>;
    expect(stored.agreements?.find((a) => a.id === AGREEMENT_ID)?.dissent).toBe(PAYLOADS[2]);

    recorder.assertClean();
    summary.chromiumScreensChecked = visited.length;
  });
});

afterAll(async () => {
  summary.machine = {
    platform: `${os.type()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    loadAverage: os.loadavg(),
  };
  await mkdir(path.join(REPO_ROOT, 'test-results'), { recursive: true });
  await writeFile(
    path.join(REPO_ROOT, 'test-results', 'hostile-summary.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  const { refusalMessages: _m, ...moduleLevel } = (summary.moduleLevel ?? {}) as Record<string, unknown>;
  console.log(
    `hostile files: ${JSON.stringify({ ...summary, moduleLevel, chromium: { ...(summary.chromium as object), files: undefined } }, null, 2)}`,
  );
});
