import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/data/db.ts';
import { listAgreements, saveAgreement } from '../../src/data/agreements.ts';
import { addAction, listActions, removeAction, updateAction } from '../../src/data/actions.ts';
import { agreementId } from '../../src/domain/ids.ts';
import { makeBundle, resetDb, storeBundle } from '../factories.ts';

describe('agreed scores', () => {
  const bundle = makeBundle(2, ['connectivity', 'data']);
  const workshopId = bundle.workshop.id;

  beforeEach(async () => {
    await resetDb();
    await storeBundle(bundle);
  });

  it('creates the agreement on the first save, then updates only what changed', async () => {
    const first = await saveAgreement(workshopId, 'data', { now: 3 });
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
    const second = await saveAgreement(workshopId, 'data', { target: 4, rationale: 'Strategy signed off' });
    expect(second).toMatchObject({ now: 3, target: 4, rationale: 'Strategy signed off', dissent: '' });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(await db.agreements.get(agreementId(workshopId, 'data'))).toEqual(second);
    expect(await db.agreements.count()).toBe(1);
  });

  it('records Not sure for now, and keeps each outcome apart', async () => {
    await saveAgreement(workshopId, 'data', { now: 'not-sure' });
    await saveAgreement(workshopId, 'connectivity', { dissent: 'Green table thinks 2' });
    const list = await listAgreements(workshopId);
    expect(list.map((a) => [a.outcomeId, a.now, a.dissent]).sort()).toEqual([
      ['connectivity', null, 'Green table thinks 2'],
      ['data', 'not-sure', ''],
    ]);
    expect(await listAgreements('another-workshop')).toEqual([]);
  });

  it('does not change any group rating', async () => {
    const before = await db.ratings.orderBy('id').toArray();
    await saveAgreement(workshopId, 'data', { now: 5, target: 5, rationale: 'Everyone agreed' });
    expect(await db.ratings.orderBy('id').toArray()).toEqual(before);
  });

  it('does not lose a change when two saves run at once', async () => {
    await Promise.all([
      saveAgreement(workshopId, 'data', { now: 2 }),
      saveAgreement(workshopId, 'data', { rationale: 'Quick tap and typing' }),
    ]);
    expect(await db.agreements.get(agreementId(workshopId, 'data'))).toMatchObject({
      now: 2,
      rationale: 'Quick tap and typing',
    });
  });
});

describe('actions', () => {
  const bundle = makeBundle(1, ['data']);
  const workshopId = bundle.workshop.id;
  const fields = {
    what: 'Publish a data register',
    owner: 'Data team',
    due: '2027-01-31',
    status: 'not-started',
  } as const;

  beforeEach(async () => {
    await resetDb();
    await storeBundle(bundle);
  });

  it('adds, lists oldest first, updates and removes', async () => {
    const first = await addAction(workshopId, 'data', fields);
    expect(first).toMatchObject({ workshopId, outcomeId: 'data', ...fields });
    expect(first.createdAt).toBe(first.updatedAt);
    await new Promise((r) => setTimeout(r, 2));
    const second = await addAction(workshopId, 'connectivity', { ...fields, what: 'Map coverage gaps' });
    expect((await listActions(workshopId)).map((a) => a.what)).toEqual([
      'Publish a data register',
      'Map coverage gaps',
    ]);

    await new Promise((r) => setTimeout(r, 2));
    const updated = await updateAction(first.id, { status: 'in-progress' });
    expect(updated).toMatchObject({
      status: 'in-progress',
      what: 'Publish a data register',
      createdAt: first.createdAt,
    });
    expect(updated!.updatedAt > first.updatedAt).toBe(true);
    expect((await db.actions.get(first.id))?.status).toBe('in-progress');

    await removeAction(second.id);
    expect((await listActions(workshopId)).map((a) => a.id)).toEqual([first.id]);
    expect(await updateAction(second.id, { status: 'done' })).toBeUndefined();
    expect(await db.actions.get(second.id)).toBeUndefined();
  });
});
