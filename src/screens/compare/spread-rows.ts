// The spread chart's rows, laid out: each group's marker at its now level, stacked where several
// groups chose the same level. Pure, so the stacking is testable without drawing.
import type { GroupSeries } from '../../domain/results.ts';
import type { OutcomeStats } from '../../domain/stats.ts';

/** Gap between markers stacked at one level, in px. */
export const STEP = 14;

/** One series as drawn: its values, colour and marker path. */
export interface DrawnSeries {
  s: GroupSeries;
  colour: string;
  marker: string;
}

/** Each outcome's row: its height, its middle, and each marker's level and offset from the middle. */
export function spreadRows(
  stats: readonly OutcomeStats[],
  drawn: readonly DrawnSeries[],
  indexOf: ReadonlyMap<string, number>,
  titleOf: ReadonlyMap<string, string>,
) {
  return stats.map((stat) => {
    const i = indexOf.get(stat.outcomeId) ?? -1;
    const points = drawn.flatMap((d) => {
      const value = d.s.now[i];
      return value === null || value === undefined ? [] : [{ ...d, value }];
    });
    const perLevel = new Map<number, number>();
    const placed = points.map((p) => {
      const slot = perLevel.get(p.value) ?? 0;
      perLevel.set(p.value, slot + 1);
      return { ...p, slot };
    });
    const stackOf = (value: number) => perLevel.get(value) ?? 1;
    // Each row is as tall as its tallest stack, so rows where the groups spread out stay compact.
    const height = Math.max(40, 14 + STEP * Math.max(1, ...perLevel.values()));
    return {
      stat,
      title: titleOf.get(stat.outcomeId) ?? stat.outcomeId,
      height,
      mid: height / 2,
      points: placed.map((p) => ({ ...p, offset: (p.slot - (stackOf(p.value) - 1) / 2) * STEP })),
    };
  });
}
