import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/data/db.ts';
import { removeGroup } from '../../../src/data/groups.ts';
import { listAgreements, listRatings, writeScore } from '../../../src/data/scores.ts';
import { agreementId, ratingId } from '../../../src/domain/ids.ts';
import type { Group, Rating } from '../../../src/domain/types.ts';
import { agreementChange, makeBundle, ratingChange, resetDb, storeBundle } from '../../factories.ts';

describe('saving a score', () => {
  const bundle = makeBundle(1, ['connectivity', 'data']);
  const group: Group = bundle.groups[0]!;
  const id = ratingId(group.id, 'data');
  const stored = () => db.ratings.get(id);
  const save = (fields: Partial<Rating>) => writeScore(ratingChange(group, 'data', fields));

  beforeEach(async () => {
    await resetDb();
    await storeBundle({ ...bundle, ratings: [] });
  });

  it('creates the rating on the first save', async () => {
    const saved = await save({ now: 3 });
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

  it('keeps every one of several quick changes to different fields, sent before any is stored', async () => {
    await save({ evidence: 'Data strategy' });
    await Promise.all([save({ now: 2 }), save({ target: 4 }), save({ confidence: 'low' })]);
    expect(await stored()).toMatchObject({ now: 2, target: 4, confidence: 'low', evidence: 'Data strategy' });
  });

  it('keeps what another writer stored, and lets the later change win where both changed a field', async () => {
    await save({ now: 2, notes: 'Ours' });
    // Another tab, an import or a restore writing the rating directly.
    await db.ratings.put({ ...(await stored())!, target: 5, notes: 'Theirs' });
    const saved = await save({ now: 3 });
    expect(saved).toMatchObject({ now: 3, target: 5, notes: 'Theirs' });
    await save({ notes: 'Ours again' });
    expect(await stored()).toMatchObject({ now: 3, target: 5, notes: 'Ours again' });
  });

  it('writes in a transaction with strict durability, so a committed change survives the browser being killed', async () => {
    const options: (IDBTransactionOptions | undefined)[] = [];
    const create = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      if (args[1] === 'readwrite') options.push(args[2]);
      return create.apply(this, args);
    });
    try {
      // Dexie takes the database's transaction method when it opens it.
      db.close({ disableAutoOpen: false });
      await save({ now: 3 });
    } finally {
      spy.mockRestore();
    }
    expect(options).toEqual([{ durability: 'strict' }]);
    expect(await stored()).toMatchObject({ now: 3 });
  });

  it('brings the change to live queries, by key and by index', async () => {
    const shown: Record<string, unknown[]> = { key: [], group: [] };
    const subscriptions = [
      liveQuery(() => stored()).subscribe((rating) => shown.key!.push(rating?.now)),
      liveQuery(() => listRatings(group.id)).subscribe((ratings) => shown.group!.push(ratings.length)),
    ];
    try {
      await vi.waitFor(() => expect(shown).toEqual({ key: [undefined], group: [0] }));
      await save({ now: 2 });
      await vi.waitFor(() => expect(shown).toEqual({ key: [undefined, 2], group: [0, 1] }));
      await save({ now: 4 });
      await vi.waitFor(() => expect(shown.key).toEqual([undefined, 2, 4]));
    } finally {
      for (const subscription of subscriptions) subscription.unsubscribe();
    }
  });

  it('refuses a change that cannot be stored, and leaves the stored rating as it was', async () => {
    await save({ now: 2, evidence: 'Kept' });
    const before = await stored();
    const uncopiable = { evidence: (() => 'not text') as unknown as string };
    await expect(save(uncopiable)).rejects.toThrow();
    expect(await stored()).toEqual(before);
    await save({ target: 4 });
    expect(await stored()).toMatchObject({ now: 2, target: 4, evidence: 'Kept' });
  });

  it('writes nothing for a group that has been removed', async () => {
    await removeGroup(group.id);
    expect(await save({ now: 2 })).toBeUndefined();
    expect(await db.ratings.count()).toBe(0);
  });

  it('writes text typed before a later save only where what is stored is older', async () => {
    const first = (await save({ evidence: 'Stored' }))!;
    const typedBefore = new Date(Date.parse(first.updatedAt) - 1000).toISOString();
    const typedAfter = new Date(Date.parse(first.updatedAt) + 1000).toISOString();
    expect(await writeScore(ratingChange(group, 'data', { evidence: 'Older' }), typedBefore)).toBeUndefined();
    expect((await stored())?.evidence).toBe('Stored');
    await writeScore(ratingChange(group, 'data', { evidence: 'Newer' }), typedAfter);
    expect((await stored())?.evidence).toBe('Newer');
  });
});

describe('agreed scores', () => {
  const bundle = makeBundle(2, ['connectivity', 'data']);
  const workshopId = bundle.workshop.id;
  const agree = (outcomeId: string, fields: Parameters<typeof agreementChange>[2]) =>
    writeScore(agreementChange(workshopId, outcomeId, fields));

  beforeEach(async () => {
    await resetDb();
    await storeBundle(bundle);
  });

  it('creates the agreement on the first save, then updates only what changed', async () => {
    const first = (await agree('data', { now: 3 }))!;
    expect(first).toMatchObject({
      id: agreementId(workshopId, 'data'),
      workshopId,
      outcomeId: 'data',
      now: 3,
      target: null,
      rationale: '',
      dissent: '',
    });
    await new Promise((r) => setTimeout(r, 2));
    const second = (await agree('data', { target: 4, rationale: 'Strategy signed off' }))!;
    expect(second).toMatchObject({ now: 3, target: 4, rationale: 'Strategy signed off', dissent: '' });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(await db.agreements.get(agreementId(workshopId, 'data'))).toEqual(second);
    expect(await db.agreements.count()).toBe(1);
  });

  it('records Not sure for now, and keeps each outcome apart', async () => {
    await agree('data', { now: 'not-sure' });
    await agree('connectivity', { dissent: 'Green table thinks 2' });
    const list = await listAgreements(workshopId);
    expect(list.map((a) => [a.outcomeId, a.now, a.dissent]).sort()).toEqual([
      ['connectivity', null, 'Green table thinks 2'],
      ['data', 'not-sure', ''],
    ]);
    expect(await listAgreements('another-workshop')).toEqual([]);
  });

  it('does not change any group rating', async () => {
    const before = await db.ratings.orderBy('id').toArray();
    await agree('data', { now: 5, target: 5, rationale: 'Everyone agreed' });
    expect(await db.ratings.orderBy('id').toArray()).toEqual(before);
  });

  it('does not lose a change when two saves run at once', async () => {
    await Promise.all([agree('data', { now: 2 }), agree('data', { rationale: 'Quick tap and typing' })]);
    expect(await db.agreements.get(agreementId(workshopId, 'data'))).toMatchObject({
      now: 2,
      rationale: 'Quick tap and typing',
    });
  });
});
