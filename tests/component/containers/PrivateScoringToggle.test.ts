import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PrivateScoringToggle from '../../../src/containers/PrivateScoringToggle.svelte';
import { db } from '../../../src/data/db.ts';
import { defaultFramework as framework } from '../../../src/framework/frameworks.ts';
import type { WorkshopBundle } from '../../../src/domain/types.ts';
import { makeBundle, makeWorkshop, storeBundle } from '../../factories.ts';
import { renderAppAt, withAppScreens } from '../app-screens.ts';

const allOutcomes = framework.outcomes.map((o) => o.id);

/** A private-scoring workshop: Blue has scored everything (3 → 5), Green only the first four (1 → 2). */
function privateWorkshop(revealedAt: string | null = null): WorkshopBundle {
  const bundle = makeBundle(2, allOutcomes);
  bundle.workshop = { ...bundle.workshop, privateScoring: true, revealedAt };
  const [blue, green] = bundle.groups;
  if (!blue || !green) throw new Error('two groups expected');
  blue.name = 'Blue';
  green.name = 'Green';
  green.createdAt = '2026-11-27T09:06:00.000Z';
  bundle.ratings = bundle.ratings
    .filter((r) => r.groupId === blue.id || allOutcomes.indexOf(r.outcomeId) < 4)
    .map((r) => (r.groupId === blue.id ? { ...r, now: 3, target: 5 } : { ...r, now: 1, target: 2 }));
  return bundle;
}

// Each test renders the whole app, which is slow in jsdom when the machine is busy.
describe('private scoring', { timeout: 40_000 }, () => {
  withAppScreens();

  it('shows only progress on the compare screen until all scores are revealed, then shows them', async () => {
    const user = userEvent.setup();
    const bundle = privateWorkshop();
    await storeBundle(bundle);
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);

    expect(await screen.findByRole('heading', { level: 2, name: 'Scores are hidden' })).toBeInTheDocument();
    const progress = screen.getByRole('list', { name: 'Progress by group' });
    expect(
      within(progress)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual(['Blue 12 of 12 outcomes scored 100%', 'Green 4 of 12 outcomes scored 33%']);
    expect(screen.getByText(/Not every group has finished/)).toBeInTheDocument();
    // No scores anywhere: no table, no chart, no level names, no markers.
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(container.querySelector('[data-group]')).toBeNull();
    expect(document.body).not.toHaveTextContent(/Established|Leading|Starting|Developing/);

    // Cancelling the confirmation changes nothing.
    await user.click(screen.getByRole('button', { name: 'Reveal all scores' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reveal every group’s scores?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await db.workshops.get(bundle.workshop.id))?.revealedAt).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Reveal all scores' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reveal all scores' }));
    const table = await screen.findByRole('table', { name: /each group’s now level/i });
    expect(within(table).getByRole('columnheader', { name: 'Blue' })).toBeInTheDocument();
    expect(table).toHaveTextContent('3 Established');
    expect(screen.queryByRole('heading', { name: 'Scores are hidden' })).toBeNull();

    const stored = await db.workshops.get(bundle.workshop.id);
    expect(stored?.revealedAt).toEqual(expect.any(String));
    expect(stored?.updatedAt).toBe(stored?.revealedAt);
    expect((stored?.updatedAt ?? '') > bundle.workshop.updatedAt).toBe(true);
  });

  it('shows no scores on the results screen until revealed, but links to the compare screen', async () => {
    const bundle = privateWorkshop();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/results`);

    const link = await screen.findByRole('link', { name: 'Go to the compare screen to reveal all scores' });
    expect(link).toHaveAttribute('href', `#/w/${bundle.workshop.id}/compare`);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(document.body).not.toHaveTextContent(/Established|Leading/);

    // Revealed elsewhere (on the compare screen, or another tab): the results appear.
    await db.workshops.update(bundle.workshop.id, { revealedAt: '2026-11-27T15:00:00.000Z' });
    expect(await screen.findByRole('table', { name: /now and target levels for each outcome/i })).toHaveTextContent(
      '3 Established',
    );
    expect(screen.queryByRole('link', { name: /reveal all scores/ })).toBeNull();
  });

  it('shows scores straight away once they have been revealed', async () => {
    const revealed = privateWorkshop('2026-11-27T15:00:00.000Z');
    await storeBundle(revealed);
    await renderAppAt(`#/w/${revealed.workshop.id}/compare`);
    expect(await screen.findByRole('table', { name: /each group’s now level/i })).toHaveTextContent('3 Established');
    expect(screen.queryByRole('button', { name: 'Reveal all scores' })).toBeNull();
  });

  it('turns private scoring on and off from its checkbox, hiding the scores again when turned on', async () => {
    const user = userEvent.setup();
    const workshop = makeWorkshop({ privateScoring: false, revealedAt: '2026-11-27T15:00:00.000Z' });
    await storeBundle({ workshop, groups: [], ratings: [] });
    const { rerender } = render(PrivateScoringToggle, { workshop });

    const box = screen.getByRole('checkbox', { name: 'Private scoring' });
    expect(box).toHaveAccessibleDescription(
      'For one tablet passed between groups: each group sees only its own scores until you reveal them on the compare screen.',
    );
    expect(box).not.toBeChecked();
    await user.click(box);
    await waitFor(async () => expect((await db.workshops.get(workshop.id))?.privateScoring).toBe(true));
    const on = await db.workshops.get(workshop.id);
    expect(on?.revealedAt).toBeNull();
    expect((on?.updatedAt ?? '') > workshop.updatedAt).toBe(true);

    if (!on) throw new Error('stored workshop expected');
    await rerender({ workshop: on });
    expect(box).toBeChecked();
    await user.click(box);
    await waitFor(async () => expect((await db.workshops.get(workshop.id))?.privateScoring).toBe(false));
  });
});
