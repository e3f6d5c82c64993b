import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/data/db.ts';
import { addAction, listActions, removeAction, updateAction } from '../../../src/data/actions.ts';
import { makeBundle, resetDb, storeBundle } from '../../factories.ts';

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
