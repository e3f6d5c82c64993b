// Per-outcome figures for the CSV exports and the email summary: the agreed score and the groups'
// levels. Kept deliberately small; the screens' statistics live in the domain.
import type { Agreement, WorkshopBundle } from '../domain/types.ts';
import { isLevel } from '../domain/results.ts';
import type { Framework, Outcome } from '../framework/types.ts';

/** One outcome's agreed score (if any) and the groups' answers for it. */
export interface OutcomeFigures {
  outcome: Outcome;
  agreement: Agreement | undefined;
  /** The groups' "now" levels; "not sure" and unanswered are left out. */
  nows: number[];
  /** The groups' targets; unanswered are left out. */
  targets: number[];
  /** How many groups answered "not sure" for now. */
  notSure: number;
  /** How many groups gave a level for now or for the target. */
  scoredGroups: number;
}

/** The middle value (the mean of the two middle values for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The figures of every outcome of the framework, in the framework's order. */
export function outcomeFigures(framework: Framework, bundle: WorkshopBundle): OutcomeFigures[] {
  const groupIds = new Set(bundle.groups.map((g) => g.id));
  const ratings = bundle.ratings.filter((r) => groupIds.has(r.groupId));
  return framework.outcomes.map((outcome) => {
    const mine = ratings.filter((r) => r.outcomeId === outcome.id);
    return {
      outcome,
      agreement: bundle.agreements.find((a) => a.outcomeId === outcome.id),
      nows: mine.flatMap((r) => (isLevel(framework, r.now) ? [r.now] : [])),
      targets: mine.flatMap((r) => (isLevel(framework, r.target) ? [r.target] : [])),
      notSure: mine.filter((r) => r.now === 'not-sure').length,
      scoredGroups: mine.filter((r) => isLevel(framework, r.now) || isLevel(framework, r.target)).length,
    };
  });
}
