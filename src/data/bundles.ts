// Reading a whole workshop for export, and writing imported workshops.
import { db } from './db.ts';
import { importKeys, planImport, type ImportPlan, type StoredRecords } from '../domain/merge.ts';
import { sameNameNotes } from '../domain/import-summary.ts';
import type { EntityTable } from 'dexie';
import type { Workshop, WorkshopBundle } from '../domain/types.ts';

/** A workshop with its groups, ratings, agreed scores and actions, read together; undefined if missing or deleted. */
export async function loadBundle(workshopId: string): Promise<WorkshopBundle | undefined> {
  return db.transaction('r', [db.workshops, db.groups, db.ratings, db.agreements, db.actions], async () => {
    // All five asked for at once: one wait for the database instead of five in a row (the rest are
    // read for nothing when the workshop is missing, which is rare).
    const [workshop, groups, ratings, agreements, actions] = await Promise.all([
      db.workshops.get(workshopId),
      db.groups.where('workshopId').equals(workshopId).sortBy('createdAt'),
      db.ratings.where('workshopId').equals(workshopId).toArray(),
      db.agreements.where('workshopId').equals(workshopId).toArray(),
      db.actions.where('workshopId').equals(workshopId).sortBy('createdAt'),
    ]);
    if (!workshop || workshop.deletedAt !== null) return undefined;
    return { workshop, groups, ratings, agreements, actions };
  });
}

/** Every table an import reads and writes, for its transactions. */
const importTables = () => [db.workshops, db.groups, db.ratings, db.agreements, db.actions];

// Looked up by id rather than by workshop, so a record whose id another workshop already uses is
// seen (and left alone) instead of being silently moved. Must run inside a transaction.
async function readStored(bundles: readonly WorkshopBundle[]): Promise<StoredRecords> {
  const keys = importKeys(bundles);
  const [workshops, groups, ratings, agreements, actions] = await Promise.all([
    db.workshops.bulkGet(keys.workshopIds),
    storedByIds(db.groups, keys.groupIds, keys.workshopIds),
    storedByIds(db.ratings, keys.ratingIds, keys.workshopIds),
    storedByIds(db.agreements, keys.agreementIds, keys.workshopIds),
    storedByIds(db.actions, keys.actionIds, keys.workshopIds),
  ]);
  return { workshops: workshops.filter((w): w is Workshop => w !== undefined), groups, ratings, agreements, actions };
}

/**
 * The stored records of a table with these ids, read with a few requests however many ids there
 * are: each IndexedDB request costs about a millisecond or more on a busy tablet, and 300 files of one
 * group each asked for 3,600 scores (a request per id, or per group, took seconds). First the keys in
 * the ids' range (keys only: no records are read); if none is wanted, that is all. Otherwise the
 * imported workshops' records, by the `workshopId` index, and one by one any wanted id stored under
 * another workshop (a clash, rare).
 */
async function storedByIds<T extends { id: string; workshopId: string }>(
  table: EntityTable<T, 'id'>,
  ids: readonly string[],
  workshopIds: readonly string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  let lowest = ids[0]!;
  let highest = lowest;
  for (const id of ids) {
    if (id < lowest) lowest = id;
    if (id > highest) highest = id;
  }
  const stored = (await table.where(':id').between(lowest, highest, true, true).primaryKeys()).filter((key) =>
    wanted.has(key),
  );
  if (stored.length === 0) return [];
  const ofWorkshops = await Promise.all(workshopIds.map((id) => table.where('workshopId').equals(id).toArray()));
  const found = new Map<string, T>();
  for (const records of ofWorkshops)
    for (const record of records) if (wanted.has(record.id)) found.set(record.id, record);
  const elsewhere = stored.filter((key) => !found.has(key));
  if (elsewhere.length === 0) return [...found.values()];
  const others = await table.bulkGet(elsewhere);
  return [...found.values(), ...others.filter((r): r is T => r !== undefined)];
}

/** What importing the bundles would do now, without writing anything. */
export async function planImportFromDb(bundles: readonly WorkshopBundle[]): Promise<ImportPlan> {
  return db.transaction('r', importTables(), async () => planImport(bundles, await readStored(bundles)));
}

/** For the preview: groups that would share a name once the plan is applied (see `sameNameNotes`). */
export async function sameNameNotesFromDb(plan: ImportPlan): Promise<string[]> {
  const stored = await db.groups
    .where('workshopId')
    .anyOf(plan.workshops.map((w) => w.id))
    .toArray();
  return sameNameNotes(plan, stored);
}

/**
 * Imports the bundles in one transaction: re-reads what is stored (so a change made after the
 * preview is respected), merges again and writes only the winning records. All or nothing.
 */
export async function applyImport(bundles: readonly WorkshopBundle[]): Promise<ImportPlan> {
  return db.transaction('rw', importTables(), async () => {
    const plan = planImport(bundles, await readStored(bundles));
    const { workshops, groups, ratings, agreements, actions } = plan.writes;
    // All asked for at once: waiting for each table's writes before asking for the next table's
    // left the storage idle between them. Any failure still aborts the whole transaction.
    await Promise.all([
      workshops.length && db.workshops.bulkPut(workshops),
      groups.length && db.groups.bulkPut(groups),
      ratings.length && db.ratings.bulkPut(ratings),
      agreements.length && db.agreements.bulkPut(agreements),
      actions.length && db.actions.bulkPut(actions),
    ]);
    return plan;
  });
}
