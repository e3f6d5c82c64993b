// Saving scores so that changes the database refused are kept (in unsaved-changes.svelte.ts) and sent
// again with the next save, and exporting a workshop with them laid over it.
import { loadBundle } from '../data/bundles.ts';
import { agreementWith, saveAgreement, type AgreementFields } from '../data/agreements.ts';
import { getGroup, removeGroup } from '../data/groups.ts';
import { ratingWith, saveRating } from '../data/ratings.ts';
import { agreementId, nowIso, ratingId } from '../domain/ids.ts';
import type { Agreement, Group, Rating, RatingFields, WorkshopBundle } from '../domain/types.ts';
import { saveStatus } from './save-status.svelte.ts';
import { unsaved } from './unsaved-changes.svelte.ts';

export { unsaved };

/**
 * Runs a save with the changes that failed before for the same record (kept, read by `kept`), so the
 * next save that works stores them too; if this one fails as well, all of them are kept (`keep`) for
 * export. Saves overlap (a second tap before the first has come back): a save that works forgets
 * only what it sent, not a change refused meanwhile, and a refused save adds to what is kept.
 * A save that works then sends the changes kept for every other record (`saveAllKept`): storage
 * works again, and "Saved" must not show while a change elsewhere is held in memory only.
 */
async function saveWithEarlier<F, R>(
  kept: () => Partial<F> | undefined,
  change: Partial<F>,
  save: (all: Partial<F>) => Promise<R>,
  keep: (all: Partial<F>) => void,
  forget: () => void,
): Promise<R | undefined> {
  const earlier = kept();
  const all = { ...earlier, ...change };
  // The kept changes are sent inside the tracked write, so the status shows "Saved" (and the banner
  // goes) once, when they are all stored, not between them.
  return saveStatus.track(
    save(all).then(
      async (saved) => {
        if (kept() === earlier) forget();
        await saveAllKept();
        return saved;
      },
      (error: unknown) => {
        keep({ ...kept(), ...all });
        throw error;
      },
    ),
  );
}

/**
 * Saves part of a group's score and follows it in the save status. Changes that failed before are
 * sent again with it; if this one fails too, all of them are kept in memory for export. `seen` is
 * the score as the screen shows it (null: not scored yet), as `saveRating` takes it.
 */
export function saveRatingKept(
  group: Group,
  outcomeId: string,
  change: Partial<RatingFields>,
  seen?: Rating | null,
): Promise<Rating | undefined> {
  const id = ratingId(group.id, outcomeId);
  return saveWithEarlier(
    () => unsaved.ratings.get(id)?.change,
    change,
    (all) => saveRating(group, outcomeId, all, seen),
    (all) => unsaved.ratings.set(id, { group, outcomeId, change: all, at: nowIso() }),
    () => unsaved.ratings.delete(id),
  );
}

let savingAllKept = false;

/**
 * Sends again every change the database refused before, record by record, each with nothing new
 * (`saveRatingKept` and `saveAgreementKept` lay the kept change over what is stored). Stops at the
 * first that is refused again: it stays kept, and so do the rest. Not re-entered from its own saves.
 */
async function saveAllKept(): Promise<void> {
  if (savingAllKept || unsaved.count === 0) return;
  savingAllKept = true;
  try {
    for (const [id, { group, outcomeId }] of [...unsaved.ratings]) {
      if (!unsaved.ratings.has(id)) continue;
      // A group removed since: its scores went with it, and the export leaves its change out too.
      // If the database cannot even be read, everything stays kept (and the error stays).
      const stillThere = await getGroup(group.id).catch(() => null);
      if (stillThere === null) return;
      if (!stillThere) {
        unsaved.ratings.delete(id);
        continue;
      }
      if (!(await saveRatingKept(group, outcomeId, {}))) return;
    }
    for (const [id, { workshopId, outcomeId }] of [...unsaved.agreements]) {
      if (unsaved.agreements.has(id) && !(await saveAgreementKept(workshopId, outcomeId, {}))) return;
    }
  } finally {
    savingAllKept = false;
  }
}

/**
 * Removes a group and its scores, and forgets the changes to them the database refused (there is
 * nothing left to store them in), so that they no longer hold the error status up.
 */
export async function removeGroupKept(groupId: string): Promise<void> {
  await removeGroup(groupId);
  for (const [id, { group }] of [...unsaved.ratings]) if (group.id === groupId) unsaved.ratings.delete(id);
}

/** As `saveRatingKept`, for the room's agreed score of an outcome. */
export function saveAgreementKept(
  workshopId: string,
  outcomeId: string,
  change: Partial<AgreementFields>,
): Promise<Agreement | undefined> {
  const id = agreementId(workshopId, outcomeId);
  return saveWithEarlier(
    () => unsaved.agreements.get(id)?.change,
    change,
    (all) => saveAgreement(workshopId, outcomeId, all),
    (all) => unsaved.agreements.set(id, { workshopId, outcomeId, change: all, at: nowIso() }),
    () => unsaved.agreements.delete(id),
  );
}

/** The bundle with every unsaved change of its workshop laid over it (a new object; the input is unchanged). */
export function withUnsaved(bundle: WorkshopBundle): WorkshopBundle {
  const workshopId = bundle.workshop.id;
  const ratings = new Map(bundle.ratings.map((r) => [r.id, r]));
  for (const [id, { group, outcomeId, change, at }] of unsaved.ratings) {
    if (group.workshopId !== workshopId || !bundle.groups.some((g) => g.id === group.id)) continue;
    ratings.set(id, ratingWith(group, outcomeId, ratings.get(id), change, at));
  }
  const agreements = new Map(bundle.agreements.map((a) => [a.id, a]));
  for (const [id, { outcomeId, change, at, workshopId: owner }] of unsaved.agreements) {
    if (owner !== workshopId) continue;
    agreements.set(id, agreementWith(workshopId, outcomeId, agreements.get(id), change, at));
  }
  return { ...bundle, ratings: [...ratings.values()], agreements: [...agreements.values()] };
}

/**
 * The workshop as the person sees it, for export: read from the database with the unsaved changes
 * laid over it. If the database cannot be read at all, the last copy read in this session is used.
 * Undefined when the workshop is not on this device (or was never read while the database worked).
 */
export async function bundleForExport(workshopId: string): Promise<WorkshopBundle | undefined> {
  let bundle: WorkshopBundle | undefined;
  try {
    bundle = await loadBundle(workshopId);
    if (bundle) unsaved.lastRead.set(workshopId, bundle);
    else unsaved.lastRead.delete(workshopId);
  } catch (error) {
    bundle = unsaved.lastRead.get(workshopId);
    if (!bundle) throw error;
  }
  return bundle && withUnsaved(bundle);
}

/** Remembers a copy of a workshop read for the screen, in case the database later cannot be read. */
export function rememberBundle(bundle: WorkshopBundle | undefined): void {
  if (bundle) unsaved.lastRead.set(bundle.workshop.id, bundle);
}
