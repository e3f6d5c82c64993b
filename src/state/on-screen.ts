// The workshop as a screen is showing it (read by its live query), so that the next screen can draw
// at once from the same copy while its own live query starts: the compare screen, opened from the
// workshop screen, spent about a third of its time waiting for the database to read what the
// workshop screen had read a moment before. The next screen's live query replaces the copy as soon
// as it answers with anything different (an equal answer may keep the copy: see CompareScreen). A
// copy is dropped as soon as anything is written to the database (in this tab or another), so it is
// never older than what is stored; and a workshop with private scoring is never kept, so whether
// its scores are hidden is always decided from the database.
import { onDatabaseWrite } from '../data/live-query.ts';
import type { WorkshopBundle } from '../domain/types.ts';

/** How long after a screen stops showing a workshop its copy may still be used. */
const FRESH_MS = 2000;

/** One copy at most: the workshop last shown. */
let shown: { bundle: WorkshopBundle; leftAt: number | null } | null = null;

onDatabaseWrite(() => {
  shown = null;
});

/** A screen's live query has read this workshop; it is on screen until `left` is called. */
export function showing(bundle: WorkshopBundle): void {
  shown = bundle.workshop.privateScoring ? null : { bundle, leftAt: null };
}

/** The screen showing the workshop has gone (or is about to show a newer copy). */
export function left(workshopId: string, now = Date.now()): void {
  if (shown?.bundle.workshop.id === workshopId && shown.leftAt === null) shown.leftAt = now;
}

/** The copy a screen is showing, or showed within the last two seconds; otherwise undefined. */
export function recentlyShown(workshopId: string, now = Date.now()): WorkshopBundle | undefined {
  if (!shown || shown.bundle.workshop.id !== workshopId) return undefined;
  if (shown.leftAt !== null && now - shown.leftAt > FRESH_MS) {
    shown = null;
    return undefined;
  }
  return shown.bundle;
}
