import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { router } from '../../../../src/state/router.svelte.ts';
import { db } from '../../../../src/data/db.ts';
import type { Action } from '../../../../src/domain/types.ts';
import { makeWorkshop, resetDb, storeBundle } from '../../../factories.ts';
import { renderAppAt } from '../../app-screens.ts';

const workshop = makeWorkshop({ name: 'Budget review' });

function makeAction(id: string, outcomeId: string, what: string, due: string, over: Partial<Action> = {}): Action {
  return {
    id,
    workshopId: workshop.id,
    outcomeId,
    what,
    owner: 'Head of digital',
    due,
    status: 'not-started',
    createdAt: `2026-11-27T10:00:0${id.length % 10}.000Z`,
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...over,
  };
}

// Stored in neither outcome nor date order, so the screen has to sort them.
const actions = [
  makeAction('a1', 'leadership', 'Brief the cabinet', '2099-02-01'),
  makeAction('a2', 'data', 'Publish a data register', '2099-06-30'),
  makeAction('a3', 'connectivity', 'Map coverage gaps', ''),
  makeAction('a4', 'data', 'Name data owners', '2020-01-15', { status: 'in-progress' }),
  makeAction('a5', 'connectivity', 'Fix office Wi-Fi', '2099-01-10'),
];

async function openActions(stored: Action[] = actions) {
  await storeBundle({ workshop, groups: [], ratings: [], actions: stored });
  await renderAppAt(`#/w/${workshop.id}/actions`);
  await screen.findByRole('heading', { level: 1, name: 'Actions' });
}

/** The "what" of each action, in the order the table shows them. */
function shownOrder(): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent?.trim() ?? '');
}

describe('the actions of a workshop', { timeout: 40_000 }, () => {
  beforeAll(() => router.start());
  beforeEach(() => resetDb());
  afterEach(() => {
    location.hash = '';
  });

  it('says how to add actions when there are none', async () => {
    await openActions([]);
    expect(
      screen.getByText('No actions yet. Add them while agreeing each outcome on the compare screen.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to workshop' })).toHaveAttribute('href', `#/w/${workshop.id}`);
  });

  it('lists every action by outcome then due date, or by due date alone', async () => {
    const user = userEvent.setup();
    await openActions();
    expect(screen.getByRole('radio', { name: 'Outcome' })).toBeChecked();
    expect(shownOrder()).toEqual([
      'Fix office Wi-Fi',
      'Map coverage gaps',
      'Name data owners',
      'Publish a data register',
      'Brief the cabinet',
    ]);
    const row = screen.getByRole('row', { name: /Name data owners/ });
    expect(within(row).getByRole('link', { name: 'Data' })).toHaveAttribute('href', `#/w/${workshop.id}/agree/data`);
    expect(within(row).getByText('15 January 2020')).toBeInTheDocument();
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Brief the cabinet/ })).queryByText('Overdue')).toBeNull();
    expect(within(screen.getByRole('row', { name: /Map coverage gaps/ })).getByText('No date')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Due date' }));
    expect(shownOrder()).toEqual([
      'Name data owners',
      'Fix office Wi-Fi',
      'Brief the cabinet',
      'Publish a data register',
      'Map coverage gaps',
    ]);
  });

  it('saves a change of status at once', async () => {
    const user = userEvent.setup();
    await openActions();
    const status = screen.getByRole('combobox', { name: 'Status of “Publish a data register”' });
    expect(status).toHaveValue('not-started');
    // The label's visible part (a card has no column header above the select); the rest is for screen readers.
    expect((status as HTMLSelectElement).labels[0]?.firstChild?.textContent?.trim()).toBe('Status');
    await user.selectOptions(status, 'Done');
    await waitFor(async () => expect((await db.actions.get('a2'))?.status).toBe('done'));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('removes an action only once the removal is confirmed', async () => {
    const user = userEvent.setup();
    await openActions();
    await user.click(screen.getByRole('button', { name: 'Remove “Brief the cabinet”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove “Brief the cabinet”?' });
    // Focus starts on the safe choice.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await db.actions.get('a1')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Remove “Brief the cabinet”' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove action' }));
    await waitFor(async () => expect(await db.actions.get('a1')).toBeUndefined());
    await waitFor(() => expect(shownOrder()).not.toContain('Brief the cabinet'));
    expect(await db.actions.count()).toBe(4);
  });
});
