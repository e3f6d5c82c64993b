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
  return db.transaction('rw', db.groups, table, async () => {
    if (change.kind === 'rating' && !(await db.groups.get(change.groupId))) return undefined;
    const stored = await table.get(scoreId(change));
    if (typedAt !== undefined && stored && stored.updatedAt >= typedAt) return undefined;
    const record = scoreWith(change, stored, nowIso());
    await table.put(record as Rating & Agreement);
    return record;
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
