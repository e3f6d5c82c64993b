// When each workshop was last exported, and what it held then, so the app can remind people to back up.
import { db } from './db.ts';
import type { WorkshopBundle } from '../domain/types.ts';

/** An export of a workshop: when, and a fingerprint of what the file held (see `contentFingerprint`). */
export interface ExportRecord {
  at: string;
  fingerprint: string;
}

const exportKey = (workshopId: string) => `exported:${workshopId}`;
const BACKUP_KEY = 'backup';

/** Notes that the workshop left the device as a file. */
export async function recordExport(workshopId: string, record: ExportRecord): Promise<void> {
  await db.settings.put({ key: exportKey(workshopId), value: record });
}

/** Notes several exports at once (a backup of everything), with when the backup was made. */
export async function recordBackup(
  at: string,
  records: readonly { workshopId: string; fingerprint: string }[],
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut(
      records.map((r) => ({ key: exportKey(r.workshopId), value: { at, fingerprint: r.fingerprint } })),
    );
    await db.settings.put({ key: BACKUP_KEY, value: { at, workshops: records.length } });
  });
}

/** The workshop's last export, or undefined if it never left this device. */
export async function lastExport(workshopId: string): Promise<ExportRecord | undefined> {
  const value = (await db.settings.get(exportKey(workshopId)))?.value as ExportRecord | undefined;
  return value && typeof value.at === 'string' && typeof value.fingerprint === 'string' ? value : undefined;
}

/** The last "export everything" backup, or undefined. */
export async function lastBackup(): Promise<{ at: string; workshops: number } | undefined> {
  const value = (await db.settings.get(BACKUP_KEY))?.value as { at: string; workshops: number } | undefined;
  return value && typeof value.at === 'string' ? value : undefined;
}

/** Every workshop on the device (not deleted), each with all its records, read together. */
export async function loadAllBundles(): Promise<WorkshopBundle[]> {
  return db.transaction('r', [db.workshops, db.groups, db.ratings, db.agreements, db.actions], async () => {
    const [workshops, groups, ratings, agreements, actions] = await Promise.all([
      db.workshops.toArray(),
      db.groups.toArray(),
      db.ratings.toArray(),
      db.agreements.toArray(),
      db.actions.toArray(),
    ]);
    const by = <T extends { workshopId: string }>(items: readonly T[]) => {
      const map = new Map<string, T[]>();
      for (const item of items) {
        const list = map.get(item.workshopId);
        if (list) list.push(item);
        else map.set(item.workshopId, [item]);
      }
      return (workshopId: string) => map.get(workshopId) ?? [];
    };
    const [groupsOf, ratingsOf, agreementsOf, actionsOf] = [by(groups), by(ratings), by(agreements), by(actions)];
    return workshops
      .filter((w) => w.deletedAt === null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((workshop) => ({
        workshop,
        groups: groupsOf(workshop.id),
        ratings: ratingsOf(workshop.id),
        agreements: agreementsOf(workshop.id),
        actions: actionsOf(workshop.id),
      }));
  });
}
