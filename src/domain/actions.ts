import { ACTION_STATUSES, type Action, type ActionStatus } from './types.ts';
import { isIsoDate, MAX_NAME_LENGTH } from './workshop-input.ts';

/** What the action form collects: the editable fields of an action. */
export type ActionInput = Pick<Action, 'what' | 'owner' | 'due' | 'status'>;

export type ActionInputErrors = Partial<Record<keyof ActionInput, string>>;

/** The longest "what" or "owner" we accept: the same limit as every other name in the app. */
export const MAX_ACTION_TEXT = MAX_NAME_LENGTH;

/** Trims the action form's text and checks it; returns the cleaned input and an error message per bad field. */
export function validateAction(raw: ActionInput): { input: ActionInput; errors: ActionInputErrors } {
  const input: ActionInput = {
    what: raw.what.trim(),
    owner: raw.owner.trim(),
    due: raw.due.trim(),
    status: raw.status,
  };
  const errors: ActionInputErrors = {};
  if (input.what === '') errors.what = 'Enter what needs to happen';
  else if (input.what.length > MAX_ACTION_TEXT)
    errors.what = `What needs to happen must be ${MAX_ACTION_TEXT} characters or fewer`;
  if (input.owner.length > MAX_ACTION_TEXT) errors.owner = `Owner must be ${MAX_ACTION_TEXT} characters or fewer`;
  if (input.due !== '' && !isIsoDate(input.due)) errors.due = 'Due date must be a real date, for example 27/11/2026';
  if (!ACTION_STATUSES.includes(input.status)) errors.status = 'Choose a status';
  return { input, errors };
}

const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** The status as people read it: "Not started", "In progress" or "Done". */
export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status];
}

/** True when the action is not done and its due date (if any) is before `today` (`YYYY-MM-DD`). */
export function isOverdue(action: Pick<Action, 'due' | 'status'>, today: string): boolean {
  return action.status !== 'done' && action.due !== '' && action.due < today;
}

export type ActionSort = 'outcome' | 'due';

/**
 * The actions in a new array: by outcome (in `outcomeOrder`, unknown outcomes last) then due date,
 * or by due date (earliest first) then outcome. Actions with no due date come after dated ones;
 * ties keep the order they were created in.
 */
export function sortActions(actions: readonly Action[], by: ActionSort, outcomeOrder: readonly string[]): Action[] {
  const position = new Map(outcomeOrder.map((id, i) => [id, i]));
  const byOutcome = (a: Action, b: Action) =>
    (position.get(a.outcomeId) ?? Infinity) - (position.get(b.outcomeId) ?? Infinity) ||
    a.outcomeId.localeCompare(b.outcomeId);
  const byDue = (a: Action, b: Action) => {
    if (a.due === b.due) return 0;
    if (a.due === '') return 1;
    if (b.due === '') return -1;
    return a.due < b.due ? -1 : 1;
  };
  const byCreated = (a: Action, b: Action) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const order =
    by === 'outcome'
      ? (a: Action, b: Action) => byOutcome(a, b) || byDue(a, b) || byCreated(a, b)
      : (a: Action, b: Action) => byDue(a, b) || byOutcome(a, b) || byCreated(a, b);
  return [...actions].sort(order);
}
