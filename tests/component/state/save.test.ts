import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/data/db.ts';
import { recordExport } from '../../../src/data/exports.ts';
import { addGroup, getGroup, removeGroup } from '../../../src/data/groups.ts';
import { writeScore } from '../../../src/data/scores.ts';
import type { WorkshopBundle } from '../../../src/domain/types.ts';
import { contentFingerprint } from '../../../src/files/export-file.ts';
import { bundleForExport } from '../../../src/state/export-bundle.ts';
import { removeGroupAndScores, saveScore, saveStatus } from '../../../src/state/save.svelte.ts';
import BackupStatus from '../../../src/screens/workshop/BackupStatus.svelte';
import StorageFaultBanner from '../../../src/containers/StorageFaultBanner.svelte';
import OutcomeCard from '../../../src/screens/scoring/OutcomeCard.svelte';
import { defaultFramework } from '../../../src/framework/frameworks.ts';
import userEvent from '@testing-library/user-event';
import { agreementChange, makeBundle, ratingChange, resetDb, storeBundle } from '../../factories.ts';

/**
 * While on, every IndexedDB write fails as on a full device: the request and the transaction end
 * with a QuotaExceededError and the transaction aborts (Dexie then reports an AbortError wrapping it;
 * the tap's direct write, with the score on the screen given, the QuotaExceededError itself).
 */
let storageFull = false;
const realPut = IDBObjectStore.prototype.put;
function failLikeFullStorage() {
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = realPut.apply(this, args);
    if (storageFull) {
      const error = new DOMException('The storage quota has been exceeded.', 'QuotaExceededError');
      const fixed = { get: () => error, set: () => undefined, configurable: true };
      Object.defineProperty(request, 'error', fixed);
      Object.defineProperty(this.transaction, 'error', fixed);
      this.transaction.abort();
    }
    return request;
  };
}

let bundle: WorkshopBundle;

beforeEach(async () => {
  await resetDb();
  bundle = makeBundle(1, ['connectivity']);
  await storeBundle(bundle);
  failLikeFullStorage();
  storageFull = false;
  saveStatus.kept.clear();
  saveStatus.fault = null;
  saveStatus.reset();
});

afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
  vi.restoreAllMocks();
});

describe('a write the device refuses', () => {
  it('says the device is full, keeps the change for export, leaves the database as it was, and saves it later', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const before = await db.ratings.toArray();
    storageFull = true;

    expect(await saveScore(ratingChange(group, 'connectivity', { now: 4 }))).toBeUndefined();
    expect(await saveScore(ratingChange(group, 'connectivity', { evidence: 'Survey' }))).toBeUndefined();
    expect(saveStatus.state).toBe('error');
    expect(saveStatus.fault).toBe('quota');
    expect(saveStatus.message).toBe(
      'Not saved: this device has run out of storage space. Export the workshop to keep a copy.',
    );
    expect(saveStatus.kept.size).toBe(1);
    expect(await db.ratings.toArray()).toEqual(before);

    // The export has what the person entered.
    const exported = await bundleForExport(bundle.workshop.id);
    expect(exported?.ratings.find((r) => r.outcomeId === 'connectivity')).toMatchObject({ now: 4, evidence: 'Survey' });

    // Space again: the next change saves the earlier ones with it.
    storageFull = false;
    const saved = await saveScore(ratingChange(group, 'connectivity', { target: 5 }));
    expect(saved).toMatchObject({ now: 4, target: 5, evidence: 'Survey' });
    expect(await db.ratings.get(saved!.id)).toMatchObject({ now: 4, target: 5, evidence: 'Survey' });
    expect(saveStatus.kept.size).toBe(0);
    expect(saveStatus.fault).toBeNull();
    expect(saveStatus.state).toBe('saved');
  });

  it('keeps a refused change when a second tap, sent before the refusal came back, is stored', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const shown = (await db.ratings.toArray()).find((r) => r.outcomeId === 'connectivity')!;
    // Only the first write is refused.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      IDBObjectStore.prototype.put = put;
      storageFull = true;
      try {
        return put.apply(this, args);
      } finally {
        storageFull = false;
      }
    };
    const [first, second] = await Promise.all([
      saveScore(ratingChange(group, 'connectivity', { now: 4 })),
      saveScore(ratingChange(group, 'connectivity', { evidence: 'Survey' })),
    ]);
    expect(first).toBeUndefined();
    expect(second).toMatchObject({ evidence: 'Survey' });
    // The refused change was kept, and sent again once the second write showed storage works.
    expect(await db.ratings.get(shown.id)).toMatchObject({ now: 4, evidence: 'Survey' });
    expect(saveStatus.kept.size).toBe(0);
    expect(saveStatus.state).toBe('saved');
    const saved = await saveScore(ratingChange(group, 'connectivity', { target: 5 }));
    expect(saved).toMatchObject({ now: 4, target: 5, evidence: 'Survey' });
  });

  it('saves the changes kept for other scores as soon as any save works again, and only then says Saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const workshopId = bundle.workshop.id;
    storageFull = true;
    expect(await saveScore(ratingChange(group, 'connectivity', { now: 4 }))).toBeUndefined();
    expect(
      await saveScore(agreementChange(workshopId, 'connectivity', { rationale: 'Agreed in the room' })),
    ).toBeUndefined();
    expect(saveStatus.kept.size).toBe(2);

    // Space again, and the next change is to another outcome: the kept ones are stored with it.
    storageFull = false;
    expect(await saveScore(ratingChange(group, 'data', { now: 2 }))).toMatchObject({ now: 2 });
    expect(await db.ratings.get(`${group.id}/data`)).toMatchObject({ now: 2 });
    expect(await db.ratings.get(`${group.id}/connectivity`)).toMatchObject({ now: 4 });
    expect(await db.agreements.get(`${workshopId}/connectivity`)).toMatchObject({ rationale: 'Agreed in the room' });
    expect(saveStatus.kept.size).toBe(0);
    expect(saveStatus.fault).toBeNull();
    expect(saveStatus.state).toBe('saved');
  });

  it('keeps every change still held when one of them is refused again, and does not say Saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const workshopId = bundle.workshop.id;
    storageFull = true;
    await saveScore(ratingChange(group, 'connectivity', { now: 4 }));
    await saveScore(agreementChange(workshopId, 'connectivity', { rationale: 'Agreed in the room' }));
    const before = await db.ratings.get(`${group.id}/connectivity`);

    // Only the next write is stored; the device is full again for the ones after it.
    storageFull = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      IDBObjectStore.prototype.put = put;
      try {
        return put.apply(this, args);
      } finally {
        storageFull = true;
      }
    };
    expect(await saveScore(ratingChange(group, 'data', { now: 2 }))).toMatchObject({ now: 2 });
    expect(await db.ratings.get(`${group.id}/connectivity`)).toEqual(before);
    expect(saveStatus.kept.get(`${group.id}/connectivity`)?.fields).toEqual({ now: 4 });
    expect(saveStatus.kept.get(`${workshopId}/connectivity`)?.fields).toEqual({ rationale: 'Agreed in the room' });
    expect(saveStatus.state).toBe('error');
    expect(saveStatus.fault).toBe('quota');
  });

  it('shows no "Saved" and keeps the banner up while the kept changes are being sent again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    storageFull = true;
    await saveScore(ratingChange(group, 'connectivity', { now: 4 }));
    await saveScore(agreementChange(bundle.workshop.id, 'connectivity', { rationale: 'Agreed in the room' }));
    storageFull = false;
    // The status as each write is sent: the kept ones go one after the other, after the new one.
    const seen: [string, string | null][] = [];
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      seen.push([saveStatus.state, saveStatus.fault]);
      return put.apply(this, args);
    };
    await saveScore(ratingChange(group, 'data', { now: 2 }));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every(([state, fault]) => state === 'error' && fault === 'quota')).toBe(true);
    expect(saveStatus.state).toBe('saved');
    expect(saveStatus.fault).toBeNull();
  });

  it('drops, without storing, a kept change to a score whose group was removed since', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const removed = bundle.groups[0]!;
    const other = (await getGroup(await addGroup(bundle.workshop.id, 'Second group')))!;
    storageFull = true;
    await saveScore(ratingChange(removed, 'connectivity', { now: 4 }));
    storageFull = false;
    await removeGroup(removed.id);

    await saveScore(ratingChange(other, 'data', { now: 2 }));
    expect(await db.ratings.where('groupId').equals(removed.id).count()).toBe(0);
    expect(saveStatus.kept.size).toBe(0);
    expect(saveStatus.state).toBe('saved');
    const exported = await bundleForExport(bundle.workshop.id);
    expect(exported?.ratings.every((r) => exported.groups.some((g) => g.id === r.groupId))).toBe(true);
  });

  it('forgets the kept changes of a group when the group is removed, and then says Saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    storageFull = true;
    await saveScore(ratingChange(group, 'connectivity', { now: 4 }));
    storageFull = false;
    await removeGroupAndScores(group.id);
    expect(await getGroup(group.id)).toBeUndefined();
    expect(await db.ratings.where('groupId').equals(group.id).count()).toBe(0);
    expect(saveStatus.kept.size).toBe(0);
    expect(saveStatus.state).toBe('saved');
    expect(saveStatus.fault).toBeNull();
  });

  it('does not say Saved after another kind of write while a refused change is kept', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    storageFull = true;
    await saveScore(ratingChange(bundle.groups[0]!, 'connectivity', { now: 4 }));
    storageFull = false;
    await saveStatus.track(addGroup(bundle.workshop.id, 'Second group'));
    expect(saveStatus.kept.size).toBe(1);
    expect(saveStatus.state).toBe('error');
    expect(saveStatus.fault).toBe('quota');
  });

  it('keeps both of two refused changes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    storageFull = true;
    await Promise.all([
      saveScore(ratingChange(group, 'connectivity', { now: 4 })),
      saveScore(ratingChange(group, 'connectivity', { evidence: 'Survey' })),
    ]);
    expect(saveStatus.kept.get(`${group.id}/connectivity`)?.fields).toEqual({ now: 4, evidence: 'Survey' });
  });

  it('shows refused choices as chosen: the shading follows the tapped level and pill, not the stored ones', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const stored = (await db.ratings.toArray()).find((r) => r.outcomeId === 'connectivity')!;
    expect(stored).toMatchObject({ now: 2, confidence: 'medium' });
    const outcome = defaultFramework.outcomes.find((o) => o.id === 'connectivity')!;
    const { container } = render(OutcomeCard, {
      framework: defaultFramework,
      outcome,
      position: 1,
      group,
      rating: stored,
    });
    const chosen = (name: string) =>
      [...container.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .filter((input) => input.checked)
        .map((input) => input.value);
    const shaded = (name: string) =>
      [...container.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .filter((input) => input.closest('.checked'))
        .map((input) => input.value);
    expect(shaded('now-connectivity')).toEqual(['2']);
    expect(shaded('confidence-connectivity')).toEqual(['medium']);
    storageFull = true;

    await userEvent.setup().click(container.querySelector('label[for="now-connectivity-3"]')!);
    await waitFor(() => expect(saveStatus.fault).toBe('quota'));
    expect(await db.ratings.get(stored.id)).toEqual(stored);
    expect(chosen('now-connectivity')).toEqual(['3']);
    expect(shaded('now-connectivity')).toEqual(['3']);

    await userEvent.setup().click(container.querySelector('input[name="confidence-connectivity"][value="high"]')!);
    await waitFor(() => expect(saveStatus.kept.get(stored.id)?.fields).toEqual({ now: 3, confidence: 'high' }));
    expect(chosen('confidence-connectivity')).toEqual(['high']);
    expect(shaded('confidence-connectivity')).toEqual(['high']);
    expect(shaded('now-connectivity')).toEqual(['3']);
    expect(await db.ratings.get(stored.id)).toEqual(stored);
  });

  it('does not show the old stored score between the kept change being stored and the score read back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const stored = (await db.ratings.toArray()).find((r) => r.outcomeId === 'connectivity')!;
    const outcome = defaultFramework.outcomes.find((o) => o.id === 'connectivity')!;
    const { container, rerender } = render(OutcomeCard, {
      framework: defaultFramework,
      outcome,
      position: 1,
      group,
      rating: stored,
    });
    const shaded = () => container.querySelector<HTMLInputElement>('.checked input[name="now-connectivity"]')?.value;
    const user = userEvent.setup();
    storageFull = true;
    await user.click(container.querySelector('label[for="now-connectivity-3"]')!);
    await waitFor(() => expect(saveStatus.fault).toBe('quota'));
    expect(shaded()).toBe('3');

    // Space again: the next tap stores both. Until the screen reads the score back, the card keeps
    // what it showed rather than going back to the old stored level.
    storageFull = false;
    await user.click(container.querySelector('label[for="target-connectivity-5"]')!);
    await waitFor(() => expect(saveStatus.kept.size).toBe(0));
    expect(shaded()).toBe('3');
    const readBack = await db.ratings.get(stored.id);
    expect(readBack).toMatchObject({ now: 3, target: 5 });
    await rerender({ rating: readBack });
    expect(shaded()).toBe('3');
    expect(container.querySelector<HTMLInputElement>('#target-connectivity-5')!.checked).toBe(true);
  });

  it('shows evidence the device refused in the box when the outcome is opened again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const group = bundle.groups[0]!;
    const stored = (await db.ratings.toArray()).find((r) => r.outcomeId === 'connectivity')!;
    storageFull = true;
    expect(
      await saveScore(ratingChange(group, 'connectivity', { evidence: 'Typed while the tablet was full' })),
    ).toBeUndefined();
    const outcome = defaultFramework.outcomes.find((o) => o.id === 'connectivity')!;
    render(OutcomeCard, { framework: defaultFramework, outcome, position: 1, group, rating: stored });
    expect(screen.getByLabelText('Evidence')).toHaveValue('Typed while the tablet was full');
  });

  it('exports the last copy read when the database cannot be read at all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bundleForExport(bundle.workshop.id); // read while the database works
    storageFull = true;
    await saveScore(ratingChange(bundle.groups[0]!, 'connectivity', { now: 1 }));
    vi.spyOn(db.workshops, 'get').mockRejectedValue(
      new DOMException('Connection to Indexed Database server lost.', 'UnknownError'),
    );
    const exported = await bundleForExport(bundle.workshop.id);
    expect(exported?.workshop.id).toBe(bundle.workshop.id);
    expect(exported?.ratings.find((r) => r.outcomeId === 'connectivity')?.now).toBe(1);
  });

  it('shows a banner that names the cause and offers the export while on a workshop', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(StorageFaultBanner, { props: { workshopId: bundle.workshop.id } });
    expect(screen.queryByRole('heading')).toBeNull();
    storageFull = true;
    await saveScore(ratingChange(bundle.groups[0]!, 'connectivity', { now: 2 }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Not saved: this device is out of storage space');
    expect(alert).toHaveTextContent(
      'Export this workshop now to keep what is on the screen, including the changes not saved.',
    );
    expect(alert).toHaveTextContent('free some space on the device');
    expect(await screen.findByRole('button', { name: 'Export this workshop now' })).toBeInTheDocument();
  });

  it('says so at start-up when the browser will not store anything', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(StorageFaultBanner, { props: { workshopId: undefined } });
    await saveStatus.checkStorage(() =>
      Promise.reject(new DOMException('The user denied permission to access the database.', 'SecurityError')),
    );
    expect(await screen.findByRole('heading', { name: 'This browser is not saving anything' })).toBeInTheDocument();
    expect(saveStatus.message).toBe('Not saved: this browser is not letting the app store anything.');
    // A later write still fails; the cause stays the same.
    await saveStatus.track(Promise.reject(new Error('no database')));
    expect(saveStatus.fault).toBe('unavailable');
    expect(saveStatus.message).toBe('Not saved: this browser is not letting the app store anything.');
  });
});

describe('the backup reminder', () => {
  it('says the workshop was never exported, then when it was, then that it has changed since', async () => {
    render(BackupStatus, { props: { workshopId: bundle.workshop.id } });
    expect(await screen.findByText(/This workshop is only on this tablet: export it/)).toBeInTheDocument();

    await recordExport(bundle.workshop.id, { at: '2026-11-27T14:05:00.000Z', fingerprint: contentFingerprint(bundle) });
    expect(await screen.findByText('No changes since then.')).toBeInTheDocument();
    expect(screen.getByText(/Last exported:/).parentElement).toHaveTextContent(/27 November 2026 at \d\d:05/);

    await writeScore(ratingChange(bundle.groups[0]!, 'connectivity', { notes: 'Ask IT' }));
    expect(
      await screen.findByText(/It has changed since then\. The changes are only on this tablet/),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('No changes since then.')).toBeNull());
  });
});
