import Dexie, { type EntityTable } from 'dexie';
import type { Action, Agreement, Group, Rating, Workshop } from '../domain/types.ts';

/** A small key-value table for app settings (for example whether storage persistence was asked). */
export interface Setting {
  key: string;
  value: unknown;
}

export type OutcomesDb = Dexie & {
  workshops: EntityTable<Workshop, 'id'>;
  groups: EntityTable<Group, 'id'>;
  ratings: EntityTable<Rating, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  agreements: EntityTable<Agreement, 'id'>;
  actions: EntityTable<Action, 'id'>;
};

export const DB_NAME = 'outcomes-workshop';

// Dexie turns its debug mode on by itself when the page's address is localhost or 127.0.0.1 (as
// with `npm start` and in the tests): async stack tags and traced errors on every call, which made
// a throttled tap measurably slower. The app runs the same code wherever it is served.
Dexie.debug = false;

/**
 * Every write is durable: once committed it survives the browser being killed (measured in
 * ../shared/STACK-NOTES.md: with the default, about 4 in 10 were lost). Every schema version stays
 * declared in openDb, numbered, and is never edited once released.
 */
const DURABILITY = 'strict' satisfies IDBTransactionDurability;

/** Opens the database (see DURABILITY for writes). */
export function openDb(name = DB_NAME): OutcomesDb {
  const db = new Dexie(name, { chromeTransactionDurability: DURABILITY }) as OutcomesDb;
  db.version(1).stores({
    workshops: 'id, updatedAt, deletedAt',
    groups: 'id, workshopId',
    ratings: 'id, workshopId, groupId',
    settings: 'key',
  });
  // Version 2: agreed scores and actions; workshops gain private scoring (off for existing ones).
  db.version(2)
    .stores({
      agreements: 'id, workshopId',
      actions: 'id, workshopId, outcomeId',
    })
    .upgrade((tx) =>
      tx
        .table('workshops')
        .toCollection()
        .modify((workshop: Partial<Workshop>) => {
          workshop.privateScoring ??= false;
          workshop.revealedAt ??= null;
        }),
    );
  return db;
}

/** The app's one database. */
export const db: OutcomesDb = openDb();
