// The workshop file format: its constants and the step-by-step migration of older versions.
// Kept free of valibot so the export path (in the first screen's bundle) can use it.

/** The `format` value that marks a file as ours. */
export const FILE_FORMAT = 'outcomes-workshop';

/** The file format version this app writes and the newest it reads. */
export const FILE_FORMAT_VERSION = 1;

/** The app's name as written in every file. */
export const APP_NAME = 'Outcomes Workshop';

/** Files larger than this are refused before they are read; a real workshop is far smaller. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Longest accepted name, organisation, facilitator, group name, id or framework field. */
export const MAX_TEXT_LENGTH = 200;

/** Longest accepted evidence or notes of one score. */
export const MAX_LONG_TEXT_LENGTH = 10_000;

/** A timestamp exactly as `Date.prototype.toISOString()` writes it: merges compare them as strings. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A calendar date `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** An example timestamp for messages and the documentation. */
export const TIMESTAMP_EXAMPLE = '2026-11-27T09:00:00.000Z';

/** True when `value` is a real moment written in the canonical form (rejects e.g. 30 February). */
export function isTimestamp(value: string): boolean {
  if (!TIMESTAMP_PATTERN.test(value)) return false;
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

/** Any parsed file whose header has been checked: a version number and fields not yet trusted. */
export interface VersionedEnvelope {
  formatVersion: number;
  [key: string]: unknown;
}

/** Turns an envelope of version n into version n + 1. Pure: returns a new object. */
export type Migration = (envelope: VersionedEnvelope) => VersionedEnvelope;

/**
 * One step per older version, keyed by the version it upgrades from. Version 1 is current, so there
 * are none yet; version 2 adds `1: (v1) => ({ ...v1, formatVersion: 2, ... })`, tested against a
 * saved version-1 sample file (tests/fixtures/workshop-v1.json).
 */
const migrations: Readonly<Record<number, Migration>> = {};

/** Brings an envelope of any version this app reads up to the current version, one step at a time. */
export function migrate(envelope: VersionedEnvelope, steps: Readonly<Record<number, Migration>> = migrations): VersionedEnvelope {
  let current = envelope;
  while (current.formatVersion < FILE_FORMAT_VERSION) {
    const step = steps[current.formatVersion];
    // A missing step is a bug in the app, not in the file: fail loudly rather than misread data.
    if (!step) throw new Error(`No migration from file format ${current.formatVersion}`);
    current = step(current);
  }
  return current;
}
