import { describe, expect, it } from 'vitest';
import { defaultFramework as framework } from '../../../../src/framework/frameworks.ts';
import type { Agreement } from '../../../../src/domain/types.ts';
import { seriesStyle } from '../../../../src/ui/charts/series.ts';
import {
  AGREED_ID,
  agreedSeries,
  agreedStyle,
  formatGap,
  formatLevel,
  medianSeries,
  MEDIAN_ID,
  orderStats,
} from '../../../../src/screens/compare/compare-view.ts';
import type { OutcomeStats } from '../../../../src/domain/stats.ts';

const agreement = (outcomeId: string, now: Agreement['now'], target: number | null): Agreement => ({
  id: `w/${outcomeId}`,
  workshopId: 'w',
  outcomeId,
  now,
  target,
  rationale: '',
  dissent: '',
  updatedAt: '2026-11-27T12:00:00.000Z',
});

describe('agreedSeries', () => {
  it('is null until an outcome has an agreed now level', () => {
    expect(agreedSeries(framework, [])).toBeNull();
    expect(agreedSeries(framework, [agreement('data', null, 4), agreement('value', 'not-sure', 3)])).toBeNull();
  });

  it('lays the agreed scores out in framework order, like a group', () => {
    const series = agreedSeries(framework, [agreement('value', 4, 5), agreement('connectivity', 'not-sure', 3)]);
    expect(series).toMatchObject({ groupId: AGREED_ID, name: 'Agreed' });
    expect(series?.now).toHaveLength(12);
    expect(series?.now[0]).toBeNull();
    expect(series?.notSure[0]).toBe(true);
    expect(series?.target[0]).toBe(3);
    expect(series?.now[11]).toBe(4);
    expect(series?.target[11]).toBe(5);
  });
});

describe('agreedStyle', () => {
  it('is drawn in the text colour with a marker no group uses', () => {
    for (const groups of [0, 3, 5, 6, 7]) {
      const style = agreedStyle(groups);
      expect(style.colour).toBe('currentColor');
      const used = Array.from({ length: groups }, (_, i) => seriesStyle(i).marker);
      expect(used).not.toContain(style.marker);
    }
    expect(agreedStyle(3).marker).toBe('star');
  });
});

describe('orderStats', () => {
  const stat = (outcomeId: string, range: number, gap: number, split = false) =>
    ({ outcomeId, range, gap, split }) as OutcomeStats;
  const stats = [stat('a', 1, 3), stat('b', 3, 1), stat('c', 2, 2, true)];
  const ids = (s: OutcomeStats[]) => s.map((x) => x.outcomeId);

  it('orders by disagreement, by gap, or keeps framework order', () => {
    expect(ids(orderStats(stats, 'disagreement'))).toEqual(['c', 'b', 'a']);
    expect(ids(orderStats(stats, 'gap'))).toEqual(['a', 'c', 'b']);
    expect(ids(orderStats(stats, 'framework'))).toEqual(['a', 'b', 'c']);
  });
});

describe('formatLevel and formatGap', () => {
  it('writes whole and half levels, and a dash for none', () => {
    expect(formatLevel(3)).toBe('3');
    expect(formatLevel(2.5)).toBe('2.5');
    expect(formatLevel(null)).toBe('–');
  });

  it('signs gaps, with a real minus sign', () => {
    expect(formatGap(2)).toBe('+2');
    expect(formatGap(1.5)).toBe('+1.5');
    expect(formatGap(0)).toBe('0');
    expect(formatGap(-0.5)).toBe('−0.5');
    expect(formatGap(null)).toBe('–');
  });
});

describe('medianSeries', () => {
  it('lays the median of the groups out in framework order, like a group', () => {
    const stats = [
      { outcomeId: 'value', medianNow: 2.5, medianTarget: 4 },
      { outcomeId: 'connectivity', medianNow: null, medianTarget: null },
    ] as OutcomeStats[];
    const series = medianSeries(framework, stats);
    expect(series).toMatchObject({ groupId: MEDIAN_ID, name: 'Median of the groups' });
    expect(series.now).toHaveLength(12);
    expect(series.now[0]).toBeNull();
    expect(series.now[11]).toBe(2.5);
    expect(series.target[11]).toBe(4);
    expect(series.notSure.every((v) => v === false)).toBe(true);
  });
});
