import type { Framework } from '../framework/types.ts';
import type { WorkshopBundle } from './types.ts';
import { groupSeries, type GroupSeries } from './results.ts';

/**
 * What the groups' answers for one outcome say about the room. "Not sure" and unscored answers are
 * counted, but left out of every statistic.
 */
export interface OutcomeStats {
  outcomeId: string;
  /** Groups' now levels, in group order; "not sure" and unscored left out. */
  nowValues: number[];
  /** Groups' target levels, in group order; unscored left out. */
  targetValues: number[];
  notSureCount: number;
  /** Groups with no now answer at all. */
  unscoredCount: number;
  medianNow: number | null;
  medianTarget: number | null;
  minNow: number | null;
  maxNow: number | null;
  /** maxNow - minNow. */
  range: number | null;
  /** range >= 2: at least two groups are two or more levels apart. */
  wideSpread: boolean;
  /** The groups fall into two camps: see `isSplit`. */
  split: boolean;
  /** medianTarget - medianNow. */
  gap: number | null;
}

/** Levels apart that make a spread wide, and the smallest jump between two camps. */
export const WIDE_SPREAD = 2;

/** The median of the values (the mean of the middle two for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/**
 * True if the now levels fall into two camps: sorted, they have a jump of 2 or more levels between
 * neighbours (so at least one level nobody chose lies between the camps), and each side of that jump
 * holds MORE than a quarter of the answers.
 *
 * Why this rule: a facilitator handles two kinds of disagreement differently. One group out on its
 * own ([3, 3, 3, 5]) is "ask that group what it knows": the range flags it as 2+ apart. A room
 * divided into two views ([1, 1, 4, 4], or [2, 5, 5] with three groups) has no score most people
 * would sit near, so it needs the plenary's time first. "More than a quarter" is what tells these
 * apart at every room size: with 3 groups a single group is a camp (a third of the room); with 4 to
 * 7 groups each camp needs at least 2; with 8 it needs 3, so two groups against six read as a
 * minority view rather than a split. Answers evenly spread with empty levels between them
 * ([1, 3, 5]) also count as split: no view holds the room. Two groups that are 2+ apart are always a
 * split, since each is half of the room. Adjacent levels are never a split ([1, 2, 3]): neighbouring
 * levels are a matter of degree, not two different views.
 */
export function isSplit(values: readonly number[]): boolean {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  for (let i = 1; i < n; i += 1) {
    const below = i;
    const above = n - i;
    const jump = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
    if (jump >= WIDE_SPREAD && below * 4 > n && above * 4 > n) return true;
  }
  return false;
}

/**
 * Each outcome's spread, medians, camps and gap across the workshop's groups, in framework order.
 * `series`, if the caller has it already, is `groupSeries(framework, bundle)`.
 */
export function outcomeStats(
  framework: Framework,
  bundle: WorkshopBundle,
  series: readonly GroupSeries[] = groupSeries(framework, bundle),
): OutcomeStats[] {
  return framework.outcomes.map((outcome, i) => {
    const nowValues = series.flatMap((s) => s.now[i] ?? []);
    const targetValues = series.flatMap((s) => s.target[i] ?? []);
    const notSureCount = series.filter((s) => s.notSure[i]).length;
    const minNow = nowValues.length ? Math.min(...nowValues) : null;
    const maxNow = nowValues.length ? Math.max(...nowValues) : null;
    const range = minNow === null || maxNow === null ? null : maxNow - minNow;
    const medianNow = median(nowValues);
    const medianTarget = median(targetValues);
    return {
      outcomeId: outcome.id,
      nowValues,
      targetValues,
      notSureCount,
      unscoredCount: series.length - nowValues.length - notSureCount,
      medianNow,
      medianTarget,
      minNow,
      maxNow,
      range,
      wideSpread: range !== null && range >= WIDE_SPREAD,
      split: isSplit(nowValues),
      gap: medianNow === null || medianTarget === null ? null : medianTarget - medianNow,
    };
  });
}

/** Sorts descending by a key with nulls last; ties keep the order they came in (a stable sort). */
function sortDesc(stats: readonly OutcomeStats[], key: (s: OutcomeStats) => number | null): OutcomeStats[] {
  return [...stats].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return kb - ka;
  });
}

/**
 * Most disagreement first: split outcomes, then by range (widest first; none answered last). Ties
 * keep the order given, which is framework order for `outcomeStats`' result.
 */
export function byDisagreement(stats: readonly OutcomeStats[]): OutcomeStats[] {
  const byRange = sortDesc(stats, (s) => s.range);
  return [...byRange.filter((s) => s.split), ...byRange.filter((s) => !s.split)];
}

/**
 * Widest gap between median target and median now first; outcomes without a gap last. Ties keep
 * the order given, which is framework order for `outcomeStats`' result.
 */
export function byGap(stats: readonly OutcomeStats[]): OutcomeStats[] {
  return sortDesc(stats, (s) => s.gap);
}
