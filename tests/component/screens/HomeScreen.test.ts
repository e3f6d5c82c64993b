import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { db } from '../../../src/data/db.ts';
import { makeGroup, makeRating, makeWorkshop } from '../../factories.ts';
import { renderAppAt, withAppScreens } from '../app-screens.ts';

/** `count` workshops, one a day from 1 January 2026 (so the last is the newest), each with one group scoring one outcome. */
async function storeWorkshops(count: number) {
  const workshops = Array.from({ length: count }, (_, i) =>
    makeWorkshop({ name: `Day ${i + 1}`, date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10) }),
  );
  const groups = workshops.map((w) => makeGroup(w.id));
  await db.transaction('rw', db.workshops, db.groups, db.ratings, async () => {
    await db.workshops.bulkPut(workshops);
    await db.groups.bulkPut(groups);
    await db.ratings.bulkPut(groups.map((g) => makeRating(g, 'data')));
  });
}

describe('the home screen with many workshops', () => {
  withAppScreens();

  it('lists the newest 24 with their progress, and shows more on request, moving the focus to the first new one', async () => {
    const user = userEvent.setup();
    await storeWorkshops(31);
    await renderAppAt();
    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(24));
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Day 31');
    expect(items[0]).toHaveTextContent('1 of 12 outcomes scored');
    expect(items[23]).toHaveTextContent('Day 8');
    expect(screen.getByText('Showing the newest 24 of 31 workshops.')).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: 'Show 7 more workshops' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(31));
    expect(within(list).getAllByRole('listitem')[30]).toHaveTextContent('Day 1');
    expect(within(list).getAllByRole('listitem')[30]).toHaveTextContent('1 of 12 outcomes scored');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Day 7' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: /more workshops/ })).toBeNull();
  });

  it('does not offer more when every workshop is shown', async () => {
    await storeWorkshops(3);
    await renderAppAt();
    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: /more workshops/ })).toBeNull();
  });
});
