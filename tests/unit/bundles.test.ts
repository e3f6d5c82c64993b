import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/data/db.ts';
import { applyImport, loadBundle, planImportFromDb } from '../../src/data/bundles.ts';
import { hasChanges } from '../../src/domain/merge.ts';
import type { Rating, WorkshopBundle } from '../../src/domain/types.ts';
import { workshopFile } from '../../src/files/export-file.ts';
import { readImportFiles } from '../../src/files/import-file.ts';
import { makeBundle, makeGroup, makeRating, resetDb, storeBundle } from '../factories.ts';

const LATER = '2026-11-28T12:00:00.000Z';
const EARLIER = '2026-11-26T12:00:00.000Z';

/** Everything stored, in a stable order, to compare before and after. */
async function dbContents() {
  return {
    workshops: await db.workshops.orderBy('id').toArray(),
    groups: await db.groups.orderBy('id').toArray(),
    ratings: await db.ratings.orderBy('id').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
  };
}

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

  it('changes nothing when the same file is imported twice', async () => {
    const original = makeBundle(2, ['connectivity', 'data']);
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
    const greenFile: WorkshopBundle = { workshop: blue.workshop, groups: [green], ratings: [makeRating(green, 'data')], agreements: [], actions: [] };
    await applyImport([blue]);
    await applyImport([greenFile]);
    const loaded = await loadBundle(blue.workshop.id);
    expect(loaded?.groups.map((g) => g.id).sort()).toEqual([blue.groups[0]!.id, green.id].sort());
    expect(loaded?.ratings).toHaveLength(2);
  });

  it('brings back a workshop deleted on this device', async () => {
    const bundle = makeBundle(1, ['data']);
    await storeBundle({ ...bundle, workshop: { ...bundle.workshop, deletedAt: LATER } });
    await applyImport([bundle]);
    expect((await db.workshops.get(bundle.workshop.id))?.deletedAt).toBeNull();
  });
});
