import { db } from './db.ts';
import { agreementId, nowIso } from '../domain/ids.ts';
import type { Agreement } from '../domain/types.ts';

/** The fields of an agreed score that the facilitator edits. */
export type AgreementFields = Pick<Agreement, 'now' | 'target' | 'rationale' | 'dissent'>;

const EMPTY: AgreementFields = { now: null, target: null, rationale: '', dissent: '' };

/**
 * Saves part of the room's agreed score for an outcome at once, creating it if needed. Read and
 * write share one transaction so a tap and a debounced text save cannot overwrite each other.
 */
export async function saveAgreement(
  workshopId: string,
  outcomeId: string,
  change: Partial<AgreementFields>,
): Promise<Agreement> {
  const id = agreementId(workshopId, outcomeId);
  return db.transaction('rw', db.agreements, async () => {
    const stored = await db.agreements.get(id);
    const agreement: Agreement = {
      id,
      workshopId,
      outcomeId,
      ...EMPTY,
      ...stored,
      ...change,
      updatedAt: nowIso(),
    };
    await db.agreements.put(agreement);
    return agreement;
  });
}

/** A workshop's agreed scores, one per outcome agreed so far. */
export async function listAgreements(workshopId: string): Promise<Agreement[]> {
  return db.agreements.where('workshopId').equals(workshopId).toArray();
}
