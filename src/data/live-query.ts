// Dexie's live queries and its change notice, for state/: only data/ imports Dexie, so that an
// upgrade of Dexie touches one folder. Loaded on demand, like the rest of data/ (see
// state/database.ts: Dexie is kept out of the first download).
import Dexie from 'dexie';

export { liveQuery } from 'dexie';

/** Calls `listener` after anything is written to the database, in this tab or another. */
export function onDatabaseWrite(listener: () => void): void {
  Dexie.on('storagemutated', listener);
}
