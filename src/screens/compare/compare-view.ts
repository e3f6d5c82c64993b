// Pure helpers for the compare screen: its orders, the agreed scores as a chart series, number formats.
import type { Framework } from '../../framework/types.ts';
import type { Agreement } from '../../domain/types.ts';
import { isLevel, type GroupSeries } from '../../domain/results.ts';
import { byDisagreement, byGap, type OutcomeStats } from '../../domain/stats.ts';
import { markerNames, seriesStyle, type MarkerName, type SeriesStyle } from '../../ui/charts/series.ts';

/** How the compare screen orders the outcomes. */
export type OutcomeOrder = 'disagreement' | 'gap' | 'framework';

/** The orders with their labels, as the ordering control offers them. */
export const outcomeOrders: readonly { value: OutcomeOrder; label: string }[] = [
  { value: 'disagreement', label: 'Disagreement' },
  { value: 'gap', label: 'Gap between now and target' },
  { value: 'framework', label: 'Framework order' },
];

/** The stats (given in framework order) in the chosen order. */
export function orderStats(stats: readonly OutcomeStats[], order: OutcomeOrder): OutcomeStats[] {
  if (order === 'disagreement') return byDisagreement(stats);
  if (order === 'gap') return byGap(stats);
  return [...stats];
}

/** The `groupId` of the agreed scores' series; no group id is a bare word like this (they are UUIDs). */
export const AGREED_ID = 'agreed';

/**
 * The room's agreed scores shaped like a group's series, so the charts can draw them beside the
 * groups; null until at least one outcome has an agreed now level (the charts show now only).
 */
export function agreedSeries(framework: Framework, agreements: readonly Agreement[]): GroupSeries | null {
  const byOutcome = new Map(agreements.map((a) => [a.outcomeId, a]));
  const found = framework.outcomes.map((o) => byOutcome.get(o.id));
  const now = found.map((a) => (isLevel(framework, a?.now) ? a.now : null));
  if (now.every((v) => v === null)) return null;
  return {
    groupId: AGREED_ID,
    name: 'Agreed',
    index: -1,
    now,
    target: found.map((a) => (isLevel(framework, a?.target) ? a.target : null)),
    notSure: found.map((a) => a?.now === 'not-sure'),
  };
}

/**
 * Beyond this many groups the charts start with none of the groups drawn, and the radar shows
 * their median: past the eight series colours shapes blur into one another (and 60 of them took
 * seconds to draw on a tablet). The facilitator picks the groups to draw; the table has them all.
 */
export const MANY_GROUPS = 8;

/** The `groupId` of the median's series on the radar. */
export const MEDIAN_ID = 'median';

/** How the median is drawn: grey (no group has it; 3:1 or more on the light and dark surfaces), square markers. */
export const medianStyle: SeriesStyle = { colour: '#808080', marker: 'square' };

/** The median now level of every group, per outcome, shaped like a group's series for the radar. */
export function medianSeries(framework: Framework, stats: readonly OutcomeStats[]): GroupSeries {
  const byOutcome = new Map(stats.map((s) => [s.outcomeId, s]));
  const found = framework.outcomes.map((o) => byOutcome.get(o.id));
  return {
    groupId: MEDIAN_ID,
    name: 'Median of the groups',
    index: -2,
    now: found.map((s) => s?.medianNow ?? null),
    target: found.map((s) => s?.medianTarget ?? null),
    notSure: found.map(() => false),
  };
}

/** Markers the agreed scores may take, best first; the star reads as "the one the room chose". */
const agreedMarkers: readonly MarkerName[] = ['star', 'wye', 'triangle-down'];

/**
 * How the agreed scores are drawn: in the text colour (no group has it), with a marker none of the
 * workshop's groups uses while there is one free (up to 7 groups).
 */
export function agreedStyle(groupCount: number): SeriesStyle {
  const used = new Set(Array.from({ length: groupCount }, (_, i) => seriesStyle(i).marker));
  const free = agreedMarkers.find((m) => !used.has(m)) ?? markerNames.find((m) => !used.has(m)) ?? 'star';
  return { colour: 'currentColor', marker: free };
}

/** A level or median as people read it: "3", "2.5"; "–" for none. */
export function formatLevel(value: number | null): string {
  if (value === null) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A gap with its sign: "+2", "+1.5", "0", "−0.5" (a real minus sign); "–" for none. */
export function formatGap(value: number | null): string {
  if (value === null) return '–';
  const size = formatLevel(Math.abs(value));
  return value > 0 ? `+${size}` : value < 0 ? `−${size}` : '0';
}
