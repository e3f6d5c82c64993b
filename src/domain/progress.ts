import type { Group, Rating } from './types.ts';

/** An outcome counts as scored when the group has answered both "now" (a level or not sure) and "target". */
export function isScored(rating: Pick<Rating, 'now' | 'target'> | undefined): boolean {
  return rating !== undefined && rating.now !== null && rating.target !== null;
}

/** How many of the given outcomes a group has scored, from that group's ratings. */
export function scoredCount(ratings: readonly Rating[], outcomeIds: readonly string[]): number {
  const known = new Set(outcomeIds);
  return ratings.filter((r) => known.has(r.outcomeId) && isScored(r)).length;
}

/** Progress of a whole workshop: outcomes scored across all groups, out of groups x outcomes. */
export function workshopProgress(
  groups: readonly Group[],
  ratings: readonly Rating[],
  outcomeIds: readonly string[],
): { scored: number; total: number } {
  const groupIds = new Set(groups.map((g) => g.id));
  const inGroups = ratings.filter((r) => groupIds.has(r.groupId));
  return { scored: scoredCount(inGroups, outcomeIds), total: groups.length * outcomeIds.length };
}

/** The index of the first outcome a group has not scored yet, or 0 when all are scored. */
export function firstUnscoredIndex(ratings: readonly Rating[], outcomeIds: readonly string[]): number {
  const byOutcome = new Map(ratings.map((r) => [r.outcomeId, r]));
  const index = outcomeIds.findIndex((id) => !isScored(byOutcome.get(id)));
  return index === -1 ? 0 : index;
}
