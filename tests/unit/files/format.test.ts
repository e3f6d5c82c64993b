import { describe, expect, it } from 'vitest';
import type { WorkshopBundle } from '../../../src/domain/types.ts';
import { buildEnvelope, exportFileName, workshopFile } from '../../../src/files/export-file.ts';
import {
  FILE_FORMAT_VERSION,
  isTimestamp,
  migrate,
  migrateV1ToV2,
  type VersionedEnvelope,
} from '../../../src/files/format.ts';
import { readImportFiles } from '../../../src/files/import-file.ts';
import { isIsoDate } from '../../../src/domain/workshop-input.ts';
import { makeAction, makeAgreement, makeBundle } from '../../factories.ts';
import sampleV1 from '../../fixtures/workshop-v1.json?raw';
import sampleV2 from '../../fixtures/workshop-v2.json?raw';
import damaged from '../../fixtures/workshop-damaged.json?raw';
import futureV3 from '../../fixtures/workshop-v3-future.json?raw';
import formatDoc from '../../../docs/file-format.md?raw';

const fixtures: Record<string, string> = {
  'workshop-v1.json': sampleV1,
  'workshop-v2.json': sampleV2,
  'workshop-damaged.json': damaged,
  'workshop-v3-future.json': futureV3,
};
const fixture = (name: string) => fixtures[name]!;
type Sample = { workshop: Record<string, any> } & Record<string, any>;
const sample = (name = 'workshop-v1.json') => JSON.parse(fixture(name)) as Sample;
const WORKSHOP = '5f0c9a52-3d4e-4b8e-9a51-2f6f1f3b7c10';
const BLUE = '0b7e3a1c-6f55-4e0b-8f5a-8c1d2e3f4a01';

/** The message a single file is refused with (fails the test if it was accepted). */
async function refusal(file: File): Promise<string> {
  const { ok, errors } = await readImportFiles([file]);
  expect(ok).toEqual([]);
  expect(errors).toHaveLength(1);
  return errors[0]!.message;
}

/** The version-1 sample file with one change, as a file named blue.json. */
function changed(change: (file: Sample) => void): File {
  const data = sample();
  change(data);
  return new File([JSON.stringify(data)], 'blue.json');
}

/** The version-2 sample file (with agreed scores and actions) with one change, as blue.json. */
function changedV2(change: (file: Sample) => void): File {
  const data = sample('workshop-v2.json');
  change(data);
  return new File([JSON.stringify(data)], 'blue.json');
}

const sorted = (bundle: WorkshopBundle): WorkshopBundle => ({
  workshop: bundle.workshop,
  groups: [...bundle.groups].sort((a, b) => a.id.localeCompare(b.id)),
  ratings: [...bundle.ratings].sort((a, b) => a.id.localeCompare(b.id)),
  agreements: [...bundle.agreements].sort((a, b) => a.id.localeCompare(b.id)),
  actions: [...bundle.actions].sort((a, b) => a.id.localeCompare(b.id)),
});

describe('export and import round trip', () => {
  it('reads back exactly the bundle that was exported', async () => {
    const bundle = makeBundle(3, ['connectivity', 'data', 'value']);
    bundle.ratings[0] = {
      ...bundle.ratings[0]!,
      now: 'not-sure',
      target: null,
      confidence: null,
      evidence: 'Line 1\nLine 2 “quoted” <b>not html</b>',
    };
    const id = bundle.workshop.id;
    bundle.workshop = { ...bundle.workshop, privateScoring: true, revealedAt: '2026-11-27T11:00:00.000Z' };
    bundle.agreements = [
      makeAgreement(id, 'value', {
        now: 'not-sure',
        target: null,
        rationale: 'Why, with “quotes”',
        dissent: 'Line 1\nLine 2',
      }),
      makeAgreement(id, 'connectivity', { now: null, target: 5 }),
    ];
    bundle.actions = [
      makeAction(id, 'data', { due: '2027-01-31', status: 'done' }),
      makeAction(id, 'connectivity', { what: '', owner: '', status: 'in-progress' }),
    ];
    const file = workshopFile(bundle, '1.2.3');
    expect(file.type).toBe('application/json');
    const { ok, errors } = await readImportFiles([file]);
    expect(errors).toEqual([]);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.fileName).toBe(file.name);
    expect(sorted(ok[0]!.bundle)).toEqual(sorted(bundle));
  });

  it('writes the envelope fields in order, without device-only fields', () => {
    const bundle = makeBundle(1, ['data']);
    bundle.workshop.deletedAt = '2026-11-28T09:00:00.000Z';
    const envelope = buildEnvelope(bundle, '1.2.3', '2026-11-27T16:30:00.000Z');
    expect(Object.keys(envelope)).toEqual(['format', 'formatVersion', 'app', 'exportedAt', 'workshop']);
    expect(envelope).toMatchObject({
      format: 'outcomes-workshop',
      formatVersion: 2,
      app: { name: 'Outcomes Workshop', version: '1.2.3' },
    });
    expect(envelope.workshop).not.toHaveProperty('deletedAt');
    expect(envelope.workshop.groups[0]).not.toHaveProperty('workshopId');
    expect(envelope.workshop.ratings[0]).not.toHaveProperty('workshopId');
  });

  it('writes agreed scores and actions in the framework order of their outcomes, without workshop ids', () => {
    const bundle = makeBundle(0, []);
    const id = bundle.workshop.id;
    bundle.agreements = [makeAgreement(id, 'value'), makeAgreement(id, 'connectivity')];
    bundle.actions = [
      makeAction(id, 'value'),
      makeAction(id, 'connectivity', { createdAt: '2026-11-27T13:00:00.000Z' }),
      makeAction(id, 'connectivity', { createdAt: '2026-11-27T12:00:00.000Z' }),
    ];
    const { workshop } = buildEnvelope(bundle, '1.2.3', '2026-11-27T16:30:00.000Z');
    expect(Object.keys(workshop).slice(-6)).toEqual([
      'privateScoring',
      'revealedAt',
      'groups',
      'ratings',
      'agreements',
      'actions',
    ]);
    expect(workshop.agreements.map((a) => a.outcomeId)).toEqual(['connectivity', 'value']);
    expect(workshop.actions.map((a) => a.id)).toEqual([
      bundle.actions[2]!.id,
      bundle.actions[1]!.id,
      bundle.actions[0]!.id,
    ]);
    expect(workshop.agreements[0]).not.toHaveProperty('workshopId');
    expect(workshop.actions[0]).not.toHaveProperty('workshopId');
  });

  it('names the file after the workshop and its date', () => {
    expect(exportFileName({ name: 'Budget review', date: '2026-11-27' })).toBe('budget-review-2026-11-27.json');
    expect(exportFileName({ name: 'Café & Co — Q3 2026!', date: '2026-11-27' })).toBe(
      'cafe-co-q3-2026-2026-11-27.json',
    );
    expect(exportFileName({ name: '???', date: '2026-11-27' })).toBe('workshop-2026-11-27.json');
    expect(exportFileName({ name: 'Ünïcödé', date: 'not a date' })).toBe('unicode.json');
  });

  it('reads the saved version-1 sample file, with the fields version 2 adds', async () => {
    const { ok, errors } = await readImportFiles([new File([fixture('workshop-v1.json')], 'workshop-v1.json')]);
    expect(errors).toEqual([]);
    expect(ok[0]!.bundle.workshop).toMatchObject({
      name: 'Budget review',
      deletedAt: null,
      privateScoring: false,
      revealedAt: null,
    });
    expect(ok[0]!.bundle.groups.map((g) => g.name)).toEqual(['Blue', 'Green']);
    expect(ok[0]!.bundle.ratings[1]).toMatchObject({ workshopId: ok[0]!.bundle.workshop.id, now: 'not-sure' });
    expect(ok[0]!.bundle.agreements).toEqual([]);
    expect(ok[0]!.bundle.actions).toEqual([]);
  });

  it('reads the saved version-2 sample file', async () => {
    const { ok, errors } = await readImportFiles([new File([fixture('workshop-v2.json')], 'workshop-v2.json')]);
    expect(errors).toEqual([]);
    const { workshop, agreements, actions } = ok[0]!.bundle;
    expect(workshop).toMatchObject({ privateScoring: true, revealedAt: '2026-11-27T11:00:00.000Z' });
    expect(agreements.map((a) => [a.outcomeId, a.now, a.target, a.workshopId])).toEqual([
      ['connectivity', 2, 4, WORKSHOP],
      ['data', 'not-sure', 3, WORKSHOP],
    ]);
    expect(actions.map((a) => [a.outcomeId, a.status, a.due, a.workshopId])).toEqual([
      ['connectivity', 'in-progress', '2027-03-31', WORKSHOP],
      ['data', 'not-started', '', WORKSHOP],
    ]);
  });

  it('writes the version-2 sample back exactly as it was read', async () => {
    const { ok } = await readImportFiles([new File([fixture('workshop-v2.json')], 'workshop-v2.json')]);
    const envelope = buildEnvelope(ok[0]!.bundle, '0.1.0', '2026-11-27T16:30:00.000Z');
    expect(envelope).toEqual(sample('workshop-v2.json'));
  });

  it('reads the example file in docs/file-format.md', async () => {
    const example = /```json\n([\s\S]*?)```/.exec(formatDoc)?.[1];
    const { errors } = await readImportFiles([new File([example ?? ''], 'example.json')]);
    expect(errors).toEqual([]);
  });

  it('accepts a file that starts with a byte-order mark', async () => {
    const { ok } = await readImportFiles([new File(['\uFEFF', fixture('workshop-v1.json')], 'bom.json')]);
    expect(ok).toHaveLength(1);
  });

  it('ignores unknown fields and cannot be used to pollute prototypes', async () => {
    const text = fixture('workshop-v1.json')
      .replace(
        '"name": "Budget review",',
        '"name": "Budget review", "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "extra": 1,',
      )
      .replace('"name": "Blue",', '"name": "Blue", "__proto__": { "isAdmin": true },');
    const { ok, errors } = await readImportFiles([new File([text], 'extra.json')]);
    expect(errors).toEqual([]);
    const { workshop, groups } = ok[0]!.bundle;
    expect(Object.getPrototypeOf(workshop)).toBe(Object.prototype);
    expect(workshop).not.toHaveProperty('extra');
    expect((workshop as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((groups[0] as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads several files and reports each refused one by name', async () => {
    const { ok, errors } = await readImportFiles([
      new File([fixture('workshop-v1.json')], 'good.json'),
      new File([fixture('workshop-damaged.json')], 'bad.json'),
    ]);
    expect(ok.map((f) => f.fileName)).toEqual(['good.json']);
    expect(errors.map((e) => e.fileName)).toEqual(['bad.json']);
  });
});

describe('timestamps', () => {
  /** The definition isTimestamp must match: the string is exactly what Date writes for it. */
  const byDate = (value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
    const time = new Date(value);
    return !Number.isNaN(time.getTime()) && time.toISOString() === value;
  };

  it('accepts exactly the timestamps Date writes back unchanged', () => {
    const cases: string[] = [
      '',
      '2026-11-27T09:00:00.000Z',
      '2026-11-27T09:00:00Z',
      '2026-11-27 09:00:00.000Z',
      '2026-11-27T09:00:00.000+01:00',
      ' 2026-11-27T09:00:00.000Z',
    ];
    for (const year of ['0000', '0001', '1900', '1999', '2000', '2023', '2024', '2100', '2400', '9999']) {
      for (let month = 0; month <= 13; month += 1) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          cases.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000Z`);
        }
      }
    }
    for (const time of [
      '00:00:00.000',
      '23:59:59.999',
      '24:00:00.000',
      '23:60:00.000',
      '23:59:60.000',
      '99:99:99.999',
      '12:5:00.000',
    ]) {
      cases.push(`2024-02-29T${time}Z`);
    }
    for (const value of cases) expect([value, isTimestamp(value)]).toEqual([value, byDate(value)]);
    // The calendar check it shares with the date fields (a workshop's date, an action's due date).
    for (const value of cases)
      expect([value, isIsoDate(value.slice(0, 10))]).toEqual([value, byDate(`${value.slice(0, 10)}T12:00:00.000Z`)]);
  });
});

describe('migration', () => {
  it('leaves a current envelope as it is', () => {
    const envelope: VersionedEnvelope = { formatVersion: FILE_FORMAT_VERSION, workshop: {} };
    expect(FILE_FORMAT_VERSION).toBe(2);
    expect(migrate(envelope)).toBe(envelope);
  });

  it('runs one step per version, in order', () => {
    const step = (to: number) => (e: VersionedEnvelope) => ({
      ...e,
      formatVersion: to,
      steps: [...(e.steps as number[]), to - 1],
    });
    expect(migrate({ formatVersion: 0, steps: [] }, { 0: step(1), 1: step(2) })).toEqual({
      formatVersion: 2,
      steps: [0, 1],
    });
    expect(() => migrate({ formatVersion: 0, steps: [] }, { 0: step(1) })).toThrow('No migration from file format 1');
  });

  it('upgrades version 1 to 2: no private scoring, no reveal, no agreed scores or actions', () => {
    const v1 = sample('workshop-v1.json');
    const copy = structuredClone(v1);
    const v2 = migrateV1ToV2(v1 as unknown as VersionedEnvelope);
    expect(v2).toEqual({
      ...v1,
      formatVersion: 2,
      workshop: { ...v1.workshop, privateScoring: false, revealedAt: null, agreements: [], actions: [] },
    });
    expect(v1).toEqual(copy);
    expect(migrate(v1 as unknown as VersionedEnvelope)).toEqual(v2);
  });

  it('leaves a damaged version-1 workshop for the checks to refuse', () => {
    expect(migrateV1ToV2({ formatVersion: 1, workshop: 'nonsense' })).toEqual({
      formatVersion: 2,
      workshop: 'nonsense',
    });
    expect(migrateV1ToV2({ formatVersion: 1 })).toEqual({ formatVersion: 2 });
  });
});

describe('refusals, each with its own message', () => {
  it('reads a file saved as UTF-16 (Notepad\'s "Unicode"), either way round, with a byte-order mark or without', async () => {
    const utf16 = (text: string, bigEndian: boolean) => {
      const bytes = new Uint8Array(text.length * 2);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < text.length; i += 1) view.setUint16(i * 2, text.charCodeAt(i), !bigEndian);
      return bytes;
    };
    const text = `\uFEFF${sampleV2}`;
    const read = await readImportFiles([
      new File([utf16(text, false)], 'little.json'),
      new File([utf16(text, true)], 'big.json'),
      new File([sampleV2], 'utf8.json'),
      new File([utf16(sampleV2, false)], 'no-mark.json'),
    ]);
    expect(read.errors).toEqual([]);
    expect(read.ok.map((f) => f.fileName)).toEqual(['little.json', 'big.json', 'utf8.json', 'no-mark.json']);
    for (const f of read.ok) expect(f.bundle).toEqual(read.ok[2]!.bundle);
    // Text that is not JSON at all is still refused as not ours, whatever its bytes.
    expect(await refusal(new File([utf16('Dear Sam, here are the notes', false)], 'letter.txt'))).toBe(
      '“letter.txt” is not an Outcomes Workshop file.',
    );
  });

  it('refuses a file that is too large, before reading it', async () => {
    const big = new File(['x'.repeat(32 * 1024 * 1024 + 200_000)], 'big.json');
    expect(await refusal(big)).toBe(
      '“big.json” is too large to be an Outcomes Workshop file (32.2 MB; the limit is 32 MB).',
    );
  });

  it('refuses a file that cannot be read, and still reads the files chosen with it', async () => {
    // As a file still in the cloud on iPadOS: its size is known, reading it fails.
    class Unreadable extends File {
      override get size() {
        return super.size + 1;
      }
      override text(): Promise<string> {
        return Promise.reject(new DOMException('The file could not be read', 'NotReadableError'));
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('The file could not be read', 'NotReadableError'));
      }
    }
    const good = workshopFile(makeBundle(1, ['data']), '0.1.0');
    const { ok, errors } = await readImportFiles([good, new Unreadable(['{}'], 'cloud.json'), good]);
    expect(ok.map((f) => f.fileName)).toEqual([good.name, good.name]);
    expect(errors).toEqual([
      {
        fileName: 'cloud.json',
        message: '“cloud.json” could not be opened on this device. Save it to the device, then import it again.',
      },
    ]);
  });

  it('reads many files, each on its own terms: a byte-order mark, text beyond ASCII', async () => {
    const bundle = makeBundle(1, ['data']);
    bundle.workshop.name = 'Café “review” – 2026';
    const text = await workshopFile(bundle, '0.1.0').text();
    const files = [
      new File(['\uFEFF' + text], 'bom.json'),
      new File([text], 'plain.json'),
      new File(['{'], 'cut.json'),
      new File([text], 'again.json'),
    ];
    const { ok, errors } = await readImportFiles(files);
    expect(ok.map((f) => [f.fileName, f.bundle.workshop.name])).toEqual([
      ['bom.json', bundle.workshop.name],
      ['plain.json', bundle.workshop.name],
      ['again.json', bundle.workshop.name],
    ]);
    expect(errors).toEqual([
      { fileName: 'cut.json', message: '“cut.json” could not be read: it may be damaged or cut short.' },
    ]);
  });

  it('refuses a file nested deeper than any workshop file, not counting brackets inside text', async () => {
    expect(await refusal(new File([`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`], 'deep.json'))).toBe(
      '“deep.json” is damaged: it is nested far more deeply than any Outcomes Workshop file.',
    );
    const bundle = makeBundle(1, ['data']);
    bundle.workshop.name = `Brackets ${'{['.repeat(80)}`;
    const { ok, errors } = await readImportFiles([workshopFile(bundle, '0.1.0')]);
    expect(errors).toEqual([]);
    expect(ok[0]?.bundle.workshop.name).toBe(bundle.workshop.name);
  });

  it('refuses an empty file', async () => {
    expect(await refusal(new File([''], 'empty.json'))).toBe(
      '“empty.json” is empty. Export the workshop again and import the new file.',
    );
    expect(await refusal(new File([' \n'], 'blank.json'))).toContain('“blank.json” is empty.');
  });

  it('refuses a damaged or cut-short file', async () => {
    expect(await refusal(new File([fixture('workshop-damaged.json')], 'cut.json'))).toBe(
      '“cut.json” could not be read: it may be damaged or cut short.',
    );
  });

  it('refuses a file that is not ours', async () => {
    const notOurs = '“other.json” is not an Outcomes Workshop file.';
    expect(await refusal(new File(['{"type":"excalidraw","version":2}'], 'other.json'))).toBe(notOurs);
    expect(await refusal(new File(['[1, 2, 3]'], 'other.json'))).toBe(notOurs);
    expect(await refusal(new File(['name,score\nBlue,3\n'], 'other.json'))).toBe(notOurs);
    expect(await refusal(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'other.json'))).toBe(notOurs);
  });

  it('refuses a file from a newer format version', async () => {
    expect(await refusal(new File([fixture('workshop-v3-future.json')], 'future.json'))).toBe(
      '“future.json” was made by a newer version of Outcomes Workshop (file format 3). Update the app on this device, then import it again.',
    );
  });

  it('refuses a version-1 file that is missing a part, with the same message as before', async () => {
    expect(await refusal(changed((f) => delete f.workshop.ratings))).toBe(
      '“blue.json” is incomplete: the workshop’s list of scores is missing.',
    );
  });

  it('refuses a format version that is not a version', async () => {
    expect(await refusal(changed((f) => (f.formatVersion = 'one')))).toBe(
      '“blue.json” is damaged: its file format version (“one”) is not one this app knows.',
    );
  });

  it('refuses a file with a missing field', async () => {
    expect(await refusal(changed((f) => delete f.workshop.name))).toBe(
      '“blue.json” is incomplete: the workshop’s name is missing.',
    );
    expect(await refusal(changed((f) => delete f.workshop.ratings[0].notes))).toBe(
      '“blue.json” is incomplete: group “Blue”, outcome “Connectivity”, notes is missing.',
    );
  });

  it('refuses a value of the wrong type', async () => {
    expect(await refusal(changed((f) => (f.workshop.groups[1].name = 42)))).toBe(
      '“blue.json” has a value that is not allowed: group 2, name must be text.',
    );
  });

  it('refuses a score outside the scale, naming the group and outcome', async () => {
    expect(await refusal(changed((f) => (f.workshop.ratings[1].now = 7)))).toBe(
      '“blue.json” has a score that is not allowed: group “Blue”, outcome “Data”, now is 7 (it must be a whole number from 1 to 5, or “not sure”).',
    );
    expect(await refusal(changed((f) => (f.workshop.ratings[1].target = 0)))).toBe(
      '“blue.json” has a score that is not allowed: group “Blue”, outcome “Data”, target is 0 (it must be a whole number from 1 to 5, or blank).',
    );
  });

  it('refuses a fractional or text score', async () => {
    expect(await refusal(changed((f) => (f.workshop.ratings[1].now = 2.5)))).toBe(
      '“blue.json” has a score that is not allowed: group “Blue”, outcome “Data”, now is 2.5 (it must be a whole number from 1 to 5, or “not sure”).',
    );
    expect(await refusal(changed((f) => (f.workshop.ratings[1].target = 'high')))).toContain(
      'target is “high” (it must be',
    );
  });

  it('refuses an unknown confidence', async () => {
    expect(await refusal(changed((f) => (f.workshop.ratings[0].confidence = 'very')))).toBe(
      '“blue.json” has a value that is not allowed: group “Blue”, outcome “Connectivity”, confidence is “very” (it must be “low”, “medium” or “high”, or blank).',
    );
  });

  it('refuses an unknown framework', async () => {
    expect(await refusal(changed((f) => (f.workshop.frameworkId = 'other-framework')))).toBe(
      '“blue.json” uses a scoring framework this app does not know (“other-framework”). Update the app on this device, then import it again.',
    );
  });

  it('refuses a score for an unknown outcome', async () => {
    const message = await refusal(
      changed((f) => {
        f.workshop.ratings[0].outcomeId = 'teleportation';
        f.workshop.ratings[0].id = `${BLUE}/teleportation`;
      }),
    );
    expect(message).toBe(
      '“blue.json” has a score for an outcome this app does not know: group “Blue”, outcome id “teleportation”.',
    );
  });

  it('refuses a score whose group is not in the file', async () => {
    const message = await refusal(
      changed((f) => {
        f.workshop.ratings[0].groupId = 'missing';
        f.workshop.ratings[0].id = 'missing/connectivity';
      }),
    );
    expect(message).toBe(
      '“blue.json” is damaged: a score belongs to a group that is not in the file (group id “missing”).',
    );
  });

  it('refuses a score whose id does not match its group and outcome', async () => {
    expect(await refusal(changed((f) => (f.workshop.ratings[0].id = 'something-else')))).toBe(
      '“blue.json” is damaged: the score for group “Blue”, outcome “Connectivity” has the wrong id (“something-else”).',
    );
  });

  it('refuses duplicate groups and duplicate scores', async () => {
    expect(await refusal(changed((f) => f.workshop.groups.push({ ...f.workshop.groups[0] })))).toBe(
      `“blue.json” is damaged: two groups have the same id (“${BLUE}”).`,
    );
    expect(await refusal(changed((f) => f.workshop.ratings.push({ ...f.workshop.ratings[0] })))).toBe(
      '“blue.json” is damaged: it has two scores for group “Blue”, outcome “Connectivity”.',
    );
  });

  it('refuses dates and times that are not real or not in the standard form', async () => {
    expect(await refusal(changed((f) => (f.workshop.date = '2026-02-30')))).toBe(
      '“blue.json” has a value that is not allowed: the workshop’s date must be a real date written like 2026-11-27.',
    );
    expect(await refusal(changed((f) => (f.workshop.groups[0].updatedAt = '27/11/2026 10:00')))).toBe(
      '“blue.json” has a value that is not allowed: group “Blue”, last-changed time must be a date and time written like 2026-11-27T09:00:00.000Z.',
    );
    expect(await refusal(changed((f) => (f.workshop.ratings[2].updatedAt = '2026-13-01T10:00:00.000Z')))).toBe(
      '“blue.json” has a value that is not allowed: group “Green”, outcome “Connectivity”, last-changed time must be a date and time written like 2026-11-27T09:00:00.000Z.',
    );
  });

  it('refuses over-long text', async () => {
    expect(await refusal(changed((f) => (f.workshop.name = 'x'.repeat(201))))).toBe(
      '“blue.json” has a value that is not allowed: the workshop’s name is longer than 200 characters.',
    );
    expect(await refusal(changed((f) => (f.workshop.ratings[0].evidence = 'x'.repeat(10_001))))).toBe(
      '“blue.json” has a value that is not allowed: group “Blue”, outcome “Connectivity”, evidence is longer than 10,000 characters.',
    );
  });

  it('refuses an empty workshop name', async () => {
    expect(await refusal(changed((f) => (f.workshop.name = '')))).toBe(
      '“blue.json” has a value that is not allowed: the workshop’s name is empty.',
    );
  });
});

describe('refusals of version-2 fields, naming the outcome', () => {
  it('refuses a version-2 file without the new fields', async () => {
    expect(await refusal(changedV2((f) => delete f.workshop.actions))).toBe(
      '“blue.json” is incomplete: the workshop’s list of actions is missing.',
    );
    expect(await refusal(changedV2((f) => delete f.workshop.privateScoring))).toBe(
      '“blue.json” is incomplete: the workshop’s private scoring setting is missing.',
    );
  });

  it('refuses a private scoring setting or reveal time of the wrong kind', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.privateScoring = 'yes')))).toBe(
      '“blue.json” has a value that is not allowed: the workshop’s private scoring setting must be true or false.',
    );
    expect(await refusal(changedV2((f) => (f.workshop.revealedAt = '2026-11-27 11:00')))).toBe(
      '“blue.json” has a value that is not allowed: the workshop’s reveal time must be a date and time written like 2026-11-27T09:00:00.000Z.',
    );
    expect(await refusal(changedV2((f) => (f.workshop.revealedAt = '2026-02-30T11:00:00.000Z')))).toBe(
      '“blue.json” has a value that is not allowed: the workshop’s reveal time must be a date and time written like 2026-11-27T09:00:00.000Z.',
    );
  });

  it('refuses an agreed score off the scale', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.agreements[0].now = 6)))).toBe(
      '“blue.json” has a score that is not allowed: the agreed score for outcome “Connectivity”, now is 6 (it must be a whole number from 1 to 5, or “not sure”).',
    );
    expect(await refusal(changedV2((f) => (f.workshop.agreements[1].target = 'not-sure')))).toBe(
      '“blue.json” has a score that is not allowed: the agreed score for outcome “Data”, target is “not-sure” (it must be a whole number from 1 to 5, or blank).',
    );
  });

  it('refuses an agreed score for an unknown outcome', async () => {
    const message = await refusal(
      changedV2((f) => {
        f.workshop.agreements[0].outcomeId = 'teleportation';
        f.workshop.agreements[0].id = `${WORKSHOP}/teleportation`;
      }),
    );
    expect(message).toBe(
      '“blue.json” has an agreed score for an outcome this app does not know: the agreed score for outcome id “teleportation”.',
    );
  });

  it('refuses an agreed score whose id is not the workshop id and outcome id', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.agreements[1].id = `${BLUE}/data`)))).toBe(
      `“blue.json” is damaged: the agreed score for outcome “Data” has the wrong id (“${BLUE}/data”).`,
    );
  });

  it('refuses two agreed scores for one outcome', async () => {
    expect(await refusal(changedV2((f) => f.workshop.agreements.push({ ...f.workshop.agreements[0] })))).toBe(
      '“blue.json” is damaged: it has two agreed scores for outcome “Connectivity”.',
    );
  });

  it('refuses an over-long rationale or dissent', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.agreements[0].rationale = 'x'.repeat(10_001))))).toBe(
      '“blue.json” has a value that is not allowed: the agreed score for outcome “Connectivity”, rationale is longer than 10,000 characters.',
    );
    expect(await refusal(changedV2((f) => delete f.workshop.agreements[1].dissent))).toBe(
      '“blue.json” is incomplete: the agreed score for outcome “Data”, dissent is missing.',
    );
  });

  it('refuses an agreed score with a time that is not real', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.agreements[0].updatedAt = '2026-11-31T10:00:00.000Z')))).toBe(
      '“blue.json” has a value that is not allowed: the agreed score for outcome “Connectivity”, last-changed time must be a date and time written like 2026-11-27T09:00:00.000Z.',
    );
  });

  it('refuses two actions with one id', async () => {
    expect(
      await refusal(changedV2((f) => f.workshop.actions.push({ ...f.workshop.actions[0], outcomeId: 'value' }))),
    ).toBe('“blue.json” is damaged: two actions have the same id (“a1c2e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a11”).');
  });

  it('refuses an action for an unknown outcome', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.actions[1].outcomeId = 'teleportation')))).toBe(
      '“blue.json” has an action for an outcome this app does not know: the action “List the data sets we hold, with an owner for each” for outcome id “teleportation”.',
    );
  });

  it('refuses an over-long what or owner', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.actions[0].owner = 'x'.repeat(201))))).toBe(
      '“blue.json” has a value that is not allowed: the action “Map broadband coverage in the rural wards” for outcome “Connectivity”, owner is longer than 200 characters.',
    );
    expect(await refusal(changedV2((f) => (f.workshop.actions[1].what = 'y'.repeat(201))))).toBe(
      `“blue.json” has a value that is not allowed: the action “${'y'.repeat(57)}…” for outcome “Data”, what is longer than 200 characters.`,
    );
  });

  it('refuses a due date that is not a real date', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.actions[0].due = '31/03/2027')))).toBe(
      '“blue.json” has a value that is not allowed: the action “Map broadband coverage in the rural wards” for outcome “Connectivity”, due date must be a real date written like 2026-11-27, or blank.',
    );
    expect(await refusal(changedV2((f) => (f.workshop.actions[0].due = '2027-02-29')))).toBe(
      '“blue.json” has a value that is not allowed: the action “Map broadband coverage in the rural wards” for outcome “Connectivity”, due date must be a real date written like 2026-11-27, or blank.',
    );
  });

  it('refuses an unknown status', async () => {
    expect(await refusal(changedV2((f) => (f.workshop.actions[1].status = 'finished')))).toBe(
      '“blue.json” has a value that is not allowed: the action “List the data sets we hold, with an owner for each” for outcome “Data”, status must be “not-started”, “in-progress” or “done”.',
    );
  });

  it('refuses an action with a time that is not real, and names an action without words by its place', async () => {
    expect(
      await refusal(
        changedV2((f) => {
          f.workshop.actions[1].what = '';
          f.workshop.actions[1].createdAt = 'yesterday';
        }),
      ),
    ).toBe(
      '“blue.json” has a value that is not allowed: action 2 for outcome “Data”, creation time must be a date and time written like 2026-11-27T09:00:00.000Z.',
    );
  });
});
