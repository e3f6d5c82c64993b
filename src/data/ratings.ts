import type { Transaction } from 'dexie';
import { db } from './db.ts';
import { nowIso, ratingId } from '../domain/ids.ts';
import type { Group, Rating, RatingFields } from '../domain/types.ts';

const EMPTY: RatingFields = { now: null, target: null, confidence: null, evidence: '', notes: '' };
const FIELDS = Object.keys(EMPTY) as (keyof RatingFields)[];

/**
 * The last version of each rating this tab asked to store, from the moment it asked: what the next
 * change to the same rating is laid over, before the write before it has come back.
 */
const lastWritten = new Map<string, Rating>();

/**
 * Saves part of a group's rating of an outcome at once, creating the rating if needed.
 *
 * `seen` is the rating as the screen shows it (null: shown as not scored yet). With it, or with
 * this tab's own last write of the rating, the new version is known before anything is read, so the
 * read of what is stored and the write go to IndexedDB together and the write commits at once,
 * without waiting for the page to handle the read (which on a busy tablet waits behind the repaint
 * of the tap). The read, in the same transaction, shows what the write replaced: if that was not the
 * version the change was laid over (another tab or an import wrote in between), the other writer's
 * changes are put back at once by `restoreOverwritten`, so two writers never lose each other's
 * fields. Without either, the rating is read and then written in one transaction.
 */
export function saveRating(group: Group, outcomeId: string, change: Partial<RatingFields>, seen?: Rating | null): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  const base = newer(lastWritten.get(id), seen);
  if (base === undefined) return readThenWrite(group, outcomeId, change);
  const rating: Rating = { ...fresh(group, outcomeId), ...base, ...change, updatedAt: nowIso() };
  lastWritten.set(id, rating);
  // Dexie's own promises, not an async function: see readThenWrite.
  return db
    .transaction('rw', db.ratings, (tx) => {
      const replaced = db.ratings.get(id);
      const written = db.ratings.put(rating);
      commitNow(tx);
      // If the put is refused (a full device), that is the failure to report, not the read's.
      replaced.catch(() => undefined);
      return written.then(() => replaced);
    })
    .then(
      (stored) => {
        if (sameRating(stored, base)) return rating;
        lastWritten.delete(id);
        return restoreOverwritten(base, stored, rating, change);
      },
      (error: unknown) => {
        if (lastWritten.get(id) === rating) lastWritten.delete(id);
        throw error;
      },
    );
}

/** Read and write in one transaction, so the change is laid over exactly what is stored. */
function readThenWrite(group: Group, outcomeId: string, change: Partial<RatingFields>): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  // A chain of Dexie's own promises rather than an async function: Dexie keeps an async function's
  // transaction alive by replaying its zone over many microtasks, which ran between tap and commit.
  return db.transaction('rw', db.ratings, (tx) =>
    db.ratings.get(id).then((stored) => {
      const rating: Rating = { ...fresh(group, outcomeId), ...stored, ...change, updatedAt: nowIso() };
      const written = db.ratings.put(rating);
      commitNow(tx);
      return written.then(() => {
        lastWritten.set(id, rating);
        return rating;
      });
    }),
  );
}

/**
 * After a write that replaced a version other than `base` (`stored`, written by someone else):
 * every field the other writer changed from `base` is put back, unless this write changed it too,
 * or a later write has changed it since. The result is what reading first would have stored; it
 * is returned as stored.
 */
function restoreOverwritten(base: Rating | null, stored: Rating | undefined, ours: Rating, change: Partial<RatingFields>): Promise<Rating> {
  return db.transaction('rw', db.ratings, () =>
    db.ratings.get(ours.id).then((current) => {
      const restored: Rating = { ...(current ?? ours) };
      let changed = false;
      for (const field of FIELDS) {
        if (field in change) continue;
        const theirs = stored?.[field] ?? EMPTY[field];
        const assumed = base?.[field] ?? EMPTY[field];
        if (theirs !== assumed && restored[field] === ours[field]) {
          (restored as Record<keyof RatingFields, unknown>)[field] = theirs;
          changed = true;
        }
      }
      return changed ? db.ratings.put(restored).then(() => restored) : restored;
    }),
  );
}

/**
 * Nothing follows the put: the transaction commits now, rather than once the put's result has come
 * back to this page. If it is already ending (a write refused), Dexie reports why, as without this.
 */
function commitNow(tx: Transaction): void {
  try {
    tx.idbtrans.commit?.();
  } catch {
    // Aborted or finished already.
  }
}

function fresh(group: Group, outcomeId: string): Rating {
  return { id: ratingId(group.id, outcomeId), workshopId: group.workshopId, groupId: group.id, outcomeId, ...EMPTY, updatedAt: '' };
}

/** The later of this tab's last write and the version on the screen (undefined: neither known). */
function newer(written: Rating | undefined, seen: Rating | null | undefined): Rating | null | undefined {
  if (!written) return seen;
  return seen && seen.updatedAt > written.updatedAt ? seen : written;
}

function sameRating(stored: Rating | undefined, base: Rating | null): boolean {
  if (!stored || !base) return !stored && !base;
  const keys = Object.keys(stored) as (keyof Rating)[];
  return keys.length === Object.keys(base).length && keys.every((key) => stored[key] === base[key]);
}

/** A group's ratings. */
export async function listRatings(groupId: string): Promise<Rating[]> {
  return db.ratings.where('groupId').equals(groupId).toArray();
}
