import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ImportControl from '../../../src/containers/ImportControl.svelte';
import { db } from '../../../src/data/db.ts';
import { makeBundle, makeGroup, makeRating, resetDb, storeBundle } from '../../factories.ts';
import { workshopFile } from '../../../src/files/export-file.ts';
import sampleV1 from '../../fixtures/workshop-v1.json?raw';
import damaged from '../../fixtures/workshop-damaged.json?raw';
import sampleV2 from '../../fixtures/workshop-v2.json?raw';
import futureV3 from '../../fixtures/workshop-v3-future.json?raw';

/** Everything stored, to show an import changed nothing. */
async function dbContents() {
  return {
    workshops: await db.workshops.orderBy('id').toArray(),
    groups: await db.groups.orderBy('id').toArray(),
    ratings: await db.ratings.orderBy('id').toArray(),
    agreements: await db.agreements.orderBy('id').toArray(),
    actions: await db.actions.orderBy('id').toArray(),
  };
}

/** Renders the control and chooses files through its file input, as a person would. */
async function chooseFiles(files: File[], props: { onimported?: (ids: string[]) => void } = {}) {
  const user = userEvent.setup({ applyAccept: false });
  render(ImportControl, { props });
  await user.upload(screen.getByLabelText('Import workshop files'), files);
  return user;
}

beforeEach(async () => {
  await resetDb();
  await storeBundle(makeBundle(1, ['data']));
});

describe('ImportControl', () => {
  it('has a control named Import', () => {
    render(ImportControl);
    expect(screen.getByRole('button', { name: 'Import' })).toBeInTheDocument();
  });

  it('refuses a damaged file with a message in an alert, and stores nothing', async () => {
    const before = await dbContents();
    await chooseFiles([new File([damaged], 'blue.json', { type: 'application/json' })]);
    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByRole('heading', { name: 'There is a problem with the file' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('“blue.json” could not be read: it may be damaged or cut short.');
    expect(alert).toHaveTextContent('Nothing has been imported.');
    expect(within(alert).getByRole('heading').parentElement).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Confirm import' })).not.toBeInTheDocument();
    expect(await dbContents()).toEqual(before);
  });

  it('refuses a file from a newer version of the app', async () => {
    const before = await dbContents();
    await chooseFiles([new File([futureV3], 'future.json')]);
    const alert = await screen.findByRole('alert');
    expect(
      await within(alert).findByText(/made by a newer version of Outcomes Workshop \(file format 3\)/),
    ).toHaveTextContent(
      '“future.json” was made by a newer version of Outcomes Workshop (file format 3). Update the app on this device, then import it again.',
    );
    expect(await dbContents()).toEqual(before);
  });

  it('imports nothing when one of several files is refused', async () => {
    const before = await dbContents();
    await chooseFiles([
      new File([sampleV1], 'good.json'),
      new File(['not json at all'], 'notes.txt'),
      new File([''], 'empty.json'),
    ]);
    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByRole('heading', { name: 'There is a problem with 2 files' })).toBeInTheDocument();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '“notes.txt” is not an Outcomes Workshop file.',
      '“empty.json” is empty. Export the workshop again and import the new file.',
    ]);
    expect(await dbContents()).toEqual(before);
  });

  it('shows what it will import, then imports it on confirmation', async () => {
    const onimported = vi.fn();
    const user = await chooseFiles([new File([sampleV1], 'budget-review-2026-11-27.json')], { onimported });
    const heading = await screen.findByRole('heading', { name: 'Check the import' });
    expect(heading).toHaveFocus();
    expect(
      screen.getByText('This will add 1 workshop, “Budget review”, with 2 groups and 3 scores.'),
    ).toBeInTheDocument();
    expect((await dbContents()).workshops).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Imported “Budget review”: 2 groups and 3 scores added.'),
    );
    expect(screen.getByText(/^Imported/)).toHaveFocus();
    expect(onimported).toHaveBeenCalledWith(['5f0c9a52-3d4e-4b8e-9a51-2f6f1f3b7c10']);
    expect(await db.workshops.get('5f0c9a52-3d4e-4b8e-9a51-2f6f1f3b7c10')).toMatchObject({ name: 'Budget review' });
    expect(await db.ratings.count()).toBe(4);
  });

  it('says when groups made on different tablets would share a name, and not when a group comes back', async () => {
    const here = makeBundle(1, ['data']);
    here.workshop = { ...here.workshop, name: 'Budget review' };
    here.groups = [{ ...here.groups[0]!, name: 'Group 1' }];
    await storeBundle(here);
    // Another tablet added its own "group 1" to the same workshop (another id: another group).
    const theirs = makeGroup(here.workshop.id, { name: 'group 1' });
    const other = workshopFile({ ...here, groups: [theirs], ratings: [makeRating(theirs, 'data')] }, '1.2.3');
    const user = await chooseFiles([other]);
    expect(await screen.findByText('This will update “Budget review”: add 1 group, add 1 score.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'In “Budget review”, 2 groups will be called “Group 1”. Rename them on the workshop screen to tell them apart.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    // The same group changed on another tablet: one group, one name.
    const renamed = { ...here.groups[0]!, name: 'Group 1 (east)', updatedAt: '2026-11-27T12:00:00.000Z' };
    await user.upload(screen.getByLabelText('Import workshop files'), [
      workshopFile({ ...here, groups: [renamed] }, '1.2.3'),
    ]);
    expect(await screen.findByRole('heading', { name: 'Check the import' })).toBeInTheDocument();
    expect(screen.queryByText(/groups will be called/)).not.toBeInTheDocument();
  });

  it('imports agreed scores and actions from a version-2 file, and says so', async () => {
    const user = await chooseFiles([new File([sampleV2], 'budget-review-2026-11-27.json')]);
    expect(
      await screen.findByText(
        'This will add 1 workshop, “Budget review”, with 2 groups, 3 scores, 2 agreed scores and 2 actions.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Imported “Budget review”: 2 groups, 3 scores, 2 agreed scores and 2 actions added.',
      ),
    );
    expect(await db.agreements.count()).toBe(2);
    expect(await db.actions.count()).toBe(2);
  });

  it('says there is nothing to import the second time', async () => {
    const user = await chooseFiles([new File([sampleV1], 'a.json')]);
    await user.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await screen.findByText(/Imported “Budget review”/);
    const before = await dbContents();
    await user.upload(screen.getByLabelText('Import workshop files'), new File([sampleV1], 'a.json'));
    expect(
      await screen.findByText('Nothing to import: this device already has everything in these files.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm import' })).not.toBeInTheDocument();
    expect(await dbContents()).toEqual(before);
  });

  it('stores nothing when the import is cancelled', async () => {
    const before = await dbContents();
    const user = await chooseFiles([new File([sampleV1], 'a.json')]);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Check the import' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toHaveFocus();
    expect(await dbContents()).toEqual(before);
  });

  it('shows imported text as text, never as markup', async () => {
    const text = sampleV1.replace('"name": "Budget review"', '"name": "<img src=x onerror=alert(1)>Budget"');
    await chooseFiles([new File([text], 'a.json')]);
    expect(await screen.findByText(/with 2 groups and 3 scores/)).toHaveTextContent(
      '“<img src=x onerror=alert(1)>Budget”',
    );
    expect(document.querySelector('img')).toBeNull();
  });
});
