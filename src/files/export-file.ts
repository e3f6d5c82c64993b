// Writing a workshop as a file of the current format. No valibot here: this runs on the first screen.
import type { Workshop, WorkshopBundle } from '../domain/types.ts';
import { nowIso } from '../domain/ids.ts';
import { getFramework } from '../framework/frameworks.ts';
import {
  APP_NAME,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATE_PATTERN,
  FILE_FIELDS,
  FILE_FORMAT,
  FILE_FORMAT_VERSION,
  MAX_FILE_BYTES,
  MAX_FILE_MB,
  megabytes,
  pick,
} from './format.ts';
import type { FileEnvelope } from './schema.ts';

/** The file's envelope for a workshop: fields in a fixed order, records in a stable order. */
export function buildEnvelope(bundle: WorkshopBundle, appVersion: string, exportedAt: string = nowIso()): FileEnvelope {
  const { workshop } = bundle;
  const groups = [...bundle.groups].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const groupOrder = new Map(groups.map((g, i) => [g.id, i]));
  const outcomeIds = getFramework(workshop.frameworkId)?.outcomes.map((o) => o.id) ?? [];
  const outcomeOrder = (id: string) => (outcomeIds.includes(id) ? outcomeIds.indexOf(id) : outcomeIds.length);
  const ratings = [...bundle.ratings].sort(
    (a, b) =>
      (groupOrder.get(a.groupId) ?? 0) - (groupOrder.get(b.groupId) ?? 0) ||
      outcomeOrder(a.outcomeId) - outcomeOrder(b.outcomeId) ||
      a.id.localeCompare(b.id),
  );
  const agreements = [...bundle.agreements].sort(
    (a, b) => outcomeOrder(a.outcomeId) - outcomeOrder(b.outcomeId) || a.id.localeCompare(b.id),
  );
  const actions = [...bundle.actions].sort(
    (a, b) =>
      outcomeOrder(a.outcomeId) - outcomeOrder(b.outcomeId) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
  // Built field by field (FILE_FIELDS), not spread: `workshopId` and `deletedAt` stay on the device.
  return {
    format: FILE_FORMAT,
    formatVersion: FILE_FORMAT_VERSION,
    app: { name: APP_NAME, version: appVersion },
    exportedAt,
    workshop: {
      ...pick(workshop, FILE_FIELDS.workshop),
      groups: groups.map((g) => pick(g, FILE_FIELDS.group)),
      ratings: ratings.map((r) => pick(r, FILE_FIELDS.rating)),
      agreements: agreements.map((a) => pick(a, FILE_FIELDS.agreement)),
      actions: actions.map((a) => pick(a, FILE_FIELDS.action)),
    },
  };
}

/** The name as lower-case ASCII letters, digits and single hyphens, e.g. "Budget review" → "budget-review". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: "é" → "e"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'workshop';
}

/** The start of every exported file's name: `<slug of name>-<workshop date>`. */
export function exportBaseName(workshop: Pick<Workshop, 'name' | 'date'>): string {
  const date = DATE_PATTERN.test(workshop.date) ? `-${workshop.date}` : '';
  return `${slugify(workshop.name)}${date}`;
}

/** The file name for a workshop: `<slug of name>-<workshop date>.json`. */
export function exportFileName(workshop: Pick<Workshop, 'name' | 'date'>): string {
  return `${exportBaseName(workshop)}.json`;
}

/** The workshop as a pretty-printed JSON file, ready to share or download. */
export function workshopFile(bundle: WorkshopBundle, appVersion: string, exportedAt?: string): File {
  const text = `${JSON.stringify(buildEnvelope(bundle, appVersion, exportedAt), null, 2)}\n`;
  return new File([text], exportFileName(bundle.workshop), { type: 'application/json' });
}

/**
 * A short fingerprint of everything a workshop's file holds (not when or by which version it was
 * written), so the app can tell whether the workshop has changed since it was last exported.
 * FNV-1a, 32 bits, over the file's JSON: records are sorted, so equal content gives equal text.
 */
export function contentFingerprint(bundle: WorkshopBundle): string {
  const text = JSON.stringify(buildEnvelope(bundle, '', '').workshop);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}

/** Every workshop on the device in one file ("Export everything"), which imports back as they were. */
export function backupFile(
  bundles: readonly WorkshopBundle[],
  appVersion: string,
  exportedAt: string = nowIso(),
): File {
  const backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: { name: APP_NAME, version: appVersion },
    exportedAt,
    workshops: bundles.map((bundle) => buildEnvelope(bundle, appVersion, exportedAt)),
  };
  const text = `${JSON.stringify(backup, null, 2)}\n`;
  return new File([text], `outcomes-workshop-backup-${exportedAt.slice(0, 10)}.json`, { type: 'application/json' });
}

/**
 * Why a workshop file or backup must not be saved, or undefined when it may: one larger than
 * `MAX_FILE_BYTES` could not be imported again, and would look like a backup without being one. `what` begins the sentence ("The backup"),
 * `done` ends it ("saved", "sent").
 */
export function tooLargeToImport(file: File, what: string, done = 'saved'): string | undefined {
  if (file.size <= MAX_FILE_BYTES) return undefined;
  return `${what} would be ${megabytes(file.size)} MB, more than the ${MAX_FILE_MB} MB this app can import again, so it was not ${done}.`;
}
