import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/data/db.ts';
import { applyImport, loadBundle, planImportFromDb } from '../../../src/data/bundles.ts';
import { hasChanges } from '../../../src/domain/merge.ts';
import type { Rating, WorkshopBundle } from '../../../src/domain/types.ts';
import { workshopFile } from '../../../src/files/export-file.ts';
import { readImportFiles } from '../../../src/files/import-file.ts';
import { makeAction, makeAgreement, makeBundle, makeGroup, makeRating, resetDb, storeBundle } from '../../factories.ts';
import sampleV1 from '../../fixtures/workshop-v1.json?raw';
import sampleV2 from '../../fixtures/workshop-v2.json?raw';

const LATER = '2026-11-28T12:00:00.000Z';
const EARLIER = '2026-11-26T12:00:00.000Z';

/** Everything stored, in a stable order, to compare before and after. */
async function dbContents() {
  return {
    workshops: await db.workshops.orderBy('id').toArray(),
    groups: await db.groups.orderBy('id').toArray(),
    ratings: await db.ratings.orderBy('id').toArray(),
    agreements: await db.agreements.orderBy('id').toArray(),
    actions: await db.actions.orderBy('id').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
  };
}

/** A workshop with groups, scores, agreed scores and actions. */
function fullBundle(): WorkshopBundle {
  const bundle = makeBundle(2, ['connectivity', 'data']);
  const id = bundle.workshop.id;
  bundle.agreements = [makeAgreement(id, 'connectivity', { rationale: 'Both groups said 2' })];
  bundle.actions = [
    makeAction(id, 'connectivity', { due: '2027-03-31' }),
    makeAction(id, 'data', { status: 'in-progress' }),
  ];
  return bundle;
}

const WORKSHOP = '5f0c9a52-3d4e-4b8e-9a51-2f6f1f3b7c10';
const BLUE = '0b7e3a1c-6f55-4e0b-8f5a-8c1d2e3f4a01';
const GREEN = '9d2c4b6a-1e3f-4a5b-9c7d-0e1f2a3b4c02';

/** Records the ids of ratings Dexie writes, until the returned function is called. */
function watchRatingWrites(): { ids: string[]; stop: () => void } {
  const ids: string[] = [];
  const creating = (key: string) => void ids.push(key);
  const updating = (_changes: object, key: string) => void ids.push(key);
  db.ratings.hook('creating', creating);
  db.ratings.hook('updating', updating);
  return {
    ids,
    stop: () => {
      db.ratings.hook('creating').unsubscribe(creating);
      db.ratings.hook('updating').unsubscribe(updating);
    },
  };
}

beforeEach(resetDb);

describe('loadBundle', () => {
  it('reads a workshop with its groups and ratings', async () => {
    const bundle = makeBundle(2, ['data']);
    await storeBundle(bundle);
    const loaded = await loadBundle(bundle.workshop.id);
    expect(loaded?.workshop).toEqual(bundle.workshop);
    expect(loaded?.groups).toEqual(bundle.groups);
    expect(loaded?.ratings).toEqual(expect.arrayContaining(bundle.ratings));
  });

  it('reads its agreed scores and actions', async () => {
    const bundle = fullBundle();
    await storeBundle(bundle);
    const loaded = await loadBundle(bundle.workshop.id);
    expect(loaded?.agreements).toEqual(bundle.agreements);
    expect(loaded?.actions).toEqual(expect.arrayContaining(bundle.actions));
  });

  it('gives nothing for a missing or deleted workshop', async () => {
    const bundle = makeBundle(1, []);
    await storeBundle({ ...bundle, workshop: { ...bundle.workshop, deletedAt: LATER } });
    expect(await loadBundle(bundle.workshop.id)).toBeUndefined();
    expect(await loadBundle('no-such-workshop')).toBeUndefined();
  });
});

describe('applyImport', () => {
  it('stores a new workshop with its groups and ratings', async () => {
    const bundle = makeBundle(2, ['connectivity', 'data']);
    const plan = await applyImport([bundle]);
    expect(plan.workshops[0]?.details).toBe('added');
    expect(await loadBundle(bundle.workshop.id)).toEqual({
      workshop: bundle.workshop,
      groups: bundle.groups,
      ratings: expect.arrayContaining(bundle.ratings),
      agreements: [],
      actions: [],
    });
  });

  it('stores agreed scores and actions with the workshop, and reads them back', async () => {
    const bundle = fullBundle();
    const plan = await applyImport([bundle]);
    expect(plan.workshops[0]).toMatchObject({ agreements: { added: 1 }, actions: { added: 2 } });
    const loaded = await loadBundle(bundle.workshop.id);
    expect(loaded?.agreements).toEqual(bundle.agreements);
    expect(loaded?.actions).toEqual(expect.arrayContaining(bundle.actions));
    expect(loaded?.actions).toHaveLength(2);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const original = fullBundle();
    const { ok } = await readImportFiles([workshopFile(original, '0.1.0')]);
    await applyImport(ok.map((f) => f.bundle));
    const afterFirst = await dbContents();
    const watch = watchRatingWrites();
    const again = await readImportFiles([workshopFile(original, '0.1.0')]);
    const plan = await applyImport(again.ok.map((f) => f.bundle));
    watch.stop();
    expect(hasChanges(plan)).toBe(false);
    expect(watch.ids).toEqual([]);
    expect(await dbContents()).toEqual(afterFirst);
  });

  it('writes only the records that win', async () => {
    const stored = makeBundle(1, ['connectivity', 'data', 'value']);
    await storeBundle(stored);
    const [a, b, c] = stored.ratings as [Rating, Rating, Rating];
    const incoming: WorkshopBundle = {
      ...stored,
      ratings: [{ ...a, now: 5, updatedAt: LATER }, { ...b, now: 1, updatedAt: EARLIER }, c],
    };
    const watch = watchRatingWrites();
    await applyImport([incoming]);
    watch.stop();
    expect(watch.ids).toEqual([a.id]);
    expect(await db.ratings.get(a.id)).toMatchObject({ now: 5 });
    expect(await db.ratings.get(b.id)).toEqual(b);
  });

  it('writes only the agreed scores and actions that win', async () => {
    const stored = fullBundle();
    await storeBundle(stored);
    const [agreement] = stored.agreements;
    const [first, second] = stored.actions;
    const incoming: WorkshopBundle = {
      ...stored,
      agreements: [{ ...agreement!, target: 5, updatedAt: LATER }],
      actions: [
        { ...first!, status: 'done', updatedAt: LATER },
        { ...second!, owner: 'Old owner', updatedAt: EARLIER },
      ],
    };
    await applyImport([incoming]);
    expect(await db.agreements.get(agreement!.id)).toMatchObject({ target: 5 });
    expect(await db.actions.get(first!.id)).toMatchObject({ status: 'done' });
    expect(await db.actions.get(second!.id)).toEqual(second);
  });

  it('finds every stored rating asked for, whatever the shape of its id', async () => {
    // Read a group at a time by id range: a group whose id starts like another's, and an id
    // without a group prefix, must still be matched exactly.
    const stored = makeBundle(0, []);
    const g = makeGroup(stored.workshop.id, { id: 'g' });
    const gx = makeGroup(stored.workshop.id, { id: 'g/x' });
    const ratings = [makeRating(g, 'data'), makeRating(gx, 'data'), makeRating(g, 'value', { id: 'odd' })];
    await storeBundle({ ...stored, groups: [g, gx], ratings });
    const same: WorkshopBundle = { ...stored, groups: [g, gx], ratings };
    expect(hasChanges(await planImportFromDb([same]))).toBe(false);
    const watch = watchRatingWrites();
    await applyImport([
      { ...same, ratings: ratings.map((r) => (r.id === 'g/x/data' ? { ...r, now: 5, updatedAt: LATER } : r)) },
    ]);
    watch.stop();
    expect(watch.ids).toEqual(['g/x/data']);
    expect(await db.ratings.count()).toBe(3);
  });

  it('writes everything in one transaction: a failure part-way leaves nothing behind', async () => {
    await storeBundle(makeBundle(1, ['data']));
    const before = await dbContents();
    const bundle = makeBundle(2, ['connectivity', 'data']);
    const last = bundle.ratings.at(-1)!.id;
    const failOnLast = (key: string) => {
      if (key === last) throw new Error('Disk full');
    };
    db.ratings.hook('creating', failOnLast);
    try {
      await expect(applyImport([bundle])).rejects.toThrow();
    } finally {
      db.ratings.hook('creating').unsubscribe(failOnLast);
    }
    expect(await dbContents()).toEqual(before);
  });

  it('leaves nothing behind when writing the last action fails', async () => {
    const before = await dbContents();
    const bundle = fullBundle();
    const last = bundle.actions.at(-1)!.id;
    const failOnLast = (key: string) => {
      if (key === last) throw new Error('Disk full');
    };
    db.actions.hook('creating', failOnLast);
    try {
      await expect(applyImport([bundle])).rejects.toThrow();
    } finally {
      db.actions.hook('creating').unsubscribe(failOnLast);
    }
    expect(await dbContents()).toEqual(before);
  });

  it('respects a change made on this device after the preview', async () => {
    const stored = makeBundle(1, ['data']);
    await storeBundle(stored);
    const rating = stored.ratings[0]!;
    const incoming = { ...stored, ratings: [{ ...rating, now: 1, updatedAt: LATER }] };
    const preview = await planImportFromDb([incoming]);
    expect(preview.workshops[0]?.ratings.updated).toBe(1);
    const edited = { ...rating, now: 4, updatedAt: '2026-11-29T12:00:00.000Z' };
    await db.ratings.put(edited);
    const plan = await applyImport([incoming]);
    expect(plan.workshops[0]?.ratings.older).toBe(1);
    expect(await db.ratings.get(rating.id)).toEqual(edited);
  });

  it('merges files of the same workshop from several devices', async () => {
    const blue = makeBundle(1, ['data']);
    const green = makeGroup(blue.workshop.id, { name: 'Green' });
    const greenFile: WorkshopBundle = {
      workshop: blue.workshop,
      groups: [green],
      ratings: [makeRating(green, 'data')],
      agreements: [],
      actions: [],
    };
    await applyImport([blue]);
    await applyImport([greenFile]);
    const loaded = await loadBundle(blue.workshop.id);
    expect(loaded?.groups.map((g) => g.id).sort()).toEqual([blue.groups[0]!.id, green.id].sort());
    expect(loaded?.ratings).toHaveLength(2);
  });

  it('sees records stored under another workshop as well as its own, and leaves the other workshop alone', async () => {
    const other = makeBundle(1, ['data']);
    other.agreements = [makeAgreement(other.workshop.id, 'data')];
    other.actions = [makeAction(other.workshop.id, 'data')];
    await storeBundle(other);
    const mine = makeBundle(2, ['connectivity', 'data']);
    await storeBundle({ ...mine, groups: mine.groups.slice(0, 1), ratings: mine.ratings.slice(0, 1) });
    const before = await dbContents();
    // The file brings my stored group and score (unchanged), a new group, and records whose ids the
    // other workshop already uses: its group (with a score) and its action.
    const otherGroup = { ...other.groups[0]!, workshopId: mine.workshop.id };
    const incoming: WorkshopBundle = {
      ...mine,
      groups: [...mine.groups, otherGroup],
      ratings: [...mine.ratings, { ...other.ratings[0]!, workshopId: mine.workshop.id, updatedAt: LATER }],
      actions: [{ ...other.actions[0]!, workshopId: mine.workshop.id, updatedAt: LATER }],
    };
    const preview = await planImportFromDb([incoming]);
    expect(preview.workshops[0]).toMatchObject({
      groups: { added: 1, unchanged: 1, clashing: 1 },
      ratings: { added: 3, unchanged: 1, clashing: 1 },
      actions: { clashing: 1 },
    });
    await applyImport([incoming]);
    const after = await dbContents();
    const ofOther = (records: { workshopId: string }[]) => records.filter((r) => r.workshopId === other.workshop.id);
    for (const kind of ['groups', 'ratings', 'agreements', 'actions'] as const)
      expect(ofOther(after[kind])).toEqual(ofOther(before[kind]));
    expect(after.ratings.filter((r) => r.workshopId === mine.workshop.id)).toHaveLength(4);
  });

  it('brings back a workshop deleted on this device', async () => {
    const bundle = makeBundle(1, ['data']);
    await storeBundle({ ...bundle, workshop: { ...bundle.workshop, deletedAt: LATER } });
    await applyImport([bundle]);
    expect((await db.workshops.get(bundle.workshop.id))?.deletedAt).toBeNull();
  });
});

describe('importing the saved sample files', () => {
  it('imports the version-1 sample: every record, with the fields version 2 adds', async () => {
    const { ok, errors } = await readImportFiles([new File([sampleV1], 'workshop-v1.json')]);
    expect(errors).toEqual([]);
    const plan = await applyImport(ok.map((f) => f.bundle));
    expect(plan.workshops).toEqual([expect.objectContaining({ id: WORKSHOP, details: 'added' })]);
    expect(await dbContents()).toEqual({
      workshops: [
        {
          id: WORKSHOP,
          name: 'Budget review',
          organisation: 'Exampleshire Council',
          date: '2026-11-27',
          facilitator: 'Sam Patel',
          frameworkId: 'lga-digitalisation-outcomes',
          frameworkVersion: '2022.1',
          createdAt: '2026-11-27T09:00:00.000Z',
          updatedAt: '2026-11-27T09:00:00.000Z',
          deletedAt: null,
          privateScoring: false,
          revealedAt: null,
        },
      ],
      groups: [
        {
          id: BLUE,
          workshopId: WORKSHOP,
          name: 'Blue',
          createdAt: '2026-11-27T09:05:00.000Z',
          updatedAt: '2026-11-27T09:05:00.000Z',
        },
        {
          id: GREEN,
          workshopId: WORKSHOP,
          name: 'Green',
          createdAt: '2026-11-27T09:06:00.000Z',
          updatedAt: '2026-11-27T09:06:00.000Z',
        },
      ],
      ratings: [
        {
          id: `${BLUE}/connectivity`,
          workshopId: WORKSHOP,
          groupId: BLUE,
          outcomeId: 'connectivity',
          now: 2,
          target: 4,
          confidence: 'medium',
          evidence: 'Coverage map from 2025; two rural wards have no fibre.',
          notes: 'Ask the digital inclusion lead about library Wi-Fi.',
          updatedAt: '2026-11-27T10:00:00.000Z',
        },
        {
          id: `${BLUE}/data`,
          workshopId: WORKSHOP,
          groupId: BLUE,
          outcomeId: 'data',
          now: 'not-sure',
          target: 3,
          confidence: 'low',
          evidence: '',
          notes: '',
          updatedAt: '2026-11-27T10:12:00.000Z',
        },
        {
          id: `${GREEN}/connectivity`,
          workshopId: WORKSHOP,
          groupId: GREEN,
          outcomeId: 'connectivity',
          now: 3,
          target: null,
          confidence: null,
          evidence: '',
          notes: 'Not agreed yet.',
          updatedAt: '2026-11-27T10:20:00.000Z',
        },
      ],
      agreements: [],
      actions: [],
      settings: [],
    });
  });

  it('imports the version-2 sample with its agreed scores and actions', async () => {
    const { ok, errors } = await readImportFiles([new File([sampleV2], 'workshop-v2.json')]);
    expect(errors).toEqual([]);
    await applyImport(ok.map((f) => f.bundle));
    const loaded = await loadBundle(WORKSHOP);
    expect(loaded?.workshop).toMatchObject({
      privateScoring: true,
      revealedAt: '2026-11-27T11:00:00.000Z',
      deletedAt: null,
    });
    expect(loaded?.ratings).toHaveLength(3);
    expect(loaded?.agreements).toEqual([
      {
        id: `${WORKSHOP}/connectivity`,
        workshopId: WORKSHOP,
        outcomeId: 'connectivity',
        now: 2,
        target: 4,
        rationale: 'Both groups said 2 or 3; the rural wards keep it at 2.',
        dissent: 'Green thought 3, because the libraries have free Wi-Fi.',
        updatedAt: '2026-11-27T11:30:00.000Z',
      },
      expect.objectContaining({ id: `${WORKSHOP}/data`, now: 'not-sure', target: 3, dissent: '' }),
    ]);
    expect(loaded?.actions).toEqual([
      {
        id: 'a1c2e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a11',
        workshopId: WORKSHOP,
        outcomeId: 'connectivity',
        what: 'Map broadband coverage in the rural wards',
        owner: 'Digital inclusion lead',
        due: '2027-03-31',
        status: 'in-progress',
        createdAt: '2026-11-27T12:00:00.000Z',
        updatedAt: '2026-11-27T12:05:00.000Z',
      },
      expect.objectContaining({
        id: 'b2d3f4a5-6c7e-4f80-9bac-1d2e3f4a5b12',
        owner: '',
        due: '',
        status: 'not-started',
      }),
    ]);
  });

  it('merges a version-1 file into a workshop that already has agreed scores and actions, keeping them', async () => {
    const { ok: v2 } = await readImportFiles([new File([sampleV2], 'workshop-v2.json')]);
    await applyImport(v2.map((f) => f.bundle));
    const before = await dbContents();
    const { ok: v1 } = await readImportFiles([new File([sampleV1], 'workshop-v1.json')]);
    const plan = await applyImport(v1.map((f) => f.bundle));
    expect(hasChanges(plan)).toBe(false);
    expect(await dbContents()).toEqual(before);
  });
});
