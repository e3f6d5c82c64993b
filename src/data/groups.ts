import { db } from './db.ts';
import { newId, nowIso } from '../domain/ids.ts';
import type { Group, Rating } from '../domain/types.ts';

/** Adds a group to a workshop and returns its id. */
export async function addGroup(workshopId: string, name: string): Promise<string> {
  const stamp = nowIso();
  const group: Group = { id: newId(), workshopId, name, createdAt: stamp, updatedAt: stamp };
  await db.groups.add(group);
  return group.id;
}

/** Renames a group. */
export async function renameGroup(id: string, name: string): Promise<void> {
  await db.groups.update(id, { name, updatedAt: nowIso() });
}

/** Removes a group and its ratings, in one transaction. */
export async function removeGroup(id: string): Promise<void> {
  await db.transaction('rw', db.groups, db.ratings, async () => {
    await db.ratings.where('groupId').equals(id).delete();
    await db.groups.delete(id);
  });
}

/** A workshop's groups in the order they were added, each with its ratings. */
export async function listGroups(workshopId: string): Promise<{ group: Group; ratings: Rating[] }[]> {
  return db.transaction('r', db.groups, db.ratings, async () => {
    const groups = await db.groups.where('workshopId').equals(workshopId).sortBy('createdAt');
    const ratings = await db.ratings.where('workshopId').equals(workshopId).toArray();
    return groups.map((group) => ({ group, ratings: ratings.filter((r) => r.groupId === group.id) }));
  });
}

/** One group, or undefined. */
export async function getGroup(id: string): Promise<Group | undefined> {
  return db.groups.get(id);
}
