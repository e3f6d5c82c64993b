import Dexie from 'dexie';
import { db } from './db.ts';
import { nowIso, scoreId } from '../domain/ids.ts';
import type { Agreement, Rating, ScoreChange } from '../domain/types.ts';

type RatingChange = Extract<ScoreChange, { kind: 'rating' }>;
type AgreementChange = Extract<ScoreChange, { kind: 'agreement' }>;

/**
 * Saves a change to a group's score or the room's agreed score: reads what is stored, lays the
 * change over it and writes the result, in one transaction (durable once committed: see db.ts), so
 * two quick changes to one score, from this tab or another, never undo each other. Live queries
 * then bring the result to every screen. Resolves undefined, writing nothing, when the group scored
 * has been removed, or when `typedAt` is given and what is stored is newer (a text draft recovered
 * after a later save).
 */
export function writeScore(change: ScoreChange, typedAt?: string): Promise<Rating | Agreement | undefined> {
  const table = change.kind === 'rating' ? db.ratings : db.agreements;
  // Dexie's own promises chained, not an async function: Dexie keeps an async function's
  // transaction alive by replaying its zone over many microtasks, which a tap then waits behind.
  return db.transaction('rw', db.groups, table, () => {
    // Both asked for at once: one wait for the database, not two in a row, before the write.
    const owner: PromiseLike<unknown> =
      change.kind === 'rating' ? db.groups.get(change.groupId) : Dexie.Promise.resolve(true);
    return table.get(scoreId(change)).then((stored) =>
      owner.then((found) => {
        if (!found || (typedAt !== undefined && stored && stored.updatedAt >= typedAt)) return undefined;
        const record = scoreWith(change, stored, nowIso());
        return table.put(record as Rating & Agreement).then(() => record);
      }),
    );
  });
}

/**
 * The record a change makes when laid over `under` (what is stored, or undefined for nothing yet),
 * with every field present. The one rule for building a rating or an agreed score from part of one.
 */
export function scoreWith(change: RatingChange, under: Rating | undefined, updatedAt: string): Rating;
export function scoreWith(change: AgreementChange, under: Agreement | undefined, updatedAt: string): Agreement;
export function scoreWith(change: ScoreChange, under: Rating | Agreement | undefined, at: string): Rating | Agreement;
export function scoreWith(change: ScoreChange, under: Rating | Agreement | undefined, updatedAt: string) {
  const { workshopId, outcomeId } = change;
  const unscored = { id: scoreId(change), workshopId, outcomeId, now: null, target: null };
  if (change.kind === 'rating') {
    const empty = { ...unscored, groupId: change.groupId, confidence: null, evidence: '', notes: '' };
    return { ...empty, ...under, ...change.fields, updatedAt } as Rating;
  }
  return { ...unscored, rationale: '', dissent: '', ...under, ...change.fields, updatedAt } as Agreement;
}

/** A group's ratings. */
export function listRatings(groupId: string): Promise<Rating[]> {
  return db.ratings.where('groupId').equals(groupId).toArray();
}

/** A workshop's agreed scores, one per outcome agreed so far. */
export function listAgreements(workshopId: string): Promise<Agreement[]> {
  return db.agreements.where('workshopId').equals(workshopId).toArray();
}
