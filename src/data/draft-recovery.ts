import { db } from './db.ts';
import { agreementWith } from './agreements.ts';
import { ratingWith } from './ratings.ts';
import { agreementId, nowIso, ratingId } from '../domain/ids.ts';
import type { TextDraft } from '../state/text-drafts.ts';

/**
 * Writes text drafts left by a page that closed before saving them, each only where the stored
 * record is older than the draft (a later save, here or imported, wins). Returns how many were written.
 */
export async function recoverDrafts(drafts: readonly TextDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  return db.transaction('rw', [db.groups, db.ratings, db.agreements], async () => {
    let written = 0;
    for (const { target, text, at } of drafts) {
      if (target.kind === 'rating') {
        const group = await db.groups.get(target.groupId);
        if (!group) continue; // the group was removed since
        const id = ratingId(target.groupId, target.outcomeId);
        const stored = await db.ratings.get(id);
        if (stored && stored.updatedAt >= at) continue;
        const rating = ratingWith(group, target.outcomeId, stored, { [target.field]: text }, nowIso());
        await db.ratings.put(rating);
      } else {
        const id = agreementId(target.workshopId, target.outcomeId);
        const stored = await db.agreements.get(id);
        if (stored && stored.updatedAt >= at) continue;
        const agreement = agreementWith(
          target.workshopId,
          target.outcomeId,
          stored,
          { [target.field]: text },
          nowIso(),
        );
        await db.agreements.put(agreement);
      }
      written += 1;
    }
    return written;
  });
}
