import { describe, expect, it } from 'vitest';
import { firstUnscoredIndex, isScored, scoredCount, workshopProgress } from '../../../src/domain/progress.ts';
import { makeGroup, makeRating, makeWorkshop } from '../../factories.ts';

const outcomes = ['connectivity', 'data', 'inclusion'];

describe('progress', () => {
  const workshop = makeWorkshop();
  const group = makeGroup(workshop.id);

  it('counts an outcome as scored only when now and target are both answered', () => {
    expect(isScored(undefined)).toBe(false);
    expect(isScored({ now: 3, target: null })).toBe(false);
    expect(isScored({ now: null, target: 4 })).toBe(false);
    expect(isScored({ now: 3, target: 4 })).toBe(true);
    expect(isScored({ now: 'not-sure', target: 4 })).toBe(true);
  });

  it('counts scored outcomes of the framework only', () => {
    const ratings = [
      makeRating(group, 'connectivity'),
      makeRating(group, 'data', { target: null }),
      makeRating(group, 'not-an-outcome'),
    ];
    expect(scoredCount(ratings, outcomes)).toBe(1);
  });

  it('sums progress over groups and ignores ratings of groups that are gone', () => {
    const other = makeGroup(workshop.id);
    const gone = makeGroup(workshop.id);
    const ratings = [
      makeRating(group, 'connectivity'),
      makeRating(other, 'data'),
      makeRating(other, 'inclusion'),
      makeRating(gone, 'data'),
    ];
    expect(workshopProgress([group, other], ratings, outcomes)).toEqual({ scored: 3, total: 6 });
    expect(workshopProgress([], ratings, outcomes)).toEqual({ scored: 0, total: 0 });
  });

  it('finds the first outcome not yet scored, or the first when all are', () => {
    expect(firstUnscoredIndex([], outcomes)).toBe(0);
    expect(firstUnscoredIndex([makeRating(group, 'connectivity')], outcomes)).toBe(1);
    const all = outcomes.map((o) => makeRating(group, o));
    expect(firstUnscoredIndex(all, outcomes)).toBe(0);
  });
});
