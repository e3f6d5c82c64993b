import { describe, expect, it } from 'vitest';
import type { GroupSeries } from '../../../../src/domain/results.ts';
import type { OutcomeStats } from '../../../../src/domain/stats.ts';
import { spreadRows, STEP, type DrawnSeries } from '../../../../src/screens/compare/spread-rows.ts';

const series = (index: number, now: (number | null)[]): DrawnSeries => ({
  s: {
    groupId: `g${index}`,
    name: `Group ${index}`,
    index,
    now,
    target: now,
    notSure: now.map(() => false),
  } as GroupSeries,
  colour: '#000',
  marker: 'M0 0',
});
const stat = (outcomeId: string) => ({ outcomeId }) as OutcomeStats;

describe('spread chart rows', () => {
  const indexOf = new Map([
    ['data', 0],
    ['people', 1],
  ]);
  const titleOf = new Map([['data', 'Data']]);

  it('stacks groups at the same level around the middle, and leaves out levels not given', () => {
    const drawn = [series(0, [3, 2]), series(1, [3, null]), series(2, [1, 4])];
    const [data, people] = spreadRows([stat('data'), stat('people')], drawn, indexOf, titleOf);
    expect(data?.title).toBe('Data');
    expect(data?.height).toBe(Math.max(40, 14 + STEP * 2));
    expect(data?.points.map((p) => [p.value, p.offset])).toEqual([
      [3, -STEP / 2],
      [3, STEP / 2],
      [1, 0],
    ]);
    expect(people?.title).toBe('people');
    expect(people?.points.map((p) => p.value)).toEqual([2, 4]);
  });
});
