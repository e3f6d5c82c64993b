import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/data/db.ts';
import { applyImport } from '../../../src/data/bundles.ts';
import { lastBackup, lastExport, loadAllBundles, recordBackup, recordExport } from '../../../src/data/exports.ts';
import { backupFile, contentFingerprint, workshopFile } from '../../../src/files/export-file.ts';
import { readImportFiles } from '../../../src/files/import-file.ts';
import { makeAction, makeAgreement, makeBundle, resetDb, storeBundle } from '../../factories.ts';

/** Every workshop record stored, in a stable order (settings left out: they stay on the device). */
async function records() {
  return {
    workshops: await db.workshops.orderBy('id').toArray(),
    groups: await db.groups.orderBy('id').toArray(),
    ratings: await db.ratings.orderBy('id').toArray(),
    agreements: await db.agreements.orderBy('id').toArray(),
    actions: await db.actions.orderBy('id').toArray(),
  };
}

function fullBundle(groups = 2) {
  const bundle = makeBundle(groups, ['connectivity', 'data']);
  const id = bundle.workshop.id;
  bundle.agreements = [makeAgreement(id, 'connectivity', { rationale: 'Both groups said 2' })];
  bundle.actions = [makeAction(id, 'data', { due: '2027-03-31' })];
  return bundle;
}

beforeEach(resetDb);

describe('export everything', () => {
  it('imports back to exactly the same workshops on an empty device', async () => {
    const bundles = [fullBundle(2), fullBundle(3), makeBundle(1, ['leadership'])];
    for (const bundle of bundles) await storeBundle(bundle);
    const before = await records();
    const file = backupFile(await loadAllBundles(), '1.2.3', '2026-11-27T15:00:00.000Z');
    expect(file.name).toBe('outcomes-workshop-backup-2026-11-27.json');

    await resetDb();
    const { ok, errors } = await readImportFiles([file]);
    expect(errors).toEqual([]);
    expect(ok.map((f) => f.fileName)).toEqual([file.name, file.name, file.name]);
    await applyImport(ok.map((f) => f.bundle));
    expect(await records()).toEqual(before);
  });

  it('leaves out deleted workshops', async () => {
    const kept = fullBundle();
    const deleted = fullBundle();
    deleted.workshop.deletedAt = '2026-11-27T10:00:00.000Z';
    await storeBundle(kept);
    await storeBundle(deleted);
    expect((await loadAllBundles()).map((b) => b.workshop.id)).toEqual([kept.workshop.id]);
  });

  it('notes the backup and an export of each workshop in it', async () => {
    const bundles = [fullBundle(), fullBundle()];
    await recordBackup(
      '2026-11-27T15:00:00.000Z',
      bundles.map((b) => ({ workshopId: b.workshop.id, fingerprint: contentFingerprint(b) })),
    );
    expect(await lastBackup()).toEqual({ at: '2026-11-27T15:00:00.000Z', workshops: 2 });
    expect(await lastExport(bundles[1]!.workshop.id)).toEqual({
      at: '2026-11-27T15:00:00.000Z',
      fingerprint: contentFingerprint(bundles[1]!),
    });
  });

  it('refuses a damaged backup whole, naming the workshop in it, and a backup from a newer app', async () => {
    const good = JSON.parse(await backupFile([fullBundle(), fullBundle()], '1.2.3').text());
    const refuse = async (change: (backup: any) => void) => {
      const copy = structuredClone(good);
      change(copy);
      const { ok, errors } = await readImportFiles([new File([JSON.stringify(copy)], 'backup.json')]);
      expect(ok).toEqual([]);
      return errors[0]!.message;
    };
    expect(await refuse((b) => (b.workshops[1].workshop.ratings[0].now = 9))).toMatch(
      /^“backup.json” \(workshop 2 of 2\) has a score that is not allowed: .*now is 9/,
    );
    expect(await refuse((b) => (b.formatVersion = 2))).toBe(
      '“backup.json” was made by a newer version of Outcomes Workshop (backup format 2). Update the app on this device, then import it again.',
    );
    expect(await refuse((b) => delete b.workshops)).toBe(
      '“backup.json” is damaged: it is a backup, but its list of workshops is missing.',
    );
    expect(await refuse((b) => (b.workshops = []))).toBe(
      '“backup.json” is a backup with no workshops in it, so there is nothing to import.',
    );
    expect(await refuse((b) => (b.workshops[1] = b.workshops[0]))).toMatch(
      /^“backup.json” is damaged: two workshops in it have the same id/,
    );
  });
});

describe('last exported', () => {
  it('is unknown until the workshop is exported, then remembered per workshop', async () => {
    const bundle = fullBundle();
    expect(await lastExport(bundle.workshop.id)).toBeUndefined();
    await recordExport(bundle.workshop.id, { at: '2026-11-27T12:00:00.000Z', fingerprint: contentFingerprint(bundle) });
    expect(await lastExport(bundle.workshop.id)).toEqual({
      at: '2026-11-27T12:00:00.000Z',
      fingerprint: contentFingerprint(bundle),
    });
  });

  it('fingerprints what the file holds: not the order records were read in, nor when it was written', () => {
    const bundle = fullBundle(3);
    const shuffled = { ...bundle, groups: [...bundle.groups].reverse(), ratings: [...bundle.ratings].reverse() };
    expect(contentFingerprint(shuffled)).toBe(contentFingerprint(bundle));
    const edited = {
      ...bundle,
      ratings: bundle.ratings.map((r, i) => (i === 0 ? { ...r, evidence: `${r.evidence}!` } : r)),
    };
    expect(contentFingerprint(edited)).not.toBe(contentFingerprint(bundle));
    const renamed = { ...bundle, groups: bundle.groups.map((g, i) => (i === 0 ? { ...g, name: 'Renamed' } : g)) };
    expect(contentFingerprint(renamed)).not.toBe(contentFingerprint(bundle));
  });
});

describe('implausible times and dates in a file', () => {
  const now = new Date();
  const refuse = async (change: (file: any) => void) => {
    const data = JSON.parse(await workshopFile(fullBundle(), '1.2.3').text());
    change(data);
    const { ok, errors } = await readImportFiles([new File([JSON.stringify(data)], 'blue.json')]);
    expect(ok).toEqual([]);
    return errors[0]!.message;
  };

  it('refuses a change time in the future, which would win every merge', async () => {
    expect(await refuse((f) => (f.workshop.ratings[0].updatedAt = '2999-01-01T00:00:00.000Z'))).toMatch(
      /^“blue.json” has a value that is not allowed: .* is in the future \(2999-01-01T00:00:00.000Z\)\. Check the date and time on the tablet that made the file\.$/,
    );
    const twoDays = new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000).toISOString();
    expect(await refuse((f) => (f.workshop.updatedAt = twoDays))).toContain('is in the future');
  });

  it('allows a clock a few hours fast', async () => {
    const data = JSON.parse(await workshopFile(fullBundle(), '1.2.3').text());
    data.workshop.updatedAt = new Date(now.getTime() + 3 * 60 * 60 * 1000).toISOString();
    const { ok, errors } = await readImportFiles([new File([JSON.stringify(data)], 'blue.json')]);
    expect(errors).toEqual([]);
    expect(ok).toHaveLength(1);
  });

  it('refuses times before 2000 and workshop or due dates outside 2000-2100', async () => {
    expect(await refuse((f) => (f.workshop.groups[0].createdAt = '1970-01-01T00:00:00.000Z'))).toContain(
      'is before the year 2000 (1970-01-01T00:00:00.000Z)',
    );
    expect(await refuse((f) => (f.workshop.date = '0026-11-27'))).toContain(
      'is 0026-11-27 (it must be in the years 2000 to 2100)',
    );
    expect(await refuse((f) => (f.workshop.actions[0].due = '2207-03-31'))).toContain(
      'is 2207-03-31 (it must be in the years 2000 to 2100)',
    );
  });
});
