// The workshop file format: its constants and the step-by-step migration of older versions.
// Kept free of valibot so the export path (in the first screen's bundle) can use it.
import { isIsoDate } from '../domain/workshop-input.ts';

/** The `format` value that marks a file as ours. */
export const FILE_FORMAT = 'outcomes-workshop';

/** The file format version this app writes and the newest it reads. */
export const FILE_FORMAT_VERSION = 2;

/**
 * The `format` of a backup: every workshop on a device in one file, from "Export everything". Its
 * `workshops` is a list of workshop files (each with its own `format` and `formatVersion`).
 */
export const BACKUP_FORMAT = 'outcomes-workshop-backup';

/** The backup format version this app writes and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;

/** The app's name as written in every file. */
export const APP_NAME = 'Outcomes Workshop';

/**
 * Files larger than this are refused before they are read, and the app never saves a workshop file
 * or a backup larger than this (it could not import it again). A workshop is far smaller; a backup
 * ("Export everything") of 200 workshops of 6 groups, with evidence and notes on every score, is
 * about 12 MB, and it was checked in 266 ms on the development machine (about 1 s on a modest tablet).
 */
export const MAX_FILE_MB = 32;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

/** A size in MB to one decimal place, rounded up, so a file just over the limit never reads as "32.0 MB". */
export function megabytes(bytes: number): string {
  return (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
}

/**
 * Deepest nesting of lists and sets of fields accepted (a workshop file nests 5 deep). Deeper files
 * are refused before parsing: parsing a few megabytes of nesting blocks the page for seconds.
 */
export const MAX_NESTING_DEPTH = 64;

/** Longest accepted name, organisation, facilitator, group name, id or framework field. */
export const MAX_TEXT_LENGTH = 200;

/** Longest accepted evidence or notes of one score, or rationale or dissent of an agreed score. */
export const MAX_LONG_TEXT_LENGTH = 10_000;

/** A timestamp exactly as `Date.prototype.toISOString()` writes it: merges compare them as strings. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A calendar date `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** An action's due date: a calendar date, or empty when none is set. */
export const DUE_DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})?$/;

/** An example timestamp for messages and the documentation. */
export const TIMESTAMP_EXAMPLE = '2026-11-27T09:00:00.000Z';

/**
 * True when `value` is a real moment written in the canonical form (rejects e.g. 30 February, 24:00
 * and leap seconds): exactly what `new Date(value).toISOString() === value` accepts, by arithmetic
 * on the digits, which is several times quicker (a file of 300 groups has about 4,000 timestamps).
 */
export function isTimestamp(value: string): boolean {
  if (!TIMESTAMP_PATTERN.test(value) || !isIsoDate(value.slice(0, 10))) return false;
  const upTo = (from: number, most: number) => Number(value.slice(from, from + 2)) <= most;
  return upTo(11, 23) && upTo(14, 59) && upTo(17, 59);
}

/** Any parsed file whose header has been checked: a version number and fields not yet trusted. */
export interface VersionedEnvelope {
  formatVersion: number;
  [key: string]: unknown;
}

/** Turns an envelope of version n into version n + 1. Pure: returns a new object. */
export type Migration = (envelope: VersionedEnvelope) => VersionedEnvelope;

/** A parsed JSON object (not a list, not null), whose fields are not yet trusted. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 to 2: the workshop gains private scoring (off), its reveal time (none), agreed scores and
 * actions (none yet). Anything else is left for the schema to check, so a damaged version-1 file is
 * refused with the same message as before.
 */
export function migrateV1ToV2(envelope: VersionedEnvelope): VersionedEnvelope {
  const { workshop } = envelope;
  if (!isRecord(workshop)) return { ...envelope, formatVersion: 2 };
  return {
    ...envelope,
    formatVersion: 2,
    workshop: { ...workshop, privateScoring: false, revealedAt: null, agreements: [], actions: [] },
  };
}

/**
 * One step per older version, keyed by the version it upgrades from, each tested against a saved
 * sample file of that version (tests/fixtures/workshop-v1.json).
 */
const migrations: Readonly<Record<number, Migration>> = { 1: migrateV1ToV2 };

/** Brings an envelope of any version this app reads up to the current version, one step at a time. */
export function migrate(
  envelope: VersionedEnvelope,
  steps: Readonly<Record<number, Migration>> = migrations,
): VersionedEnvelope {
  let current = envelope;
  while (current.formatVersion < FILE_FORMAT_VERSION) {
    const step = steps[current.formatVersion];
    // A missing step is a bug in the app, not in the file: fail loudly rather than misread data.
    if (!step) throw new Error(`No migration from file format ${current.formatVersion}`);
    current = step(current);
  }
  return current;
}

/**
 * The fields each kind of record carries in a workshop file, in the order they are written. Export
 * writes these and import reads these, no more: a record's `workshopId` comes from the file's
 * workshop, and `deletedAt` stays on the device.
 */
export const FILE_FIELDS = {
  workshop: [
    'id',
    'name',
    'organisation',
    'date',
    'facilitator',
    'frameworkId',
    'frameworkVersion',
    'createdAt',
    'updatedAt',
    'privateScoring',
    'revealedAt',
  ],
  group: ['id', 'name', 'createdAt', 'updatedAt'],
  rating: ['id', 'groupId', 'outcomeId', 'now', 'target', 'confidence', 'evidence', 'notes', 'updatedAt'],
  agreement: ['id', 'outcomeId', 'now', 'target', 'rationale', 'dissent', 'updatedAt'],
  action: ['id', 'outcomeId', 'what', 'owner', 'due', 'status', 'createdAt', 'updatedAt'],
} as const;

/** A new object with only `fields` of `record`, in that order. */
export function pick<T extends object, K extends keyof T>(record: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, record[field]])) as Pick<T, K>;
}
