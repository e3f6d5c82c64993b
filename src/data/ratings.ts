import Dexie, { RangeSet, type Transaction } from 'dexie';
import { db, DURABILITY } from './db.ts';
import { nowIso, ratingId } from '../domain/ids.ts';
import type { Group, Rating, RatingFields } from '../domain/types.ts';

const EMPTY: RatingFields = { now: null, target: null, confidence: null, evidence: '', notes: '' };
const FIELDS = Object.keys(EMPTY) as (keyof RatingFields)[];

/**
 * This tab's last write of each rating, from the moment it was sent: a candidate for what the next
 * change is laid over (the version on the screen is used instead when it is newer).
 */
const lastWritten = new Map<string, Rating>();

/** One write of this tab, for the writes after it: the fields it changed, and whether it is over. */
interface SentWrite {
  fields: Set<string>;
  done: boolean;
}

/**
 * This tab's writes of each rating in the order sent, kept while an earlier one is still running:
 * a write that turns out to have replaced another writer's version needs to know which fields the
 * writes sent after it changed (those must not be put back to the other writer's values).
 */
const sentWrites = new Map<string, SentWrite[]>();

function sendWrite(id: string, change: Partial<RatingFields>): SentWrite {
  const sent: SentWrite = { fields: new Set(Object.keys(change)), done: false };
  const list = sentWrites.get(id) ?? [];
  list.push(sent);
  sentWrites.set(id, list);
  return sent;
}

function finishWrite(id: string, sent: SentWrite): void {
  sent.done = true;
  const list = sentWrites.get(id) ?? [];
  while (list[0]?.done) list.shift();
  if (list.length === 0) sentWrites.delete(id);
}

/** The fields changed by this tab's writes of the rating sent after `sent`. */
function changedAfter(id: string, sent: SentWrite): Set<string> {
  const list = sentWrites.get(id) ?? [];
  return new Set(list.slice(list.indexOf(sent) + 1).flatMap((later) => [...later.fields]));
}

/**
 * Saves part of a group's rating of an outcome at once, creating the rating if needed.
 *
 * `seen` is the rating as the screen shows it (null: shown as not scored yet). With it, or with
 * this tab's own last write of the rating, the new version is known before anything is read, so the
 * read of what is stored and the write go to IndexedDB together and the write commits at once,
 * without waiting for the page to handle the read (which on a busy tablet waits behind the repaint
 * of the tap). The read, in the same transaction, shows what the write replaced. If that was not the
 * version the change was laid over (another tab or an import wrote in between), a second transaction
 * puts the other writer's changes back straight away (`restoreOverwritten`). Until it commits, a
 * few milliseconds, those changes are not on disk: if the browser dies in that moment, or that
 * second write is refused, they are lost. Only a write to the same score from elsewhere within the
 * same moment can meet this. Without `seen` or an earlier write, the rating is read and then
 * written in one transaction.
 */
export function saveRating(
  group: Group,
  outcomeId: string,
  change: Partial<RatingFields>,
  seen?: Rating | null,
): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  const base = newer(lastWritten.get(id), seen);
  const sent = sendWrite(id, change);
  const saving =
    base === undefined ? readThenWrite(group, outcomeId, change) : writeOver(group, outcomeId, change, base, sent);
  return saving.finally(() => finishWrite(id, sent));
}

/** The change laid over `base`, sent with a read of what it replaces; see saveRating. */
function writeOver(
  group: Group,
  outcomeId: string,
  change: Partial<RatingFields>,
  base: Rating | null,
  sent: SentWrite,
): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  const rating = ratingWith(group, outcomeId, base, change, nowIso());
  lastWritten.set(id, rating);
  return putReplacing(rating).then(
    (stored) => {
      if (sameRating(stored, base)) return rating;
      lastWritten.delete(id);
      return restoreOverwritten(base, stored, rating, sent);
    },
    (error: unknown) => {
      if (lastWritten.get(id) === rating) lastWritten.delete(id);
      throw error;
    },
  );
}

/**
 * Writes the rating and reads what it replaces, in one strict transaction that commits at once;
 * resolves with what was replaced once committed. Straight on IndexedDB, not through Dexie: this is
 * the write behind every tap, and Dexie's layers (its zones, a microtask, the live-query
 * bookkeeping) cost a throttled tablet a few milliseconds before the write is even sent. Dexie's
 * live queries, here and in other tabs, are then told of the change as Dexie would tell them
 * (`announcePut`). Until the database is open, or if the connection has been closed (another tab
 * upgrading it), the write goes through Dexie, which opens it again.
 */
function putReplacing(rating: Rating): Promise<Rating | undefined> {
  let tx: IDBTransaction;
  try {
    tx = db.backendDB().transaction('ratings', 'readwrite', { durability: DURABILITY });
  } catch {
    return putReplacingThroughDexie(rating);
  }
  return new Promise((resolve, reject) => {
    const store = tx.objectStore('ratings');
    const read = store.get(rating.id);
    tx.oncomplete = () => {
      resolve(read.result as Rating | undefined);
      // As Dexie does after its own commits: the save is settled whatever a listener does.
      try {
        announcePut(rating);
      } catch {
        // A listener failed (Dexie's broadcast, closed while the page was in the back-forward
        // cache): the rating is stored, and Dexie tells every tab to look again when it comes back.
      }
    };
    // A refused request aborts the transaction; its error (a full device: QuotaExceededError) is the transaction's.
    tx.onabort = () =>
      reject(tx.error ?? new DOMException('The change was not saved: the write was stopped.', 'AbortError'));
    try {
      store.put(rating);
    } catch (error) {
      // The rating could not be taken at all (it could not be copied): nothing is written.
      tx.onabort = null;
      tx.abort();
      reject(error);
      return;
    }
    commitNow(tx);
  });
}

/** putReplacing through Dexie, for when the database is not open (yet, or any more). */
function putReplacingThroughDexie(rating: Rating): Promise<Rating | undefined> {
  // Dexie's own promises, not an async function: see readThenWrite.
  return db.transaction('rw', db.ratings, (tx) => {
    const replaced = db.ratings.get(rating.id);
    const written = db.ratings.put(rating);
    commitNow(tx);
    // If the put is refused (a full device), that is the failure to report, not the read's.
    replaced.catch(() => undefined);
    return written.then(() => replaced);
  });
}

/**
 * Tells Dexie's live queries (in this tab, and through Dexie's broadcast in the others) that a
 * rating was put, with the parts Dexie's own put of it would name: its key, as written over (":dels")
 * since what it replaced is not looked at, and its key in each index of the table as Dexie knows it
 * (so an index added in a later version is named too). The database is opened with Dexie's query
 * cache off (db.ts), so a live query asked again reads what is stored.
 */
function announcePut(rating: Rating): void {
  const part = (index: string) => `idb://${db.name}/ratings/${index}`;
  const parts: Record<string, RangeSet> = {
    [part('')]: new RangeSet().addKey(rating.id),
    [part(':dels')]: new RangeSet().addKey(rating.id),
  };
  for (const index of db.ratings.schema.indexes) {
    if (index.keyPath !== undefined)
      parts[part(index.name)] = new RangeSet().addKey(Dexie.getByKeyPath(rating, index.keyPath));
  }
  Dexie.on('storagemutated').fire(parts);
}

/** Read and write in one transaction, so the change is laid over exactly what is stored. */
function readThenWrite(group: Group, outcomeId: string, change: Partial<RatingFields>): Promise<Rating> {
  const id = ratingId(group.id, outcomeId);
  // A chain of Dexie's own promises rather than an async function: Dexie keeps an async function's
  // transaction alive by replaying its zone over many microtasks, which ran between tap and commit.
  return db.transaction('rw', db.ratings, (tx) =>
    db.ratings.get(id).then((stored) => {
      const rating = ratingWith(group, outcomeId, stored, change, nowIso());
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
 * After a write (`ours`, sent as `sent`) that replaced `stored` where it expected `base`: puts back
 * every field the other writer had changed from `base`, unless this write changed it, a later write
 * of this tab changed it, or it has changed again since (someone wrote after us). If the rating has
 * been removed since, it stays removed. Returns the rating as it is then stored.
 */
function restoreOverwritten(
  base: Rating | null,
  stored: Rating | undefined,
  ours: Rating,
  sent: SentWrite,
): Promise<Rating> {
  return db.transaction('rw', db.ratings, () =>
    db.ratings.get(ours.id).then((current) => {
      if (!current) return ours;
      const ownLater = changedAfter(ours.id, sent);
      const restored: Rating = { ...current };
      let changed = false;
      for (const field of FIELDS) {
        if (sent.fields.has(field) || ownLater.has(field)) continue;
        const theirs = stored?.[field] ?? EMPTY[field];
        const assumed = base?.[field] ?? EMPTY[field];
        if (theirs !== assumed && current[field] === ours[field]) {
          (restored as Record<keyof RatingFields, unknown>)[field] = theirs;
          changed = true;
        }
      }
      if (!changed) return current;
      restored.updatedAt = nowIso();
      return db.ratings.put(restored).then(() => restored);
    }),
  );
}

/**
 * Nothing follows the put: the transaction commits now, rather than once the put's result has come
 * back to this page. If it is already ending (a write refused), its abort reports why (through
 * Dexie, or putReplacing's `onabort`), as without this.
 */
function commitNow(tx: Transaction | IDBTransaction): void {
  try {
    ('idbtrans' in tx ? tx.idbtrans : tx).commit?.();
  } catch {
    // Aborted or finished already.
  }
}

/**
 * A group's rating of an outcome: `change` laid over `under` (what is stored, or taken as stored),
 * with every field present. The one rule for building a rating from a part of one.
 */
export function ratingWith(
  group: Group,
  outcomeId: string,
  under: Partial<Rating> | null | undefined,
  change: Partial<RatingFields>,
  updatedAt: string,
): Rating {
  return {
    id: ratingId(group.id, outcomeId),
    workshopId: group.workshopId,
    groupId: group.id,
    outcomeId,
    ...EMPTY,
    ...under,
    ...change,
    updatedAt,
  };
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
