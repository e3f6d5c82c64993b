// A workshop file or backup the app saves must import again: one it could not import would pass for
// a backup until the day it was needed.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import BackupControl from '../../../src/containers/BackupControl.svelte';
import ExportButton from '../../../src/containers/ExportButton.svelte';
import SharePanel from '../../../src/containers/SharePanel.svelte';
import { applyImport } from '../../../src/data/bundles.ts';
import { lastBackup, lastExport, loadAllBundles } from '../../../src/data/exports.ts';
import { defaultFramework } from '../../../src/framework/frameworks.ts';
import { MAX_LONG_TEXT_LENGTH } from '../../../src/files/format.ts';
import { readImportFiles } from '../../../src/files/import-file.ts';
import { makeBundle, resetDb, storeBundle } from '../../factories.ts';
import { recordDownloads, restoreDownloads, type Download } from '../downloads.ts';

const outcomeIds = defaultFramework.outcomes.map((o) => o.id);
const sentence = 'Staff survey 2025 and the service review; two teams still on paper forms. ';
/** As long as evidence or notes may be. */
const longest = sentence.repeat(Math.ceil(MAX_LONG_TEXT_LENGTH / sentence.length)).slice(0, MAX_LONG_TEXT_LENGTH);

/** A workshop whose groups scored all 12 outcomes with the longest evidence and notes allowed (about 20 kB a score). */
function wordyWorkshop(groups: number) {
  const bundle = makeBundle(groups, outcomeIds);
  bundle.ratings = bundle.ratings.map((rating) => ({ ...rating, evidence: longest, notes: longest }));
  return bundle;
}

let saved: Download[];
beforeEach(async () => {
  await resetDb();
  saved = recordDownloads();
});
afterEach(restoreDownloads);

describe('files larger than 5 MB', () => {
  it('a backup of 6 MB or more is saved, noted, and imports back as it was', async () => {
    for (let i = 0; i < 14; i += 1) await storeBundle(wordyWorkshop(2));
    const before = await loadAllBundles();
    render(BackupControl, { props: { appVersion: '1.2.3' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export everything' }));

    expect(
      await screen.findByText(/^Saved outcomes-workshop-backup-.*\.json with 14 workshops\.$/),
    ).toBeInTheDocument();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.file.size).toBeGreaterThan(6 * 1024 * 1024);
    expect(await lastBackup()).toMatchObject({ workshops: 14 });

    await resetDb();
    const { ok, errors } = await readImportFiles([new File([saved[0]!.file], saved[0]!.name)]);
    expect(errors).toEqual([]);
    await applyImport(ok.map((f) => f.bundle));
    expect(await loadAllBundles()).toEqual(before);
  });
});

describe('files too large to import again', () => {
  // 140 groups of the longest texts: 32.7 MB as a backup.
  beforeEach(() => storeBundle(wordyWorkshop(140)));

  it('"Export everything" saves nothing, notes no backup, and says why', async () => {
    render(BackupControl, { props: { appVersion: '1.2.3' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export everything' }));

    const problem =
      /^The backup would be 3\d\.\d MB, more than the 32 MB this app can import again, so it was not saved\. Export each workshop from its own screen instead\.$/;
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(problem));
    expect(saved).toEqual([]);
    expect(await lastBackup()).toBeUndefined();
  });

  it('a workshop’s Export saves nothing, notes no export, and says why', async () => {
    const [bundle] = await loadAllBundles();
    render(ExportButton, { props: { workshopId: bundle!.workshop.id, appVersion: '1.2.3' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export' }));

    const problem =
      /^The workshop’s file would be 3\d\.\d MB, more than the 32 MB this app can import again, so it was not saved\. Shorten the longest evidence and notes, then export again\.$/;
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(problem));
    expect(saved).toEqual([]);
    expect(await lastExport(bundle!.workshop.id)).toBeUndefined();
  });

  it('Share sends the CSV files without the workshop file, and notes no export', async () => {
    const [bundle] = await loadAllBundles();
    const share: Mock<(data: ShareData) => Promise<void>> = vi.fn(async () => {});
    Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: vi.fn(() => true) });
    try {
      render(SharePanel, { props: { workshopId: bundle!.workshop.id, appVersion: '1.2.3' } });
      const button = screen.getByRole('button', { name: 'Share' });
      await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
      await userEvent.setup().click(button);

      expect(await screen.findByRole('status')).toHaveTextContent(
        /^Shared 3 files\. The workshop file was left out: it would be 32\.6 MB, more than the 32 MB this app can import again, so it was not sent\.$/,
      );
      expect(share.mock.calls[0]![0].files!.map((f) => f.name.slice(-4))).toEqual(['.csv', '.csv', '.csv']);
      expect(await lastExport(bundle!.workshop.id)).toBeUndefined();
    } finally {
      for (const key of ['share', 'canShare']) delete (navigator as unknown as Record<string, unknown>)[key];
    }
  });
});
