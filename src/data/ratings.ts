import { db } from './db.ts';
import { nowIso, ratingId } from '../domain/ids.ts';
import type { Group, Rating, RatingFields } from '../domain/types.ts';

const EMPTY: RatingFields = { now: null, target: null, confidence: null, evidence: '', notes: '' };

/**
 * Saves part of a group's rating of an outcome at once, creating the rating if needed. Read and
 * write share one transaction so two quick taps on different fields cannot overwrite each other.
 */
export function saveRating(group: Group, outcomeId: string, change: Partial<RatingFields>): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  // A chain of Dexie's own promises rather than an async function: Dexie keeps an async function's
  // transaction alive by replaying its zone over many microtasks, which ran between tap and commit.
  return db.transaction('rw', db.ratings, (tx) =>
    db.ratings.get(id).then((stored) => {
      const rating: Rating = {
        id,
        workshopId: group.workshopId,
        groupId: group.id,
        outcomeId,
        ...EMPTY,
        ...stored,
        ...change,
        updatedAt: nowIso(),
      };
      const written = db.ratings.put(rating);
      // Nothing follows the put: commit now rather than when its result has come back to this
      // page, which on a busy tablet waits behind the repaint of the tap.
      tx.idbtrans.commit?.();
      return written.then(() => rating);
    }),
  );
}

/** A group's ratings. */
export async function listRatings(groupId: string): Promise<Rating[]> {
  return db.ratings.where('groupId').equals(groupId).toArray();
}
