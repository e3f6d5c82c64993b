// Reading a whole workshop for export, and writing imported workshops.
import { db } from './db.ts';
import { importKeys, planImport, type ImportPlan, type StoredRecords } from '../domain/merge.ts';
import type { Rating, WorkshopBundle } from '../domain/types.ts';

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
    db.groups.bulkGet(keys.groupIds),
    storedRatings(keys.ratingIds),
    db.agreements.bulkGet(keys.agreementIds),
    db.actions.bulkGet(keys.actionIds),
  ]);
  const present = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined);
  return {
    workshops: present(workshops),
    groups: present(groups),
    ratings: present(ratings),
    agreements: present(agreements),
    actions: present(actions),
  };
}

/**
 * The stored ratings with these ids. A rating's id is `<group id>/<outcome id>` (`ratingId`), so
 * they are read a group at a time, by key range: a few hundred range reads instead of thousands of
 * single gets (300 files of one group each: 3,600 gets). Ids of any other shape are read one by one.
 */
async function storedRatings(ids: readonly string[]): Promise<Rating[]> {
  const wanted = new Set(ids);
  const prefixes = new Set<string>();
  const others: string[] = [];
  for (const id of ids) {
    const cut = id.lastIndexOf('/');
    if (cut > 0) prefixes.add(id.slice(0, cut + 1));
    else others.push(id);
  }
  const [ranges, singles] = await Promise.all([
    Promise.all([...prefixes].map((p) => db.ratings.where(':id').between(p, `${p}\uffff`, true, true).toArray())),
    db.ratings.bulkGet(others),
  ]);
  // A range also holds the group's ratings the files do not mention, and those of any id that
  // merely starts the same way: only the ids asked for are kept.
  const found = new Map(ranges.flat().filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
  return [...found.values(), ...singles.filter((r): r is Rating => r !== undefined)];
}

/** What importing the bundles would do now, without writing anything. */
export async function planImportFromDb(bundles: readonly WorkshopBundle[]): Promise<ImportPlan> {
  return db.transaction('r', importTables(), async () => planImport(bundles, await readStored(bundles)));
}

/**
 * Imports the bundles in one transaction: re-reads what is stored (so a change made after the
 * preview is respected), merges again and writes only the winning records. All or nothing.
 */
export async function applyImport(bundles: readonly WorkshopBundle[]): Promise<ImportPlan> {
  return db.transaction('rw', importTables(), async () => {
    const plan = planImport(bundles, await readStored(bundles));
    const { workshops, groups, ratings, agreements, actions } = plan.writes;
    if (workshops.length) await db.workshops.bulkPut(workshops);
    if (groups.length) await db.groups.bulkPut(groups);
    if (ratings.length) await db.ratings.bulkPut(ratings);
    if (agreements.length) await db.agreements.bulkPut(agreements);
    if (actions.length) await db.actions.bulkPut(actions);
    return plan;
  });
}
