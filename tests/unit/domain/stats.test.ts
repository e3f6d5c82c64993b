import { describe, it, expect } from 'vitest';
import { defaultFramework as framework } from '../../../src/framework/frameworks.ts';
import { byDisagreement, byGap, isSplit, median, outcomeStats, type OutcomeStats } from '../../../src/domain/stats.ts';
import type { NowAnswer, WorkshopBundle } from '../../../src/domain/types.ts';
import { makeGroup, makeRating, makeWorkshop } from '../../factories.ts';

const outcomeIds = framework.outcomes.map((o) => o.id);

/**
 * A workshop whose groups answered as given: one entry per group, mapping outcome id to
 * [now, target]; an outcome a group leaves out has no rating at all.
 */
function bundleOf(...groups: Record<string, [NowAnswer, number | null]>[]): WorkshopBundle {
  const workshop = makeWorkshop();
  const made = groups.map((_, i) =>
    makeGroup(workshop.id, { name: `Group ${i + 1}`, createdAt: `2026-11-27T09:0${i}:00.000Z` }),
  );
  const ratings = made.flatMap((group, i) =>
    Object.entries(groups[i] ?? {}).map(([outcomeId, [now, target]]) => makeRating(group, outcomeId, { now, target })),
  );
  return { workshop, groups: made, ratings, agreements: [], actions: [] };
}

/** The stats of one outcome. */
function statsFor(bundle: WorkshopBundle, outcomeId: string): OutcomeStats {
  const found = outcomeStats(framework, bundle).find((s) => s.outcomeId === outcomeId);
  if (!found) throw new Error(`no stats for ${outcomeId}`);
  return found;
}

/** Bare stats for the ordering functions: only the fields they read matter. */
function stat(outcomeId: string, over: Partial<OutcomeStats> = {}): OutcomeStats {
  return {
    outcomeId,
    nowValues: [],
    targetValues: [],
    notSureCount: 0,
    unscoredCount: 0,
    medianNow: null,
    medianTarget: null,
    minNow: null,
    maxNow: null,
    range: null,
    wideSpread: false,
    split: false,
    gap: null,
    ...over,
  };
}

const ids = (stats: readonly OutcomeStats[]) => stats.map((s) => s.outcomeId);

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('is the value itself for one value', () => {
    expect(median([4])).toBe(4);
  });

  it('is the middle value for an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([2, 2, 5, 1, 4])).toBe(2);
  });

  it('is the mean of the middle two for an even count', () => {
    expect(median([1, 4])).toBe(2.5);
    expect(median([4, 1, 2, 5])).toBe(3);
    expect(median([1, 1, 4, 4])).toBe(2.5);
  });

  it('handles ties', () => {
    expect(median([3, 3, 3, 5])).toBe(3);
    expect(median([2, 2, 2, 2])).toBe(2);
  });

  it('does not reorder the values it is given', () => {
    const values = [5, 1, 3];
    median(values);
    expect(values).toEqual([5, 1, 3]);
  });
});

describe('isSplit (two camps)', () => {
  it.each([
    [[1, 1, 4, 4], 'two groups at each end'],
    [[2, 5, 5], 'one group of three against two'],
    [[1, 4], 'two groups, 3 apart'],
    [[1, 3], 'two groups, 2 apart'],
    [[1, 1, 2, 4, 5], 'three low, two high'],
    [[1, 3, 5], 'evenly spread with empty levels between'],
    [[1, 1, 1, 4, 4, 4, 4, 4], 'three of eight is more than a quarter'],
    [[5, 1, 5, 1], 'in any order'],
  ])('flags %j (%s)', (values) => {
    expect(isSplit(values)).toBe(true);
  });

  it.each([
    [[], 'no answers'],
    [[3], 'one answer'],
    [[3, 3, 3], 'everyone agrees'],
    [[1, 2, 3], 'neighbouring levels only'],
    [[1, 2, 2, 3, 3, 4], 'a spread without an empty level between'],
    [[3, 3, 3, 5], 'one outlier among four'],
    [[1, 3, 3, 3], 'one low outlier among four'],
    [[1, 4, 4, 4, 4], 'one outlier among five'],
    [[1, 1, 4, 4, 4, 4, 4, 4], 'two of eight is only a quarter'],
  ])('does not flag %j (%s)', (values) => {
    expect(isSplit(values)).toBe(false);
  });
});

describe('outcomeStats', () => {
  it('returns one entry per outcome, in framework order, even with no groups', () => {
    const stats = outcomeStats(framework, bundleOf());
    expect(ids(stats)).toEqual(outcomeIds);
    expect(stats[0]).toEqual(stat('connectivity'));
  });

  it('computes the spread, medians and gap of one outcome', () => {
    const bundle = bundleOf({ data: [1, 3] }, { data: [2, 4] }, { data: [4, 5] });
    expect(statsFor(bundle, 'data')).toEqual({
      outcomeId: 'data',
      nowValues: [1, 2, 4],
      targetValues: [3, 4, 5],
      notSureCount: 0,
      unscoredCount: 0,
      medianNow: 2,
      medianTarget: 4,
      minNow: 1,
      maxNow: 4,
      range: 3,
      wideSpread: true,
      split: true,
      gap: 2,
    });
  });

  it('counts "not sure" but leaves it out of every statistic', () => {
    const bundle = bundleOf(
      { data: [2, 4] },
      { data: ['not-sure', 5] },
      { data: [3, 3] },
      { data: ['not-sure', null] },
    );
    const data = statsFor(bundle, 'data');
    expect(data.nowValues).toEqual([2, 3]);
    expect(data.notSureCount).toBe(2);
    expect(data.unscoredCount).toBe(0);
    expect(data.medianNow).toBe(2.5);
    expect(data.minNow).toBe(2);
    expect(data.maxNow).toBe(3);
    expect(data.range).toBe(1);
    // A "not sure" now does not stop the group's target counting.
    expect(data.targetValues).toEqual([4, 5, 3]);
    expect(data.medianTarget).toBe(4);
    expect(data.gap).toBe(1.5);
  });

  it('does not let "not sure" make a split or a wide spread', () => {
    const bundle = bundleOf({ data: [1, 3] }, { data: ['not-sure', 3] }, { data: ['not-sure', 3] }, { data: [2, 3] });
    const data = statsFor(bundle, 'data');
    expect(data).toMatchObject({ range: 1, wideSpread: false, split: false, notSureCount: 2 });
  });

  it('counts groups with no now answer as unscored, whether the rating is missing or empty', () => {
    const bundle = bundleOf({ data: [3, 4] }, { data: [null, 4] }, {});
    const data = statsFor(bundle, 'data');
    expect(data.unscoredCount).toBe(2);
    expect(data.notSureCount).toBe(0);
    expect(data.nowValues).toEqual([3]);
    expect(data.targetValues).toEqual([4, 4]);
    expect(data.range).toBe(0);
  });

  it('leaves out values that are not levels of the framework', () => {
    const bundle = bundleOf({ data: [9, 7] }, { data: [2, 4] });
    const data = statsFor(bundle, 'data');
    expect(data.nowValues).toEqual([2]);
    expect(data.targetValues).toEqual([4]);
    expect(data.unscoredCount).toBe(1);
  });

  it('has null statistics and no flags when only "not sure" was answered', () => {
    const data = statsFor(bundleOf({ data: ['not-sure', null] }, { data: ['not-sure', null] }), 'data');
    expect(data).toMatchObject({
      nowValues: [],
      medianNow: null,
      minNow: null,
      maxNow: null,
      range: null,
      wideSpread: false,
      split: false,
      gap: null,
      notSureCount: 2,
    });
  });

  it('has no gap without a target, even with now levels', () => {
    const data = statsFor(bundleOf({ data: [2, null] }, { data: [3, null] }), 'data');
    expect(data.medianNow).toBe(2.5);
    expect(data.gap).toBeNull();
  });

  it('gives a negative gap when the target is below now', () => {
    expect(statsFor(bundleOf({ data: [4, 3] }), 'data').gap).toBe(-1);
  });

  it('flags a wide spread from one outlier without calling it a split', () => {
    const bundle = bundleOf({ data: [3, 4] }, { data: [3, 4] }, { data: [3, 4] }, { data: [5, 5] });
    expect(statsFor(bundle, 'data')).toMatchObject({ range: 2, wideSpread: true, split: false });
  });

  it('ignores ratings of groups that are not in the workshop', () => {
    const bundle = bundleOf({ data: [2, 3] });
    const stranger = makeGroup(bundle.workshop.id);
    bundle.ratings.push(makeRating(stranger, 'data', { now: 5, target: 5 }));
    expect(statsFor(bundle, 'data').nowValues).toEqual([2]);
  });
});

describe('byDisagreement', () => {
  it('puts split outcomes first, then the widest range, then framework order', () => {
    const bundle = bundleOf(
      { connectivity: [2, 3], data: [3, 4], inclusion: [1, 2], leadership: [1, 3], value: [3, 4] },
      { connectivity: [2, 3], data: [3, 4], inclusion: [4, 5], leadership: [3, 4], value: [3, 4] },
      { connectivity: [3, 3], data: [5, 5], inclusion: [4, 5], leadership: [3, 4], value: [3, 4] },
      { connectivity: [2, 3], data: [3, 4], inclusion: [1, 5], leadership: [2, 4], value: [3, 4] },
    );
    const ordered = byDisagreement(outcomeStats(framework, bundle));
    // inclusion splits [1,1,4,4]; data's [3,3,3,5] has range 2 but is one outlier; leadership [1,2,3,3]
    // has range 2 too and comes after data in framework order; connectivity has range 1.
    expect(ids(ordered).slice(0, 4)).toEqual(['inclusion', 'data', 'leadership', 'connectivity']);
    expect(ordered[0]?.split).toBe(true);
    // Outcomes nobody answered come last, in framework order.
    const unanswered = outcomeIds.filter(
      (id) => !['connectivity', 'data', 'inclusion', 'leadership', 'value'].includes(id),
    );
    expect(ids(ordered).slice(-unanswered.length)).toEqual(unanswered);
    // value (everyone at 3, range 0) comes before them.
    expect(ordered[4]?.outcomeId).toBe('value');
  });

  it('orders a split with a smaller range before a non-split with a larger one', () => {
    const ordered = byDisagreement([
      stat('a', { range: 4, wideSpread: true }),
      stat('b', { range: 2, wideSpread: true, split: true }),
    ]);
    expect(ids(ordered)).toEqual(['b', 'a']);
  });

  it('orders splits among themselves by range', () => {
    const ordered = byDisagreement([
      stat('a', { range: 2, split: true }),
      stat('b', { range: 4, split: true }),
      stat('c', { range: 3, split: true }),
    ]);
    expect(ids(ordered)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the given order for ties, and does not change its input', () => {
    const stats = [
      stat('a', { range: 1 }),
      stat('b', { range: null }),
      stat('c', { range: 1 }),
      stat('d', { range: 0 }),
    ];
    expect(ids(byDisagreement(stats))).toEqual(['a', 'c', 'd', 'b']);
    expect(ids(stats)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('byGap', () => {
  it('puts the widest gap first, outcomes without a gap last, ties in framework order', () => {
    const bundle = bundleOf(
      { connectivity: [2, 3], data: [1, 5], inclusion: ['not-sure', 5], leadership: [2, 3], value: [4, 3] },
      { connectivity: [2, 4], data: [2, 4], inclusion: ['not-sure', 5], leadership: [3, 4], value: [4, 4] },
    );
    const ordered = byGap(outcomeStats(framework, bundle));
    // data: 4.5 - 1.5 = 3; connectivity 3.5 - 2 = 1.5; leadership 3.5 - 2.5 = 1; value 3.5 - 4 = -0.5.
    expect(ids(ordered).slice(0, 4)).toEqual(['data', 'connectivity', 'leadership', 'value']);
    expect(ordered.map((s) => s.gap).slice(0, 4)).toEqual([3, 1.5, 1, -0.5]);
    // inclusion has targets but only "not sure" for now, so no gap: it sorts with the unanswered.
    const rest = ids(ordered).slice(4);
    expect(rest).toEqual(outcomeIds.filter((id) => !['connectivity', 'data', 'leadership', 'value'].includes(id)));
    expect(rest).toContain('inclusion');
  });

  it('keeps the given order for equal gaps', () => {
    const ordered = byGap([
      stat('a', { gap: 1 }),
      stat('b', { gap: 2 }),
      stat('c', { gap: 1 }),
      stat('d', { gap: null }),
    ]);
    expect(ids(ordered)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('puts a gap of zero before a negative one and both before none', () => {
    const ordered = byGap([stat('a', { gap: null }), stat('b', { gap: -1 }), stat('c', { gap: 0 })]);
    expect(ids(ordered)).toEqual(['c', 'b', 'a']);
  });
});
