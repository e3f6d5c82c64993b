import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { router } from '../../../../src/state/router.svelte.ts';
import { db } from '../../../../src/data/db.ts';
import { agreementId } from '../../../../src/domain/ids.ts';
import { TEXT_DEBOUNCE_MS } from '../../../../src/state/text-save.ts';
import { lga2022 } from '../../../../src/framework/lga-2022.ts';
import { makeGroup, makeRating, makeWorkshop, resetDb, storeBundle } from '../../../factories.ts';
import { renderAppAt } from '../../app-screens.ts';

const workshop = makeWorkshop({ name: 'Budget review' });
const blue = makeGroup(workshop.id, { name: 'Blue table' });
const green = makeGroup(workshop.id, { name: 'Green table' });
const ratings = [
  makeRating(blue, 'data', { now: 2, target: 4, confidence: 'high', evidence: 'Data strategy in draft' }),
  makeRating(green, 'data', { now: 'not-sure', target: 3, confidence: 'low' }),
];
const dataOutcome = lga2022.outcomes[1]!;

async function openAgree(over: Partial<typeof workshop> = {}) {
  await storeBundle({ workshop: { ...workshop, ...over }, groups: [blue, green], ratings });
  await renderAppAt(`#/w/${workshop.id}/agree/data`);
  return screen.findByRole('heading', { level: 1, name: 'Agree: Data' });
}

// Whole-app renders with two 6-option level choices: slow in jsdom on a busy machine.
describe('agreeing an outcome', { timeout: 40_000 }, () => {
  beforeAll(() => router.start());
  beforeEach(() => resetDb());
  afterEach(() => {
    location.hash = '';
  });

  it("shows the outcome and each group's scores, with Not sure as such", async () => {
    await openAgree();
    expect(screen.getByText(dataOutcome.statement)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to compare' })).toHaveAttribute('href', `#/w/${workshop.id}/compare`);
    const table = screen.getByRole('table', { name: /Data: each group/ });
    const blueRow = within(table).getByRole('row', { name: /Blue table/ });
    expect(
      within(blueRow)
        .getAllByRole('cell')
        .map((c) => c.textContent?.trim()),
    ).toEqual(['2 Developing', '4 Embedded', 'High', 'Data strategy in draft']);
    const greenRow = within(table).getByRole('row', { name: /Green table/ });
    expect(within(greenRow).getAllByRole('cell')[0]).toHaveTextContent('Not sure');
  });

  it('hides the groups scores in private scoring until they are revealed', async () => {
    await openAgree({ privateScoring: true, revealedAt: null });
    expect(screen.getByText(/^Scores are hidden until you reveal them on the compare screen/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Data strategy in draft')).toBeNull();
  });

  it("saves the agreed scores and rationale at once, leaving the groups' own scores alone", async () => {
    const user = userEvent.setup();
    await openAgree();
    const before = await db.ratings.orderBy('id').toArray();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();

    const now = screen.getByRole('group', { name: /Data.*agreed now/ });
    expect(within(now).getByRole('radio', { name: 'Not sure' })).toBeInTheDocument();
    await user.click(within(now).getByRole('radio', { name: /^3 Established/ }));
    await user.click(
      within(screen.getByRole('group', { name: /Data.*agreed target/ })).getByRole('radio', { name: /^4 Embedded/ }),
    );
    await waitFor(async () =>
      expect(await db.agreements.get(agreementId(workshop.id, 'data'))).toMatchObject({ now: 3, target: 4 }),
    );

    await fireEvent.input(screen.getByLabelText('Rationale'), {
      target: { value: 'Strategy signed off, not yet used' },
    });
    expect((await db.agreements.get(agreementId(workshop.id, 'data')))?.rationale).toBe('');
    await waitFor(
      async () =>
        expect((await db.agreements.get(agreementId(workshop.id, 'data')))?.rationale).toBe(
          'Strategy signed off, not yet used',
        ),
      { timeout: TEXT_DEBOUNCE_MS * 5 },
    );
    expect(screen.getByLabelText('Dissent')).toHaveAccessibleDescription(
      'Record any group or person who disagrees, and why.',
    );
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(await db.ratings.orderBy('id').toArray()).toEqual(before);
    expect(
      within(screen.getByRole('group', { name: /agreed now/ })).getByRole('radio', { name: /^3 Established/ }),
    ).toBeChecked();
  });

  it('refuses an action with nothing to do, then adds a valid one and shows it', async () => {
    const user = userEvent.setup();
    await openAgree();
    expect(screen.getByText('No actions for this outcome yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add action' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('There is a problem');
    expect(within(summary).getByRole('link', { name: 'Enter what needs to happen' })).toBeInTheDocument();
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('What needs to happen')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.actions.count()).toBe(0);

    await user.type(screen.getByLabelText('What needs to happen'), 'Publish a data register');
    await user.type(screen.getByLabelText('Owner'), 'Data team');
    await fireEvent.input(screen.getByLabelText('Due date'), { target: { value: '2027-01-31' } });
    expect(
      within(screen.getByRole('group', { name: 'Status' })).getByRole('radio', { name: 'Not started' }),
    ).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'In progress' }));
    await user.click(screen.getByRole('button', { name: 'Add action' }));

    expect(await screen.findByText('Publish a data register', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: 'There is a problem' })).toBeNull();
    expect(screen.getByText('31 January 2027')).toBeInTheDocument();
    expect(screen.getByLabelText('What needs to happen')).toHaveValue('');
    const stored = await db.actions.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      workshopId: workshop.id,
      outcomeId: 'data',
      what: 'Publish a data register',
      owner: 'Data team',
      due: '2027-01-31',
      status: 'in-progress',
    });
  });

  it('saves the rationale to the outcome it was typed for when the screen moves on by a link before the pause ends', async () => {
    await openAgree();
    await fireEvent.input(screen.getByLabelText('Rationale'), { target: { value: 'Agreed for Data' } });
    location.hash = `#/w/${workshop.id}/agree/connectivity`;
    expect(await screen.findByRole('heading', { level: 1, name: 'Agree: Connectivity' })).toBeInTheDocument();
    await waitFor(
      async () =>
        expect((await db.agreements.get(agreementId(workshop.id, 'data')))?.rationale).toBe('Agreed for Data'),
      {
        timeout: TEXT_DEBOUNCE_MS * 4,
      },
    );
    expect(await db.agreements.get(agreementId(workshop.id, 'connectivity'))).toBeUndefined();
  });

  it('moves to the next and previous outcome to agree', async () => {
    const user = userEvent.setup();
    await openAgree();
    await user.click(screen.getByRole('button', { name: /Next outcome to agree/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Agree: Democracy and participation' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Previous outcome to agree/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Agree: Data' })).toBeInTheDocument();
  });
});
