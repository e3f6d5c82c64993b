import { describe, expect, it } from 'vitest';
import type { WorkshopBundle } from '../../src/domain/types.ts';
import { buildEnvelope, exportFileName, workshopFile } from '../../src/files/export-file.ts';
import { FILE_FORMAT_VERSION, migrate, type VersionedEnvelope } from '../../src/files/format.ts';
import { readImportFiles } from '../../src/files/import-file.ts';
import { makeBundle } from '../factories.ts';
import sampleV1 from '../fixtures/workshop-v1.json?raw';
import damaged from '../fixtures/workshop-damaged.json?raw';
import futureV2 from '../fixtures/workshop-v2-future.json?raw';
import formatDoc from '../../docs/file-format.md?raw';

const fixtures: Record<string, string> = {
  'workshop-v1.json': sampleV1,
  'workshop-damaged.json': damaged,
  'workshop-v2-future.json': futureV2,
};
const fixture = (name: string) => fixtures[name]!;
const sample = () => JSON.parse(fixture('workshop-v1.json')) as { workshop: Record<string, any> } & Record<string, any>;
const BLUE = '0b7e3a1c-6f55-4e0b-8f5a-8c1d2e3f4a01';

/** The message a single file is refused with (fails the test if it was accepted). */
async function refusal(file: File): Promise<string> {
  const { ok, errors } = await readImportFiles([file]);
  expect(ok).toEqual([]);
  expect(errors).toHaveLength(1);
  return errors[0]!.message;
}

/** The sample file with one change, as a file named blue.json. */
function changed(change: (file: ReturnType<typeof sample>) => void): File {
  const data = sample();
  change(data);
  return new File([JSON.stringify(data)], 'blue.json');
}

const sorted = (bundle: WorkshopBundle): WorkshopBundle => ({
  workshop: bundle.workshop,
  groups: [...bundle.groups].sort((a, b) => a.id.localeCompare(b.id)),
  ratings: [...bundle.ratings].sort((a, b) => a.id.localeCompare(b.id)),
  agreements: bundle.agreements,
  actions: bundle.actions,
});

describe('export and import round trip', () => {
  it('reads back exactly the bundle that was exported', async () => {
    const bundle = makeBundle(3, ['connectivity', 'data', 'value']);
    bundle.ratings[0] = { ...bundle.ratings[0]!, now: 'not-sure', target: null, confidence: null, evidence: 'Line 1\nLine 2 “quoted” <b>not html</b>' };
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
    expect(envelope).toMatchObject({ format: 'outcomes-workshop', formatVersion: 1, app: { name: 'Outcomes Workshop', version: '1.2.3' } });
    expect(envelope.workshop).not.toHaveProperty('deletedAt');
    expect(envelope.workshop.groups[0]).not.toHaveProperty('workshopId');
    expect(envelope.workshop.ratings[0]).not.toHaveProperty('workshopId');
  });

  it('names the file after the workshop and its date', () => {
    expect(exportFileName({ name: 'Budget review', date: '2026-11-27' })).toBe('budget-review-2026-11-27.json');
    expect(exportFileName({ name: 'Café & Co — Q3 2026!', date: '2026-11-27' })).toBe('cafe-co-q3-2026-2026-11-27.json');
    expect(exportFileName({ name: '???', date: '2026-11-27' })).toBe('workshop-2026-11-27.json');
    expect(exportFileName({ name: 'Ünïcödé', date: 'not a date' })).toBe('unicode.json');
  });

  it('reads the saved version-1 sample file', async () => {
    const { ok, errors } = await readImportFiles([new File([fixture('workshop-v1.json')], 'workshop-v1.json')]);
    expect(errors).toEqual([]);
    expect(ok[0]!.bundle.workshop).toMatchObject({ name: 'Budget review', deletedAt: null });
    expect(ok[0]!.bundle.groups.map((g) => g.name)).toEqual(['Blue', 'Green']);
    expect(ok[0]!.bundle.ratings[1]).toMatchObject({ workshopId: ok[0]!.bundle.workshop.id, now: 'not-sure' });
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
      .replace('"name": "Budget review",', '"name": "Budget review", "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "extra": 1,')
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

describe('migration', () => {
  it('leaves a current envelope as it is', () => {
    const envelope: VersionedEnvelope = { formatVersion: FILE_FORMAT_VERSION, workshop: {} };
    expect(migrate(envelope)).toBe(envelope);
  });

  it('runs one step per version, in order', () => {
    const steps = { 0: (e: VersionedEnvelope) => ({ ...e, formatVersion: 1, steps: [...(e.steps as number[]), 0] }) };
    expect(migrate({ formatVersion: 0, steps: [] }, steps)).toEqual({ formatVersion: 1, steps: [0] });
    expect(() => migrate({ formatVersion: 0 }, {})).toThrow('No migration from file format 0');
  });
});

describe('refusals, each with its own message', () => {
  it('refuses a file that is too large, before reading it', async () => {
    const big = new File(['x'.repeat(5 * 1024 * 1024 + 200_000)], 'big.json');
    expect(await refusal(big)).toBe('“big.json” is too large to be an Outcomes Workshop file (5.2 MB; the limit is 5 MB).');
  });

  it('refuses an empty file', async () => {
    expect(await refusal(new File([''], 'empty.json'))).toBe('“empty.json” is empty. Export the workshop again and import the new file.');
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
    expect(await refusal(new File([fixture('workshop-v2-future.json')], 'future.json'))).toBe(
      '“future.json” was made by a newer version of Outcomes Workshop (file format 2). Update the app on this device, then import it again.',
    );
  });

  it('refuses a format version that is not a version', async () => {
    expect(await refusal(changed((f) => (f.formatVersion = 'one')))).toBe(
      '“blue.json” is damaged: its file format version (“one”) is not one this app knows.',
    );
  });

  it('refuses a file with a missing field', async () => {
    expect(await refusal(changed((f) => delete f.workshop.name))).toBe('“blue.json” is incomplete: the workshop’s name is missing.');
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
    expect(await refusal(changed((f) => (f.workshop.ratings[1].target = 'high')))).toContain('target is “high” (it must be');
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
    expect(message).toBe('“blue.json” has a score for an outcome this app does not know: group “Blue”, outcome id “teleportation”.');
  });

  it('refuses a score whose group is not in the file', async () => {
    const message = await refusal(
      changed((f) => {
        f.workshop.ratings[0].groupId = 'missing';
        f.workshop.ratings[0].id = 'missing/connectivity';
      }),
    );
    expect(message).toBe('“blue.json” is damaged: a score belongs to a group that is not in the file (group id “missing”).');
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
