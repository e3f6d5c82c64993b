import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../../src/data/db.ts';

// A database as the first released schema (version 1) left it, read from a fixture of its records.
const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/db-v1.json'), 'utf8')) as {
  workshops: Record<string, unknown>[];
  groups: Record<string, unknown>[];
  ratings: Record<string, unknown>[];
  settings: Record<string, unknown>[];
};

async function createVersion1(name: string) {
  const old = new Dexie(name);
  // Exactly the version 1 stores declared in src/data/db.ts.
  old.version(1).stores({
    workshops: 'id, updatedAt, deletedAt',
    groups: 'id, workshopId',
    ratings: 'id, workshopId, groupId',
    settings: 'key',
  });
  await old.open();
  await old.table('workshops').bulkAdd(fixture.workshops);
  await old.table('groups').bulkAdd(fixture.groups);
  await old.table('ratings').bulkAdd(fixture.ratings);
  await old.table('settings').bulkAdd(fixture.settings);
  old.close();
}

describe('database upgrades', () => {
  it('upgrades a version 1 database and keeps every record', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    await createVersion1(name);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);

    const workshops = await db.workshops.toArray();
    expect(workshops).toHaveLength(fixture.workshops.length);
    for (const original of fixture.workshops) {
      const upgraded = await db.workshops.get(original.id as string);
      expect(upgraded).toEqual({ ...original, privateScoring: false, revealedAt: null });
    }
    expect(await db.groups.toArray()).toEqual(expect.arrayContaining(fixture.groups));
    expect(await db.groups.count()).toBe(fixture.groups.length);
    expect(await db.ratings.toArray()).toEqual(expect.arrayContaining(fixture.ratings));
    expect(await db.ratings.count()).toBe(fixture.ratings.length);
    expect(await db.settings.toArray()).toEqual(fixture.settings);
    // The new tables are there, empty, and indexed.
    expect(await db.agreements.where('workshopId').equals('w-1').count()).toBe(0);
    expect(await db.actions.where('outcomeId').equals('data').count()).toBe(0);
    // Indexes still answer after the upgrade.
    expect(await db.ratings.where('groupId').equals('g-1').count()).toBe(2);
    db.close();
    await Dexie.delete(name);
  });

  it('runs the upgrade once: reopening changes nothing', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    await createVersion1(name);
    const first = openDb(name);
    await first.open();
    await first.workshops.update('w-1', { privateScoring: true });
    first.close();
    const second = openDb(name);
    await second.open();
    expect((await second.workshops.get('w-1'))?.privateScoring).toBe(true);
    second.close();
    await Dexie.delete(name);
  });
});
