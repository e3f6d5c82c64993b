// The workshop as a screen is showing it (read by its live query), so that the next screen can draw
// at once from the same copy while its own live query starts: the compare screen, opened from the
// workshop screen, spent about a third of its time waiting for the database to read what the
// workshop screen had read a moment before. The next screen's live query replaces the copy as soon
// as it answers, so a change made since (in another tab, say) shows a moment later.
import type { WorkshopBundle } from '../domain/types.ts';

/** How long after a screen stops showing a workshop its copy may still be used. */
const FRESH_MS = 2000;

const shown = new Map<string, { bundle: WorkshopBundle; leftAt: number | null }>();

/** A screen's live query has read this workshop; it is on screen until `left` is called. */
export function showing(bundle: WorkshopBundle): void {
  shown.set(bundle.workshop.id, { bundle, leftAt: null });
}

/** The screen showing the workshop has gone (or is about to show a newer copy). */
export function left(workshopId: string, now = Date.now()): void {
  const entry = shown.get(workshopId);
  if (entry && entry.leftAt === null) entry.leftAt = now;
}

/** The copy a screen is showing, or showed within the last two seconds; otherwise undefined. */
export function recentlyShown(workshopId: string, now = Date.now()): WorkshopBundle | undefined {
  const entry = shown.get(workshopId);
  if (!entry) return undefined;
  if (entry.leftAt !== null && now - entry.leftAt > FRESH_MS) {
    shown.delete(workshopId);
    return undefined;
  }
  return entry.bundle;
}
