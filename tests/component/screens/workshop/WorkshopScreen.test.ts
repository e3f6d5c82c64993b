import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { db } from '../../../../src/data/db.ts';
import { makeGroup, makeRating, makeWorkshop, storeBundle } from '../../../factories.ts';
import { renderAppAt, withAppScreens } from '../../app-screens.ts';

/** Renames a group on the workshop screen with its Rename button, and waits for the new name's link. */
async function renameGroup(user: ReturnType<typeof userEvent.setup>, from: string, to: string) {
  await user.click(screen.getByRole('button', { name: `Rename ${from}` }));
  const field = screen.getByLabelText(`New name for “${from}”`);
  await user.clear(field);
  await user.type(field, to);
  await user.click(screen.getByRole('button', { name: 'Save name' }));
  expect(await screen.findByRole('link', { name: to })).toBeInTheDocument();
}

describe('workshops and groups', () => {
  withAppScreens();

  it('lists workshops newest first with their date and progress', async () => {
    const older = makeWorkshop({ name: 'Spring review', date: '2026-03-02' });
    const newer = makeWorkshop({ name: 'Autumn review', date: '2026-10-14' });
    const group = makeGroup(newer.id);
    await storeBundle({ workshop: older, groups: [], ratings: [] });
    await storeBundle({
      workshop: newer,
      groups: [group],
      ratings: [makeRating(group, 'data'), makeRating(group, 'value')],
    });
    await renderAppAt();
    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Autumn review');
    expect(items[0]).toHaveTextContent('14 October 2026');
    expect(items[0]).toHaveTextContent('2 of 12 outcomes scored');
    expect(items[1]).toHaveTextContent('Spring review');
    expect(items[1]).toHaveTextContent('0 groups');
  });

  it('creates a workshop from the form, refusing an empty name with a clear message', async () => {
    const user = userEvent.setup();
    await renderAppAt();
    await user.click(await screen.findByRole('button', { name: 'New workshop' }));
    await screen.findByRole('heading', { level: 1, name: 'New workshop' });
    await user.click(screen.getByRole('button', { name: /^Create/ }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('Enter a name for the workshop'))).toBe(
        true,
      ),
    );
    expect(await db.workshops.count()).toBe(0);

    await user.type(screen.getByLabelText('Workshop name'), 'Budget review');
    await user.type(screen.getByLabelText('Organisation'), 'Exampleshire');
    await user.type(screen.getByLabelText('Facilitator'), 'Sam');
    await user.click(screen.getByRole('button', { name: /^Create/ }));
    await screen.findByRole('heading', { level: 1, name: 'Budget review' });
    const stored = await db.workshops.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'Budget review',
      organisation: 'Exampleshire',
      facilitator: 'Sam',
      deletedAt: null,
    });
  });

  it('renames a workshop through its details', async () => {
    const user = userEvent.setup();
    const workshop = makeWorkshop({ name: 'Old name' });
    await storeBundle({ workshop, groups: [], ratings: [] });
    await renderAppAt(`#/w/${workshop.id}`);
    await user.click(await screen.findByRole('link', { name: 'Edit details' }));
    const name = await screen.findByLabelText('Workshop name');
    await waitFor(() => expect(name).toHaveValue('Old name'));
    await user.clear(name);
    await user.type(name, 'New name');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { level: 1, name: 'New name' });
    expect((await db.workshops.get(workshop.id))?.name).toBe('New name');
  });

  it('deletes a workshop after confirmation, and undo brings it back with its groups', async () => {
    const user = userEvent.setup();
    const workshop = makeWorkshop({ name: 'To delete' });
    const group = makeGroup(workshop.id, { name: 'Blue' });
    await storeBundle({ workshop, groups: [group], ratings: [makeRating(group, 'data')] });
    await renderAppAt(`#/w/${workshop.id}`);
    await user.click(await screen.findByRole('button', { name: 'Delete workshop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “To delete”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await db.workshops.get(workshop.id))?.deletedAt).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Delete workshop' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete workshop' }));
    await screen.findByRole('heading', { level: 1, name: 'Your workshops' });
    expect(await screen.findByText('Deleted “To delete”.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'To delete' })).toBeNull();
    expect((await db.workshops.get(workshop.id))?.deletedAt).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Undo delete' }));
    await screen.findByRole('heading', { level: 1, name: 'To delete' });
    expect(await screen.findByRole('link', { name: 'Blue' })).toBeInTheDocument();
    expect((await db.workshops.get(workshop.id))?.deletedAt).toBeNull();
    expect(await db.ratings.count()).toBe(1);
  });

  it('adds, renames and removes groups', async () => {
    const user = userEvent.setup();
    const workshop = makeWorkshop();
    await storeBundle({ workshop, groups: [], ratings: [] });
    await renderAppAt(`#/w/${workshop.id}`);
    const field = await screen.findByLabelText('Group name');
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    expect(await screen.findByText('Enter a name for the group')).toBeInTheDocument();
    await user.type(field, 'Blue');
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    await user.type(field, 'Green');
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    expect(await screen.findByRole('link', { name: 'Green' })).toHaveAttribute('href', expect.stringContaining('/g/'));
    await user.type(field, 'blue');
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    expect(await screen.findByText('There is already a group called “blue”')).toBeInTheDocument();
    expect(await db.groups.count()).toBe(2);

    await renameGroup(user, 'Blue', 'Navy');

    await user.click(screen.getByRole('button', { name: 'Remove Green' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove group' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Green' })).toBeNull());
    expect((await db.groups.toArray()).map((g) => g.name)).toEqual(['Navy']);
  });

  it('marks groups that share a name (merged from two tablets) until one is renamed', async () => {
    const user = userEvent.setup();
    const workshop = makeWorkshop();
    const groups = [
      makeGroup(workshop.id, { name: 'Group 1' }),
      makeGroup(workshop.id, { name: 'group 1' }),
      makeGroup(workshop.id, { name: 'Tables' }),
    ];
    await storeBundle({ workshop, groups, ratings: [] });
    await renderAppAt(`#/w/${workshop.id}`);
    expect(
      await screen.findByText('Another group is also called “Group 1”. Rename one of them to tell them apart.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Another group is also called “group 1”. Rename one of them to tell them apart.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Another group is also called “Tables”/)).toBeNull();

    await renameGroup(user, 'group 1', 'Group 2');
    await waitFor(() => expect(screen.queryByText(/Another group is also called/)).toBeNull());
  });
});
