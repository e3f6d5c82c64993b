import { db } from './db.ts';
import { newId, nowIso } from '../domain/ids.ts';
import type { Group, Rating, Workshop } from '../domain/types.ts';
import type { WorkshopInput } from '../domain/workshop-input.ts';
import type { Framework } from '../framework/types.ts';

/** A workshop as the home screen lists it, with its groups and their ratings (for its progress). */
export interface WorkshopSummary {
  workshop: Workshop;
  groupCount: number;
  ratings: Rating[];
  groups: Group[];
}

/** The home screen's list: the newest workshops, and how many there are in all. */
export interface WorkshopList {
  total: number;
  shown: WorkshopSummary[];
}

/** Creates a workshop for the framework and returns its id. */
export async function createWorkshop(input: WorkshopInput, framework: Framework): Promise<string> {
  const stamp = nowIso();
  const workshop: Workshop = {
    id: newId(),
    ...input,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    createdAt: stamp,
    updatedAt: stamp,
    deletedAt: null,
    privateScoring: false,
    revealedAt: null,
  };
  await db.workshops.add(workshop);
  return workshop.id;
}

/** Changes a workshop's name, organisation, date or facilitator. */
export async function updateWorkshop(id: string, input: WorkshopInput): Promise<void> {
  await db.workshops.update(id, { ...input, updatedAt: nowIso() });
}

/** Marks a workshop deleted, so the delete can still be undone. */
export async function deleteWorkshop(id: string): Promise<void> {
  await db.workshops.update(id, { deletedAt: nowIso() });
}

/** Undoes `deleteWorkshop`. */
export async function restoreWorkshop(id: string): Promise<void> {
  await db.workshops.update(id, { deletedAt: null });
}

/** Removes for good the workshops deleted before `before` (an ISO time), with their groups and ratings. */
export async function purgeDeletedWorkshops(before: string): Promise<number> {
  return db.transaction('rw', [db.workshops, db.groups, db.ratings, db.agreements, db.actions], async () => {
    const old = (await db.workshops.toArray()).filter((w) => w.deletedAt !== null && w.deletedAt < before);
    const ids = old.map((w) => w.id);
    if (ids.length === 0) return 0;
    await db.ratings.where('workshopId').anyOf(ids).delete();
    await db.agreements.where('workshopId').anyOf(ids).delete();
    await db.actions.where('workshopId').anyOf(ids).delete();
    await db.groups.where('workshopId').anyOf(ids).delete();
    await db.workshops.bulkDelete(ids);
    return ids.length;
  });
}

/** A workshop that has not been deleted, or undefined. */
export async function getWorkshop(id: string): Promise<Workshop | undefined> {
  const workshop = await db.workshops.get(id);
  return workshop && workshop.deletedAt === null ? workshop : undefined;
}

/**
 * The `limit` newest workshops not deleted (by workshop date, then by when it was created), each with
 * its groups and ratings, and the number of workshops in all. Only the listed workshops' groups and
 * ratings are read: a device with 1,000 workshops holds about 30,000 ratings, and reading them all
 * took seconds on a modest tablet.
 */
export async function listWorkshops(limit = Infinity): Promise<WorkshopList> {
  return db.transaction('r', db.workshops, db.groups, db.ratings, async () => {
    const workshops = (await db.workshops.toArray())
      .filter((w) => w.deletedAt === null)
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    const listed = workshops.slice(0, limit);
    // One `getAll` per workshop (Dexie's `anyOf` walks a cursor, one record at a time).
    const [groups, ratings] = await Promise.all([
      Promise.all(listed.map((w) => db.groups.where('workshopId').equals(w.id).toArray())),
      Promise.all(listed.map((w) => db.ratings.where('workshopId').equals(w.id).toArray())),
    ]);
    return {
      total: workshops.length,
      shown: listed.map((workshop, i) => ({
        workshop,
        groups: groups[i] ?? [],
        groupCount: groups[i]?.length ?? 0,
        ratings: ratings[i] ?? [],
      })),
    };
  });
}
