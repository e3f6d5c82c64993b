import { describe, expect, it } from 'vitest';
import { defaultFramework as framework } from '../../../src/framework/frameworks.ts';
import {
  actionsByOutcome,
  buildReport,
  evidenceNotes,
  formatScore,
  medianBasis,
  reportSeries,
} from '../../../src/domain/report.ts';
import type { Rating, WorkshopBundle } from '../../../src/domain/types.ts';
import { makeAction, makeAgreement, makeBundle } from '../../factories.ts';

const allOutcomes = framework.outcomes.map((o) => o.id);

/** Three groups scoring every outcome 2 → 4 (gap 2), with some answers changed below. */
function threeGroups(): WorkshopBundle {
  const bundle = makeBundle(3, allOutcomes);
  ['Adults', 'Children', 'Place'].forEach((name, i) => {
    const group = bundle.groups[i];
    if (group) group.name = name;
  });
  return bundle;
}

function set(bundle: WorkshopBundle, groupIndex: number, outcomeId: string, over: Partial<Rating>) {
  const groupId = bundle.groups[groupIndex]?.id;
  bundle.ratings = bundle.ratings.map((r) =>
    r.groupId === groupId && r.outcomeId === outcomeId ? { ...r, ...over } : r,
  );
}

describe('buildReport scores', () => {
  it('reports the groups’ median where nothing was agreed, saying how many groups it is of', () => {
    const bundle = threeGroups();
    set(bundle, 0, 'data', { now: 1, target: 5 });
    set(bundle, 1, 'data', { now: 3, target: 5 });
    const data = buildReport(framework, bundle).scores.find((s) => s.outcomeId === 'data');
    expect(data).toMatchObject({
      source: 'median',
      now: 2,
      target: 5,
      gap: 3,
      basis: 'Median of 3 groups',
      agreement: null,
    });
  });

  it('uses the agreed now and target (and their gap) where the room agreed a score', () => {
    const bundle = threeGroups();
    bundle.agreements = [
      makeAgreement(bundle.workshop.id, 'value', {
        now: 1,
        target: 5,
        rationale: 'No benefits tracking yet',
        dissent: 'Place thinks 2',
      }),
    ];
    const value = buildReport(framework, bundle).scores.find((s) => s.outcomeId === 'value');
    expect(value).toMatchObject({ source: 'agreed', now: 1, target: 5, gap: 4, basis: 'Agreed' });
    expect(value?.agreement?.rationale).toBe('No benefits tracking yet');
    expect(value?.stats.medianNow).toBe(2);
  });

  it('treats an agreement with words but no score as not agreed, and keeps agreed "not sure"', () => {
    const bundle = threeGroups();
    bundle.agreements = [
      makeAgreement(bundle.workshop.id, 'data', { now: null, target: null, rationale: 'Come back to this' }),
      makeAgreement(bundle.workshop.id, 'value', { now: 'not-sure', target: 3 }),
    ];
    const { scores } = buildReport(framework, bundle);
    expect(scores.find((s) => s.outcomeId === 'data')).toMatchObject({ source: 'median', now: 2, target: 4 });
    expect(scores.find((s) => s.outcomeId === 'data')?.agreement?.rationale).toBe('Come back to this');
    expect(scores.find((s) => s.outcomeId === 'value')).toMatchObject({
      source: 'agreed',
      now: null,
      nowNotSure: true,
      target: 3,
      gap: null,
    });
  });

  it('orders the outcomes by gap, largest first, using the agreed gap where agreed; no gap last', () => {
    const bundle = threeGroups();
    // Medians: inclusion 1 → 5 (gap 4); data 3 → 4 (gap 1); everything else 2 → 4 (gap 2).
    for (const g of [0, 1, 2]) set(bundle, g, 'inclusion', { now: 1, target: 5 });
    for (const g of [0, 1, 2]) set(bundle, g, 'data', { now: 3 });
    // Nobody has a target for partnership, so it has no gap.
    for (const g of [0, 1, 2]) set(bundle, g, 'partnership', { target: null });
    // Agreed: services 1 → 4 (gap 3) although its median gap is 2; leadership 4 → 4 (gap 0).
    bundle.agreements = [
      makeAgreement(bundle.workshop.id, 'services', { now: 1, target: 4 }),
      makeAgreement(bundle.workshop.id, 'leadership', { now: 4, target: 4 }),
    ];
    const report = buildReport(framework, bundle);
    const order = report.scoresByGap.map((s) => s.outcomeId);
    expect(order.slice(0, 2)).toEqual(['inclusion', 'services']);
    expect(order.slice(-3)).toEqual(['data', 'leadership', 'partnership']);
    expect(report.scoresByGap.at(-1)?.gap).toBeNull();
    // Equal gaps keep framework order.
    expect(order.slice(2, -3)).toEqual(
      allOutcomes.filter((id) => !['inclusion', 'services', 'data', 'leadership', 'partnership'].includes(id)),
    );
    // The framework-order list is left as it was.
    expect(report.scores.map((s) => s.outcomeId)).toEqual(allOutcomes);
  });

  it('gives medians of an even number of groups as half levels, and says when counts differ', () => {
    const bundle = makeBundle(2, ['data']);
    set(bundle, 0, 'data', { now: 2, target: 5 });
    set(bundle, 1, 'data', { now: 3, target: null });
    const data = buildReport(framework, bundle).scores.find((s) => s.outcomeId === 'data');
    expect(data).toMatchObject({ now: 2.5, target: 5, gap: 2.5, basis: 'Median of 2 groups (1 for target)' });
    expect(medianBasis({ nowValues: [], targetValues: [] })).toBe('Not scored');
    expect(medianBasis({ nowValues: [3], targetValues: [3] })).toBe('Median of 1 group');
  });

  it('lists the groups taking part in creation order', () => {
    const bundle = threeGroups();
    const [adults, children, place] = bundle.groups;
    if (!adults || !children || !place) throw new Error('three groups expected');
    adults.createdAt = '2026-11-27T09:30:00.000Z';
    expect(buildReport(framework, bundle).groupNames).toEqual(['Children', 'Place', 'Adults']);
  });

  it('makes one chart series of the reported scores', () => {
    const bundle = threeGroups();
    bundle.agreements = [makeAgreement(bundle.workshop.id, 'connectivity', { now: 'not-sure', target: 3 })];
    const series = reportSeries(buildReport(framework, bundle).scores, 'Agreed, else median');
    expect(series.now).toHaveLength(12);
    expect(series.now[0]).toBeNull();
    expect(series.notSure[0]).toBe(true);
    expect(series.target[0]).toBe(3);
    expect(series.now[1]).toBe(2);
  });
});

describe('evidenceNotes', () => {
  it('keeps each group’s non-empty evidence and notes, trimmed, with the group name; skips empties', () => {
    const bundle = threeGroups();
    set(bundle, 0, 'data', { evidence: '  Data strategy 2025  ', notes: '' });
    set(bundle, 1, 'data', { evidence: '   ', notes: '\n' });
    set(bundle, 2, 'data', { evidence: '', notes: 'Ask the DPO' });
    set(bundle, 1, 'value', { notes: 'Benefits not tracked' });
    const notes = evidenceNotes(framework, bundle);
    expect(notes.map((o) => o.outcomeId)).toEqual(['data', 'value']);
    expect(notes[0]).toMatchObject({ title: 'Data' });
    expect(notes[0]?.notes).toEqual([
      { groupId: bundle.groups[0]?.id, groupName: 'Adults', evidence: 'Data strategy 2025', notes: '' },
      { groupId: bundle.groups[2]?.id, groupName: 'Place', evidence: '', notes: 'Ask the DPO' },
    ]);
    expect(notes[1]?.notes.map((n) => n.groupName)).toEqual(['Children']);
  });

  it('is empty when nobody wrote anything', () => {
    expect(evidenceNotes(framework, threeGroups())).toEqual([]);
  });
});

describe('actionsByOutcome', () => {
  it('groups actions by outcome in framework order, dated first, with status labels and UK dates', () => {
    const bundle = threeGroups();
    const actions = [
      makeAction(bundle.workshop.id, 'value', {
        what: 'Track benefits',
        owner: 'Alex',
        status: 'in-progress',
        due: '2027-03-31',
      }),
      makeAction(bundle.workshop.id, 'connectivity', { what: 'Map coverage', status: 'done', due: '' }),
      makeAction(bundle.workshop.id, 'connectivity', { what: 'Bid for funding', due: '2027-01-15' }),
      makeAction(bundle.workshop.id, 'retired-outcome', { what: 'Old action' }),
    ];
    const groups = actionsByOutcome(framework, actions);
    expect(groups.map((g) => [g.outcomeId, g.title])).toEqual([
      ['connectivity', 'Connectivity'],
      ['value', 'Value'],
      ['retired-outcome', 'retired-outcome'],
    ]);
    expect(groups[0]?.actions.map((a) => [a.what, a.due, a.statusLabel])).toEqual([
      ['Bid for funding', '15 January 2027', 'Not started'],
      ['Map coverage', '', 'Done'],
    ]);
    expect(groups[1]?.actions[0]).toMatchObject({
      what: 'Track benefits',
      owner: 'Alex',
      due: '31 March 2027',
      statusLabel: 'In progress',
    });
  });

  it('is empty when there are no actions, and buildReport uses it', () => {
    const bundle = threeGroups();
    expect(actionsByOutcome(framework, [])).toEqual([]);
    bundle.actions = [makeAction(bundle.workshop.id, 'data')];
    expect(buildReport(framework, bundle).actions.map((g) => g.outcomeId)).toEqual(['data']);
  });
});

describe('formatScore', () => {
  it('writes levels, half levels and signed gaps', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.5)).toBe('2.5');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(2, { signed: true })).toBe('+2');
    expect(formatScore(-1.5, { signed: true })).toBe('−1.5');
    expect(formatScore(0, { signed: true })).toBe('0');
  });
});
