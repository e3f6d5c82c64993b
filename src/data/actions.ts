import { db } from './db.ts';
import { newId, nowIso } from '../domain/ids.ts';
import type { ActionInput } from '../domain/actions.ts';
import type { Action } from '../domain/types.ts';

/** Adds an action to an outcome of a workshop; `fields` should have passed `validateAction`. */
export async function addAction(workshopId: string, outcomeId: string, fields: ActionInput): Promise<Action> {
  const stamp = nowIso();
  const action: Action = { id: newId(), workshopId, outcomeId, ...fields, createdAt: stamp, updatedAt: stamp };
  await db.actions.add(action);
  return action;
}

/** Changes some of an action's fields; undefined if the action no longer exists. */
export async function updateAction(id: string, change: Partial<ActionInput>): Promise<Action | undefined> {
  return db.transaction('rw', db.actions, async () => {
    const stored = await db.actions.get(id);
    if (!stored) return undefined;
    const action: Action = { ...stored, ...change, updatedAt: nowIso() };
    await db.actions.put(action);
    return action;
  });
}

/** Deletes an action for good. */
export async function removeAction(id: string): Promise<void> {
  await db.actions.delete(id);
}

/** A workshop's actions, oldest first. */
export async function listActions(workshopId: string): Promise<Action[]> {
  return db.actions.where('workshopId').equals(workshopId).sortBy('createdAt');
}
