import Dexie, { type EntityTable } from 'dexie';
import type { Group, Rating, Workshop } from '../domain/types.ts';

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
};

export const DB_NAME = 'outcomes-workshop';

/**
 * Opens the database. Every schema version stays declared here, numbered, and is never edited once
 * released. Strict durability: a write that has committed survives the browser being killed
 * (measured in ../shared/STACK-NOTES.md: with the default, about 4 in 10 were lost).
 */
export function openDb(name = DB_NAME): OutcomesDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as OutcomesDb;
  db.version(1).stores({
    workshops: 'id, updatedAt, deletedAt',
    groups: 'id, workshopId',
    ratings: 'id, workshopId, groupId',
    settings: 'key',
  });
  return db;
}

/** The app's one database. */
export const db: OutcomesDb = openDb();
