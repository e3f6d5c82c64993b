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
  return db.transaction('rw', db.agreements, async () => {
    const stored = await db.agreements.get(agreementId(workshopId, outcomeId));
    const agreement = agreementWith(workshopId, outcomeId, stored, change, nowIso());
    await db.agreements.put(agreement);
    return agreement;
  });
}

/**
 * The room's agreed score for an outcome: `change` laid over `under` (what is stored, or taken as
 * stored), with every field present. The one rule for building an agreed score from a part of one.
 */
export function agreementWith(
  workshopId: string,
  outcomeId: string,
  under: Partial<Agreement> | null | undefined,
  change: Partial<AgreementFields>,
  updatedAt: string,
): Agreement {
  return { id: agreementId(workshopId, outcomeId), workshopId, outcomeId, ...EMPTY, ...under, ...change, updatedAt };
}

/** A workshop's agreed scores, one per outcome agreed so far. */
export async function listAgreements(workshopId: string): Promise<Agreement[]> {
  return db.agreements.where('workshopId').equals(workshopId).toArray();
}
