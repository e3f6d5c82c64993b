import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { router } from '../../../../src/state/router.svelte.ts';
import { db } from '../../../../src/data/db.ts';
import { ratingId } from '../../../../src/domain/ids.ts';
import { makeGroup, makeWorkshop, resetDb, storeBundle } from '../../../factories.ts';
import { lga2022 } from '../../../../src/framework/lga-2022.ts';
import { renderAppAt } from '../../app-screens.ts';

const workshop = makeWorkshop({ name: 'Budget review' });
const group = makeGroup(workshop.id, { name: 'Blue table' });

async function openScoring(outcomeId = 'connectivity') {
  await renderAppAt(`#/w/${workshop.id}/g/${group.id}/${outcomeId}`);
  return screen.findByRole('heading', { level: 1, name: 'Blue table' });
}

describe('scoring a group', () => {
  beforeAll(() => router.start());
  beforeEach(async () => {
    await resetDb();
    await storeBundle({ workshop, groups: [group], ratings: [] });
  });
  afterEach(() => {
    location.hash = '';
  });

  it('shows the outcome with its statement, prompts and a described level for now and target', async () => {
    await openScoring();
    expect(screen.getByRole('heading', { level: 2, name: 'Connectivity' })).toBeInTheDocument();
    expect(screen.getByText(lga2022.outcomes[0]!.statement)).toBeInTheDocument();
    expect(screen.getByText(lga2022.outcomes[0]!.prompts[0]!)).toBeInTheDocument();
    const now = screen.getByRole('group', { name: /Connectivity.*now/ });
    const target = screen.getByRole('group', { name: /Connectivity.*target/ });
    const radios = within(now).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5', 'not-sure']);
    expect(within(now).getByRole('radio', { name: /^3 Established/ })).toHaveAccessibleDescription(
      lga2022.outcomes[0]!.descriptors[2]!,
    );
    expect(within(target).getAllByRole('radio')).toHaveLength(5);
    expect(screen.getByText('0 of 12 scored')).toBeInTheDocument();
  });

  it('saves each tap at once and counts the outcome as scored when now and target are set', async () => {
    const user = userEvent.setup();
    await openScoring();
    await user.click(within(screen.getByRole('group', { name: /now/ })).getByRole('radio', { name: /^2 Developing/ }));
    await waitFor(async () => expect((await db.ratings.get(ratingId(group.id, 'connectivity')))?.now).toBe(2));
    expect(screen.getByText('0 of 12 scored')).toBeInTheDocument();

    await user.click(within(screen.getByRole('group', { name: /target/ })).getByRole('radio', { name: /^4 Embedded/ }));
    await user.click(screen.getByRole('radio', { name: 'High' }));
    await waitFor(async () => {
      const stored = await db.ratings.get(ratingId(group.id, 'connectivity'));
      expect(stored).toMatchObject({ now: 2, target: 4, confidence: 'high', workshopId: workshop.id });
    });
    expect(await screen.findByText('1 of 12 scored')).toBeInTheDocument();
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('records Not sure for now', async () => {
    const user = userEvent.setup();
    await openScoring();
    await user.click(screen.getByRole('radio', { name: 'Not sure' }));
    await waitFor(async () => expect((await db.ratings.get(ratingId(group.id, 'connectivity')))?.now).toBe('not-sure'));
  });

  it('moves to the next outcome and back, keeping the answers', async () => {
    const user = userEvent.setup();
    await openScoring();
    await user.click(within(screen.getByRole('group', { name: /now/ })).getByRole('radio', { name: /^1 Starting/ }));
    await user.click(screen.getByRole('button', { name: /Next outcome/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Data' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Previous outcome/ })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: /Previous outcome/ }));
    await screen.findByRole('heading', { level: 2, name: 'Connectivity' });
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: /now/ })).getByRole('radio', { name: /^1 Starting/ }),
      ).toBeChecked(),
    );
  });

  it('jumps to any outcome from the overview', async () => {
    const user = userEvent.setup();
    await openScoring();
    await user.click(screen.getByRole('link', { name: 'See all outcomes' }));
    await screen.findByRole('heading', { level: 2, name: 'All outcomes' });
    await user.click(screen.getByRole('link', { name: /Security and resilience/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Security and resilience' })).toBeInTheDocument();
    expect(screen.getByText('Outcome 10 of 12')).toBeInTheDocument();
  });
});
