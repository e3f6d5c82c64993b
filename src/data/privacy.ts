// Private scoring: one tablet passed between groups, scores hidden until the facilitator reveals them.
import { db } from './db.ts';
import { nowIso } from '../domain/ids.ts';

/**
 * Turns private scoring on or off. Turning it on hides the scores again (clears `revealedAt`), so a
 * workshop can be re-run in private; turning it off keeps when they were revealed, for the record.
 */
export async function setPrivateScoring(workshopId: string, on: boolean): Promise<void> {
  const stamp = nowIso();
  await db.workshops.update(
    workshopId,
    on ? { privateScoring: true, revealedAt: null, updatedAt: stamp } : { privateScoring: false, updatedAt: stamp },
  );
}

/** Reveals every group's scores in a private-scoring workshop, from now on. */
export async function revealScores(workshopId: string): Promise<void> {
  const stamp = nowIso();
  await db.workshops.update(workshopId, { revealedAt: stamp, updatedAt: stamp });
}
