import type { ScoreChange } from './types.ts';

/** The id of a group's rating for an outcome: one rating per group and outcome, so merges match by id. */
export function ratingId(groupId: string, outcomeId: string): string {
  return `${groupId}/${outcomeId}`;
}

/** The id of a workshop's agreed score for an outcome: one per workshop and outcome. */
export function agreementId(workshopId: string, outcomeId: string): string {
  return `${workshopId}/${outcomeId}`;
}

/** The id of the record a score change is to: the group's rating or the room's agreed score. */
export function scoreId(change: ScoreChange): string {
  return change.kind === 'rating'
    ? ratingId(change.groupId, change.outcomeId)
    : agreementId(change.workshopId, change.outcomeId);
}

/** A new random id (the platform's UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

/** The current time as an ISO 8601 string, the form every `updatedAt` takes. */
export function nowIso(): string {
  return new Date().toISOString();
}
