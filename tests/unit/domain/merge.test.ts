import { describe, expect, it } from 'vitest';
import { hasChanges, importKeys, planImport, type StoredRecords } from '../../../src/domain/merge.ts';
import { describeImport, describePlan, sameNameNotes } from '../../../src/domain/import-summary.ts';
import type { Group, WorkshopBundle } from '../../../src/domain/types.ts';
import { makeAction, makeAgreement, makeBundle, makeGroup, makeRating } from '../../factories.ts';

const nothingStored: StoredRecords = { workshops: [], groups: [], ratings: [], agreements: [], actions: [] };
const asStored = (...bundles: WorkshopBundle[]): StoredRecords => ({
  workshops: bundles.map((b) => b.workshop),
  groups: bundles.flatMap((b) => b.groups),
  ratings: bundles.flatMap((b) => b.ratings),
  agreements: bundles.flatMap((b) => b.agreements),
  actions: bundles.flatMap((b) => b.actions),
});

/** A workshop with a group's scores, two agreed scores and three actions. */
function fullBundle(): WorkshopBundle {
  const bundle = makeBundle(1, ['connectivity', 'data']);
  const id = bundle.workshop.id;
  bundle.agreements = [makeAgreement(id, 'connectivity'), makeAgreement(id, 'data', { now: 'not-sure', target: 3 })];
  bundle.actions = [makeAction(id, 'connectivity'), makeAction(id, 'data'), makeAction(id, 'data', { status: 'done' })];
  return bundle;
}
const LATER = '2026-11-28T12:00:00.000Z';
const EARLIER = '2026-11-26T12:00:00.000Z';

describe('planImport', () => {
  it('adds a workshop the device does not have, with all its groups and scores', () => {
    const bundle = makeBundle(2, ['connectivity', 'data']);
    const plan = planImport([bundle], nothingStored);
    expect(plan.writes).toEqual({
      workshops: [bundle.workshop],
      groups: bundle.groups,
      ratings: bundle.ratings,
      agreements: [],
      actions: [],
    });
    expect(plan.workshops).toEqual([
      expect.objectContaining({ id: bundle.workshop.id, details: 'added', restored: false }),
    ]);
    expect(plan.workshops[0]?.groups.added).toBe(2);
    expect(plan.workshops[0]?.ratings.added).toBe(4);
  });

  it('changes nothing when the same records are already stored (importing twice)', () => {
    const bundle = makeBundle();
    const plan = planImport([bundle], asStored(bundle));
    expect(hasChanges(plan)).toBe(false);
    expect(plan.workshops[0]).toMatchObject({
      details: 'unchanged',
      groups: { unchanged: 2 },
      ratings: { unchanged: 4 },
    });
  });

  it('takes a newer score and leaves an older one', () => {
    const stored = makeBundle(1, ['connectivity', 'data']);
    const [connectivity, data] = stored.ratings;
    const incoming: WorkshopBundle = {
      ...stored,
      ratings: [
        { ...connectivity!, now: 5, updatedAt: LATER },
        { ...data!, now: 1, updatedAt: EARLIER },
      ],
    };
    const plan = planImport([incoming], asStored(stored));
    expect(plan.writes.ratings).toEqual([incoming.ratings[0]]);
    expect(plan.writes.workshops).toEqual([]);
    expect(plan.workshops[0]?.ratings).toMatchObject({ updated: 1, older: 1 });
  });

  it('keeps the stored record on a tie, even when the contents differ', () => {
    const stored = makeBundle(1, ['data']);
    const incoming = { ...stored, ratings: [{ ...stored.ratings[0]!, notes: 'Different' }] };
    const plan = planImport([incoming], asStored(stored));
    expect(plan.writes.ratings).toEqual([]);
    expect(plan.workshops[0]?.ratings.unchanged).toBe(1);
  });

  it('updates the workshop details when the file has newer ones', () => {
    const stored = makeBundle(1, []);
    const incoming = { ...stored, workshop: { ...stored.workshop, name: 'Renamed', updatedAt: LATER } };
    const plan = planImport([incoming], asStored(stored));
    expect(plan.writes.workshops).toEqual([incoming.workshop]);
    expect(plan.workshops[0]).toMatchObject({ name: 'Renamed', details: 'updated' });
  });

  it('merges several files with the same workshop id into one workshop, uniting their groups', () => {
    const first = makeBundle(1, ['data']);
    const otherGroup = makeGroup(first.workshop.id, { name: 'Green' });
    const second: WorkshopBundle = {
      workshop: first.workshop,
      groups: [otherGroup],
      ratings: [makeRating(otherGroup, 'data')],
      agreements: [],
      actions: [],
    };
    const plan = planImport([first, second], nothingStored);
    expect(plan.workshops).toHaveLength(1);
    expect(plan.writes.workshops).toHaveLength(1);
    expect(plan.writes.groups.map((g) => g.id)).toEqual([first.groups[0]!.id, otherGroup.id]);
    expect(plan.workshops[0]).toMatchObject({ groups: { added: 2 }, ratings: { added: 2 } });
  });

  it('takes the newest copy of a record that appears in several files', () => {
    const stored = makeBundle(1, ['data']);
    const rating = stored.ratings[0]!;
    const a = { ...stored, ratings: [{ ...rating, now: 3, updatedAt: LATER }] };
    const b = { ...stored, ratings: [{ ...rating, now: 4, updatedAt: '2026-11-29T12:00:00.000Z' }] };
    expect(planImport([a, b], asStored(stored)).writes.ratings).toEqual(b.ratings);
    expect(planImport([b, a], asStored(stored)).writes.ratings).toEqual(b.ratings);
  });

  it('brings back a workshop that was deleted on this device', () => {
    const bundle = makeBundle(1, ['data']);
    const deleted = { ...bundle, workshop: { ...bundle.workshop, deletedAt: LATER } };
    const plan = planImport([bundle], asStored(deleted));
    expect(plan.writes.workshops).toEqual([{ ...bundle.workshop, deletedAt: null }]);
    expect(plan.workshops[0]).toMatchObject({ restored: true, details: 'unchanged' });
    expect(describePlan(plan)[0]).toContain('bring it back from deleted workshops');
  });

  it('never moves a group whose id another workshop on this device already uses', () => {
    const mine = makeBundle(1, ['data']);
    const theirs = makeBundle(0, []);
    const stolen = { ...mine.groups[0]!, workshopId: theirs.workshop.id, name: 'Stolen', updatedAt: LATER };
    const incoming: WorkshopBundle = {
      workshop: theirs.workshop,
      groups: [stolen],
      ratings: [{ ...mine.ratings[0]!, workshopId: theirs.workshop.id, updatedAt: LATER }],
      agreements: [],
      actions: [],
    };
    const plan = planImport([incoming], asStored(mine));
    expect(plan.writes.groups).toEqual([]);
    expect(plan.writes.ratings).toEqual([]);
    expect(plan.workshops[0]).toMatchObject({ groups: { clashing: 1 }, ratings: { clashing: 1 } });
    expect(describePlan(plan)[0]).toContain(
      '2 records will be left out: their ids belong to another workshop on this device.',
    );
  });

  it('lists the ids to look up', () => {
    const bundle = fullBundle();
    expect(importKeys([bundle, bundle])).toEqual({
      workshopIds: [bundle.workshop.id],
      groupIds: [bundle.groups[0]!.id],
      ratingIds: bundle.ratings.map((r) => r.id),
      agreementIds: bundle.agreements.map((a) => a.id),
      actionIds: bundle.actions.map((a) => a.id),
    });
  });
});

describe('planImport: agreed scores and actions', () => {
  it('adds them with a new workshop', () => {
    const bundle = fullBundle();
    const plan = planImport([bundle], nothingStored);
    expect(plan.writes.agreements).toEqual(bundle.agreements);
    expect(plan.writes.actions).toEqual(bundle.actions);
    expect(plan.workshops[0]).toMatchObject({ agreements: { added: 2 }, actions: { added: 3 } });
  });

  it('changes nothing when they are already stored', () => {
    const bundle = fullBundle();
    const plan = planImport([bundle], asStored(bundle));
    expect(hasChanges(plan)).toBe(false);
    expect(plan.workshops[0]).toMatchObject({ agreements: { unchanged: 2 }, actions: { unchanged: 3 } });
  });

  it('takes the newer agreed score and action, leaves older ones, and keeps the stored one on a tie', () => {
    const stored = fullBundle();
    const [connectivity, data] = stored.agreements;
    const [first, second, third] = stored.actions;
    const incoming: WorkshopBundle = {
      ...stored,
      agreements: [
        { ...connectivity!, now: 3, rationale: 'Changed our minds', updatedAt: LATER },
        { ...data!, now: 1, updatedAt: EARLIER },
      ],
      actions: [
        { ...first!, status: 'done', updatedAt: LATER },
        { ...second!, owner: 'Someone else', updatedAt: EARLIER },
        { ...third!, what: 'Same time, other text' },
      ],
    };
    const plan = planImport([incoming], asStored(stored));
    expect(plan.writes.agreements).toEqual([incoming.agreements[0]]);
    expect(plan.writes.actions).toEqual([incoming.actions[0]]);
    expect(plan.workshops[0]).toMatchObject({
      agreements: { updated: 1, older: 1 },
      actions: { updated: 1, older: 1, unchanged: 1 },
    });
  });

  it('merges the actions of several files of one workshop', () => {
    const first = fullBundle();
    const extra = makeAction(first.workshop.id, 'value');
    const second: WorkshopBundle = {
      workshop: first.workshop,
      groups: [],
      ratings: [],
      agreements: [],
      actions: [extra],
    };
    const plan = planImport([first, second], nothingStored);
    expect(plan.writes.actions.map((a) => a.id)).toEqual([...first.actions, extra].map((a) => a.id));
  });

  it('never moves an action or agreed score whose id another workshop on this device already uses', () => {
    const mine = fullBundle();
    const theirs = makeBundle(0, []);
    const incoming: WorkshopBundle = {
      workshop: theirs.workshop,
      groups: [],
      ratings: [],
      agreements: [{ ...mine.agreements[0]!, workshopId: theirs.workshop.id, updatedAt: LATER }],
      actions: [{ ...mine.actions[0]!, workshopId: theirs.workshop.id, updatedAt: LATER }],
    };
    const plan = planImport([incoming], asStored(mine));
    expect(plan.writes.agreements).toEqual([]);
    expect(plan.writes.actions).toEqual([]);
    expect(plan.workshops[0]).toMatchObject({ agreements: { clashing: 1 }, actions: { clashing: 1 } });
  });

  it('carries private scoring and its reveal time with the newer workshop record only', () => {
    const stored = makeBundle(1, []);
    const revealed = { ...stored.workshop, privateScoring: true, revealedAt: LATER, updatedAt: LATER };
    expect(planImport([{ ...stored, workshop: revealed }], asStored(stored)).writes.workshops).toEqual([revealed]);
    const older = { ...stored.workshop, privateScoring: true, revealedAt: EARLIER, updatedAt: EARLIER };
    const plan = planImport([{ ...stored, workshop: older }], asStored(stored));
    expect(plan.writes.workshops).toEqual([]);
    expect(plan.workshops[0]?.details).toBe('older');
  });
});

describe('describing a plan', () => {
  it('describes a new workshop', () => {
    const bundle = makeBundle(2, ['connectivity', 'data']);
    bundle.workshop.name = 'Budget review';
    const plan = planImport([bundle], nothingStored);
    expect(describePlan(plan)).toEqual(['This will add 1 workshop, “Budget review”, with 2 groups and 4 scores.']);
    expect(describeImport(plan)).toBe('Imported “Budget review”: 2 groups and 4 scores added.');
  });

  it('describes an update, with the older records left alone', () => {
    const stored = makeBundle(1, ['connectivity', 'data', 'value']);
    stored.workshop.name = 'Budget review';
    const group = makeGroup(stored.workshop.id);
    const [a, b, c] = stored.ratings;
    const incoming: WorkshopBundle = {
      workshop: stored.workshop,
      groups: [...stored.groups, group],
      ratings: [
        { ...a!, updatedAt: LATER },
        { ...b!, updatedAt: EARLIER },
        { ...c!, updatedAt: EARLIER },
      ],
      agreements: [],
      actions: [],
    };
    const plan = planImport([incoming], asStored(stored));
    expect(describePlan(plan)).toEqual([
      'This will update “Budget review”: add 1 group, update 1 score. 2 older scores will be left as they are.',
    ]);
    expect(describeImport(plan)).toBe('Imported “Budget review”: 1 group added, 1 score updated.');
  });

  it('counts agreed scores and actions', () => {
    const bundle = fullBundle();
    bundle.workshop.name = 'Budget review';
    const plan = planImport([bundle], nothingStored);
    expect(describePlan(plan)).toEqual([
      'This will add 1 workshop, “Budget review”, with 1 group, 2 scores, 2 agreed scores and 3 actions.',
    ]);
    expect(describeImport(plan)).toBe(
      'Imported “Budget review”: 1 group, 2 scores, 2 agreed scores and 3 actions added.',
    );

    const [agreement] = bundle.agreements;
    const [action] = bundle.actions;
    const incoming: WorkshopBundle = {
      ...bundle,
      agreements: [{ ...agreement!, updatedAt: LATER }, makeAgreement(bundle.workshop.id, 'value')],
      actions: [{ ...action!, updatedAt: EARLIER }, makeAction(bundle.workshop.id, 'value')],
    };
    const update = planImport([incoming], asStored(bundle));
    expect(describePlan(update)).toEqual([
      'This will update “Budget review”: add 1 agreed score, update 1 agreed score, add 1 action. 1 older action will be left as it is.',
    ]);
    expect(describeImport(update)).toBe(
      'Imported “Budget review”: 1 agreed score added, 1 agreed score updated, 1 action added.',
    );
  });

  it('says when there is nothing to import', () => {
    const bundle = makeBundle();
    const plan = planImport([bundle], asStored(bundle));
    expect(describePlan(plan)).toEqual(['Nothing to import: this device already has everything in these files.']);
  });
});

describe('groups that would share a name', () => {
  it('names each name more than one group of a workshop would have, in any case or spacing, after the writes', () => {
    const stored = makeBundle(2, ['data']);
    stored.workshop = { ...stored.workshop, name: 'Budget review' };
    const [a, b] = stored.groups as [Group, Group];
    stored.groups = [
      { ...a, name: 'Group 1' },
      { ...b, name: 'Tables' },
    ];
    const incoming: WorkshopBundle = {
      ...stored,
      groups: [makeGroup(stored.workshop.id, { name: 'GROUP 1' }), makeGroup(stored.workshop.id, { name: 'group 1 ' })],
      ratings: [],
    };
    // Another workshop's "Group 1" is another matter.
    const elsewhere = makeBundle(1, ['data']);
    elsewhere.groups = [{ ...elsewhere.groups[0]!, name: 'Group 1' }];
    const plan = planImport([incoming], asStored(stored));
    expect(sameNameNotes(plan, [...stored.groups, ...elsewhere.groups])).toEqual([
      'In “Budget review”, 3 groups will be called “Group 1”. Rename them on the workshop screen to tell them apart.',
    ]);
  });

  it('says nothing when a renamed group takes a name no other has, or gives one up', () => {
    const stored = makeBundle(2, ['data']);
    const [a, b] = stored.groups as [Group, Group];
    stored.groups = [
      { ...a, name: 'Group 1' },
      { ...b, name: 'Group 2' },
    ];
    // Group 2 renamed "Group 1" on another tablet, and Group 1 renamed "Tables" there too: no clash after.
    const later = '2026-11-27T12:00:00.000Z';
    const incoming: WorkshopBundle = {
      ...stored,
      groups: [
        { ...a, name: 'Tables', updatedAt: later },
        { ...b, name: 'Group 1', updatedAt: later },
      ],
      ratings: [],
    };
    expect(sameNameNotes(planImport([incoming], asStored(stored)), stored.groups)).toEqual([]);
  });

  it('does not repeat a name the device’s groups already shared, when the import brings other changes', () => {
    const stored = makeBundle(2, ['data']);
    const [a, b] = stored.groups as [Group, Group];
    stored.groups = [
      { ...a, name: 'Group 1' },
      { ...b, name: 'Group 1' },
    ];
    const incoming: WorkshopBundle = {
      ...stored,
      groups: [makeGroup(stored.workshop.id, { name: 'Group 3' })],
      ratings: [],
    };
    const plan = planImport([incoming], asStored(stored));
    expect(hasChanges(plan)).toBe(true);
    expect(sameNameNotes(plan, stored.groups)).toEqual([]);
  });
});
