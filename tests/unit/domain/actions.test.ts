import { describe, expect, it } from 'vitest';
import { isOverdue, sortActions, statusLabel, validateAction, type ActionInput } from '../../../src/domain/actions.ts';
import type { Action } from '../../../src/domain/types.ts';

const good: ActionInput = {
  what: ' Name an owner for each data set ',
  owner: ' Head of IT ',
  due: '2026-12-01',
  status: 'not-started',
};

function action(over: Partial<Action>): Action {
  return {
    id: over.id ?? 'a',
    workshopId: 'w',
    outcomeId: 'data',
    what: 'Something',
    owner: '',
    due: '',
    status: 'not-started',
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...over,
  };
}

describe('validating an action', () => {
  it('trims text and accepts a complete action, or one with only what needs to happen', () => {
    expect(validateAction(good)).toEqual({
      input: { what: 'Name an owner for each data set', owner: 'Head of IT', due: '2026-12-01', status: 'not-started' },
      errors: {},
    });
    expect(validateAction({ what: 'Do it', owner: '', due: '', status: 'done' }).errors).toEqual({});
  });

  it('asks for what needs to happen', () => {
    expect(validateAction({ ...good, what: '   ' }).errors).toEqual({ what: 'Enter what needs to happen' });
  });

  it('limits what and owner to 200 characters', () => {
    expect(validateAction({ ...good, what: 'x'.repeat(200), owner: 'y'.repeat(200) }).errors).toEqual({});
    const { errors } = validateAction({ ...good, what: 'x'.repeat(201), owner: 'y'.repeat(201) });
    expect(errors.what).toBe('What needs to happen must be 200 characters or fewer');
    expect(errors.owner).toBe('Owner must be 200 characters or fewer');
  });

  it('accepts no due date but refuses one that is not a real date', () => {
    expect(validateAction({ ...good, due: '' }).errors).toEqual({});
    expect(validateAction({ ...good, due: '2026-02-30' }).errors.due).toMatch(/real date/);
    expect(validateAction({ ...good, due: '01/12/2026' }).errors.due).toMatch(/real date/);
  });

  it('refuses a status the app does not know', () => {
    expect(validateAction({ ...good, status: 'blocked' as never }).errors.status).toBe('Choose a status');
  });
});

describe('showing an action', () => {
  it('labels each status in plain English', () => {
    expect(statusLabel('not-started')).toBe('Not started');
    expect(statusLabel('in-progress')).toBe('In progress');
    expect(statusLabel('done')).toBe('Done');
  });

  it('counts an action overdue only when it is not done and its date has passed', () => {
    const today = '2026-11-27';
    expect(isOverdue({ due: '2026-11-26', status: 'in-progress' }, today)).toBe(true);
    expect(isOverdue({ due: '2026-11-27', status: 'not-started' }, today)).toBe(false);
    expect(isOverdue({ due: '2026-11-26', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ due: '', status: 'not-started' }, today)).toBe(false);
  });
});

describe('sorting actions', () => {
  const order = ['connectivity', 'data', 'leadership'];
  const actions = [
    action({ id: 'lead-undated', outcomeId: 'leadership', due: '' }),
    action({ id: 'data-late', outcomeId: 'data', due: '2027-03-01' }),
    action({ id: 'conn-undated', outcomeId: 'connectivity', due: '' }),
    action({ id: 'data-soon', outcomeId: 'data', due: '2026-12-01' }),
    action({ id: 'unknown', outcomeId: 'retired-outcome', due: '2026-01-01' }),
    action({ id: 'conn-mid', outcomeId: 'connectivity', due: '2027-01-15' }),
  ];
  const ids = (list: Action[]) => list.map((a) => a.id);

  it('by outcome: in framework order, then earliest due first, undated last, unknown outcomes at the end', () => {
    expect(ids(sortActions(actions, 'outcome', order))).toEqual([
      'conn-mid',
      'conn-undated',
      'data-soon',
      'data-late',
      'lead-undated',
      'unknown',
    ]);
  });

  it('by due date: earliest first, undated last (in outcome order)', () => {
    expect(ids(sortActions(actions, 'due', order))).toEqual([
      'unknown',
      'data-soon',
      'conn-mid',
      'data-late',
      'conn-undated',
      'lead-undated',
    ]);
  });

  it('keeps the order of creation for ties, and leaves the input alone', () => {
    const later = action({ id: 'z-first', createdAt: '2026-11-27T09:00:00.000Z' });
    const earlier = action({ id: 'a-second', createdAt: '2026-11-27T11:00:00.000Z' });
    const input = [earlier, later];
    expect(ids(sortActions(input, 'outcome', order))).toEqual(['z-first', 'a-second']);
    expect(ids(input)).toEqual(['a-second', 'z-first']);
  });
});
