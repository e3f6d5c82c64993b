import Dexie, { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/data/db.ts';
import { listRatings, saveRating } from '../../src/data/ratings.ts';
import { ratingId } from '../../src/domain/ids.ts';
import type { Group, Rating } from '../../src/domain/types.ts';
import { makeBundle, resetDb, storeBundle } from '../factories.ts';

// saveRating lays a change over the rating as the screen shows it (or over this tab's own last
// write) without reading first; these check that nothing another writer stored is lost that way.
describe('saving a score', () => {
  const bundle = makeBundle(1, ['connectivity', 'data']);
  const group: Group = bundle.groups[0]!;
  const id = ratingId(group.id, 'data');
  const stored = () => db.ratings.get(id);
  /** Another tab, an import or a restore writing the rating directly. */
  const otherWriter = async (change: Partial<Rating>) => {
    const current = (await stored())!;
    await db.ratings.put({
      ...current,
      ...change,
      updatedAt: new Date(Date.parse(current.updatedAt) + 1000).toISOString(),
    });
  };

  /** Runs `next` just after the next write transaction is created: after it, before it comes back. */
  const justAfterNextWrite = <T>(next: () => Promise<T>): { done: () => Promise<T | undefined> } => {
    // On IndexedDB itself: the tap's write does not go through Dexie's transaction layer.
    const create = IDBDatabase.prototype.transaction;
    let started: Promise<T> | undefined;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = create.apply(this, args);
      if (args[1] === 'readwrite') {
        IDBDatabase.prototype.transaction = create;
        started = next();
      }
      return tx;
    } as IDBDatabase['transaction'];
    return {
      done: async () => {
        IDBDatabase.prototype.transaction = create;
        return started;
      },
    };
  };

  beforeEach(async () => {
    await resetDb();
    await storeBundle({ ...bundle, ratings: [] });
  });

  it('creates the rating on the first save, from the screen showing none', async () => {
    const saved = await saveRating(group, 'data', { now: 3 }, null);
    expect(saved).toMatchObject({
      id,
      workshopId: group.workshopId,
      groupId: group.id,
      outcomeId: 'data',
      now: 3,
      target: null,
      confidence: null,
      evidence: '',
      notes: '',
    });
    expect(await stored()).toEqual(saved);
    expect(await listRatings(group.id)).toHaveLength(1);
  });

  it('keeps both of two quick changes to different fields, sent before either is stored', async () => {
    const seen = await saveRating(group, 'data', { evidence: 'Data strategy' }, null);
    // Both taps see the same version on the screen: the second must not undo the first.
    await Promise.all([saveRating(group, 'data', { now: 2 }, seen), saveRating(group, 'data', { target: 4 }, seen)]);
    expect(await stored()).toMatchObject({ now: 2, target: 4, evidence: 'Data strategy' });
  });

  it('keeps what another writer stored after the version on the screen', async () => {
    const seen = await saveRating(group, 'data', { now: 2 }, null);
    await otherWriter({ evidence: 'From the other tablet', confidence: 'high' });
    // The screen has not caught up yet: the change is laid over the older version.
    const saved = await saveRating(group, 'data', { target: 5 }, seen);
    expect(saved.target).toBe(5);
    expect(await stored()).toMatchObject({ now: 2, target: 5, evidence: 'From the other tablet', confidence: 'high' });
  });

  it("keeps another writer's rating when the screen showed none", async () => {
    await storeBundle({
      ...bundle,
      ratings: bundle.ratings
        .filter((r) => r.outcomeId === 'data')
        .map((r) => ({ ...r, now: 4, evidence: 'Imported' })),
    });
    await saveRating(group, 'data', { target: 5 }, null);
    expect(await stored()).toMatchObject({ now: 4, target: 5, evidence: 'Imported' });
  });

  it('lets the later change win where both writers changed the same field', async () => {
    const seen = await saveRating(group, 'data', { now: 2, notes: 'Ours' }, null);
    await otherWriter({ now: 1, notes: 'Theirs' });
    await saveRating(group, 'data', { now: 3 }, seen);
    expect(await stored()).toMatchObject({ now: 3, notes: 'Theirs' });
  });

  it("keeps another writer's fields when a further change of this tab is already on its way", async () => {
    const seen = await saveRating(group, 'data', { now: 2 }, null);
    await otherWriter({ evidence: 'Theirs' });
    // Two changes in a row, the second sent before the first has found the other writer's version.
    await Promise.all([
      saveRating(group, 'data', { target: 4 }, seen),
      saveRating(group, 'data', { confidence: 'low' }, seen),
    ]);
    expect(await stored()).toMatchObject({ now: 2, target: 4, confidence: 'low', evidence: 'Theirs' });
  });

  it("does not undo a later tap of this tab that set a field back, when putting back another writer's fields", async () => {
    const seen = await saveRating(group, 'data', { confidence: 'low' }, null);
    await otherWriter({ confidence: 'high' });
    const theirs = (await stored())!;
    // The first tap is laid over the older version; the screen then catches up and the person sets
    // the confidence back to low before the first tap has come back.
    await Promise.all([
      saveRating(group, 'data', { now: 2 }, seen),
      saveRating(group, 'data', { confidence: 'low' }, theirs),
    ]);
    expect(await stored()).toMatchObject({ now: 2, confidence: 'low' });
  });

  it('keeps what another writer stored after this write, when putting back what it stored before', async () => {
    const seen = await saveRating(group, 'data', { confidence: 'low' }, null);
    await otherWriter({ confidence: 'high' });
    // Another writer changes the same field again, after this write and before anything is put back.
    const again = justAfterNextWrite(() => db.ratings.update(id, { confidence: 'medium' }));
    await saveRating(group, 'data', { now: 2 }, seen);
    expect(await again.done()).toBe(1);
    expect(await stored()).toMatchObject({ now: 2, confidence: 'medium' });
  });

  it('leaves a rating removed when it is removed between the write and putting back', async () => {
    const seen = await saveRating(group, 'data', { now: 1 }, null);
    await otherWriter({ evidence: 'Theirs' });
    // The removal is sent just after this write's transaction is created (so it runs after it),
    // before the write has come back and anything is put back.
    const removal = justAfterNextWrite(() => db.ratings.delete(id));
    await saveRating(group, 'data', { target: 2 }, seen);
    await removal.done();
    expect(await stored()).toBeUndefined();
  });

  it('returns the rating as stored once it has put back what another writer stored', async () => {
    const seen = await saveRating(group, 'data', { now: 1 }, null);
    await otherWriter({ evidence: 'Theirs' });
    const saved = await saveRating(group, 'data', { target: 2 }, seen);
    expect(saved).toEqual(await stored());
    expect(saved).toMatchObject({ now: 1, target: 2, evidence: 'Theirs' });
  });

  it('does not bring back fields of a rating removed since this tab last wrote it', async () => {
    await saveRating(group, 'data', { now: 2, evidence: 'Old' }, null);
    await db.ratings.delete(id);
    await saveRating(group, 'data', { target: 3 }, null);
    expect(await stored()).toMatchObject({ now: null, target: 3, evidence: '' });
  });

  it('reads what is stored first when the screen has not said what it shows', async () => {
    await storeBundle({ ...bundle, ratings: bundle.ratings.map((r) => ({ ...r, now: 1, evidence: 'Stored' })) });
    const saved = await saveRating(group, 'connectivity', { target: 2 });
    expect(saved).toMatchObject({ now: 1, target: 2, evidence: 'Stored' });
    expect(await db.ratings.get(ratingId(group.id, 'connectivity'))).toEqual(saved);
  });

  it('tells live queries of the change, by key and by each index, as a write through Dexie would', async () => {
    const seen = await saveRating(group, 'data', { now: 2 }, null);
    const shown: Record<string, unknown[]> = { key: [], group: [], workshop: [] };
    const watch = (name: string, query: () => Promise<Rating | undefined>) =>
      liveQuery(query).subscribe((rating) => shown[name]!.push(rating?.now));
    const find = (ratings: Rating[]) => ratings.find((r) => r.id === id);
    const subscriptions = [
      watch('key', () => db.ratings.get(id)),
      watch('group', () => db.ratings.where('groupId').equals(group.id).toArray().then(find)),
      watch('workshop', () => db.ratings.where('workshopId').equals(group.workshopId).toArray().then(find)),
    ];
    try {
      await vi.waitFor(() => expect(shown).toEqual({ key: [2], group: [2], workshop: [2] }));
      await saveRating(group, 'data', { now: 4 }, seen);
      await vi.waitFor(() => expect(shown).toEqual({ key: [2, 4], group: [2, 4], workshop: [2, 4] }));
      // A rating the tap creates (the screen showed none) shows in a query by index.
      const listed: number[] = [];
      subscriptions.push(liveQuery(() => listRatings(group.id)).subscribe((ratings) => listed.push(ratings.length)));
      await vi.waitFor(() => expect(listed).toEqual([1]));
      // (An outcome no other test here scores: this module remembers its own writes between tests.)
      await saveRating(group, 'leadership', { target: 3 }, null);
      await vi.waitFor(() => expect(listed).toEqual([1, 2]));
    } finally {
      for (const subscription of subscriptions) subscription.unsubscribe();
    }
  });

  it("writes straight to IndexedDB, durably, not through Dexie's transactions, once the database is open", async () => {
    const seen = await saveRating(group, 'data', { now: 2 }, null);
    const throughDexie: string[] = [];
    const core = db.core;
    const dexieTransaction = core.transaction;
    core.transaction = (stores, mode, options) => {
      if (mode === 'readwrite') throughDexie.push(stores.join());
      return dexieTransaction(stores, mode, options);
    };
    const direct: (IDBTransactionOptions | undefined)[] = [];
    const create = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') direct.push(args[2]);
      return create.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      await saveRating(group, 'data', { now: 3 }, seen);
    } finally {
      core.transaction = dexieTransaction;
      IDBDatabase.prototype.transaction = create;
    }
    expect(throughDexie).toEqual([]);
    expect(direct).toEqual([{ durability: 'strict' }]);
    expect(await stored()).toMatchObject({ now: 3 });
  });

  it("settles the save even when a listener to Dexie's change event fails", async () => {
    const seen = await saveRating(group, 'data', { now: 2 }, null);
    const failing = () => {
      throw new Error('a listener that fails');
    };
    Dexie.on('storagemutated', failing);
    try {
      await expect(saveRating(group, 'data', { now: 4 }, seen)).resolves.toMatchObject({ now: 4 });
    } finally {
      Dexie.on('storagemutated').unsubscribe(failing);
    }
    expect(await stored()).toMatchObject({ now: 4 });
  });

  it('refuses a change that cannot be stored, and leaves the stored rating as it was', async () => {
    const seen = await saveRating(group, 'data', { now: 2, evidence: 'Kept' }, null);
    const before = await stored();
    const uncopiable = { evidence: (() => 'not text') as unknown as string };
    await expect(saveRating(group, 'data', uncopiable, seen)).rejects.toThrow();
    expect(await stored()).toEqual(before);
    // And the next change is laid over what is stored, not over the refused one.
    await saveRating(group, 'data', { target: 4 }, seen);
    expect(await stored()).toMatchObject({ now: 2, target: 4, evidence: 'Kept' });
  });

  it('writes over the version on the screen when nothing else has changed it', async () => {
    const seen = await saveRating(group, 'data', { now: 2, evidence: 'Kept' }, null);
    const saved = await saveRating(group, 'data', { now: 5 }, seen);
    expect(saved).toMatchObject({ now: 5, evidence: 'Kept' });
    expect(saved.updatedAt >= seen.updatedAt).toBe(true);
    expect(await stored()).toEqual(saved);
  });
});
