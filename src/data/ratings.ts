import { db } from './db.ts';
import { nowIso, ratingId } from '../domain/ids.ts';
import type { Group, Rating, RatingFields } from '../domain/types.ts';

const EMPTY: RatingFields = { now: null, target: null, confidence: null, evidence: '', notes: '' };

/**
 * Saves part of a group's rating of an outcome at once, creating the rating if needed. Read and
 * write share one transaction so two quick taps on different fields cannot overwrite each other.
 */
export async function saveRating(group: Group, outcomeId: string, change: Partial<RatingFields>): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  return db.transaction('rw', db.ratings, async () => {
    const stored = await db.ratings.get(id);
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
    await db.ratings.put(rating);
    return rating;
  });
}

/** A group's ratings. */
export async function listRatings(groupId: string): Promise<Rating[]> {
  return db.ratings.where('groupId').equals(groupId).toArray();
}
