// The workshop as the person sees it, for export: what is stored, with the score changes the device
// refused (kept in the save status) laid over it.
import { loadBundle } from '../data/bundles.ts';
import { scoreWith } from '../data/scores.ts';
import type { WorkshopBundle } from '../domain/types.ts';
import { saveStatus } from './save.svelte.ts';

/** The last copy of each workshop read, for when the database stops answering reads too. */
const lastRead = new Map<string, WorkshopBundle>();

/** The bundle with every kept change of its workshop laid over it (a new object; the input is unchanged). */
function withKeptChanges(bundle: WorkshopBundle): WorkshopBundle {
  const ratings = new Map(bundle.ratings.map((r) => [r.id, r]));
  const agreements = new Map(bundle.agreements.map((a) => [a.id, a]));
  for (const [id, kept] of saveStatus.kept) {
    if (kept.workshopId !== bundle.workshop.id) continue;
    if (kept.kind === 'agreement') agreements.set(id, scoreWith(kept, agreements.get(id), kept.at));
    // A change to a group that is no longer in the workshop is left out: it has nowhere to go.
    else if (bundle.groups.some((g) => g.id === kept.groupId))
      ratings.set(id, scoreWith(kept, ratings.get(id), kept.at));
  }
  return { ...bundle, ratings: [...ratings.values()], agreements: [...agreements.values()] };
}

/**
 * The workshop for export, read from the database with the kept changes laid over it. If the
 * database cannot be read at all, the last copy read in this session is used. Undefined when the
 * workshop is not on this device (or was never read while the database worked).
 */
export async function bundleForExport(workshopId: string): Promise<WorkshopBundle | undefined> {
  let bundle: WorkshopBundle | undefined;
  try {
    bundle = await loadBundle(workshopId);
    if (bundle) lastRead.set(workshopId, bundle);
    else lastRead.delete(workshopId);
  } catch (error) {
    bundle = lastRead.get(workshopId);
    if (!bundle) throw error;
  }
  return bundle && withKeptChanges(bundle);
}

/** Remembers a copy of a workshop read for the screen, in case the database later cannot be read. */
export function rememberBundle(bundle: WorkshopBundle | undefined): void {
  if (bundle) lastRead.set(bundle.workshop.id, bundle);
}
