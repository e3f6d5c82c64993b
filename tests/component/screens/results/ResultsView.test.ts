import { describe, it, expect } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import ResultsView from '../../../../src/screens/results/ResultsView.svelte';
import { defaultFramework as framework } from '../../../../src/framework/frameworks.ts';
import type { Rating, WorkshopBundle } from '../../../../src/domain/types.ts';
import { makeBundle } from '../../../factories.ts';

const allOutcomes = framework.outcomes.map((o) => o.id);

/** Three named groups scoring every outcome 2 → 4, with a few answers changed per test below. */
function threeGroups(): WorkshopBundle {
  const bundle = makeBundle(3, allOutcomes);
  const names = ['Adults', 'Children', 'Place'];
  bundle.groups.forEach((g, i) => (g.name = names[i] ?? g.name));
  const [adults, children, place] = bundle.groups;
  const set = (groupId: string | undefined, outcomeId: string, over: Partial<Rating>) => {
    bundle.ratings = bundle.ratings.map((r) =>
      r.groupId === groupId && r.outcomeId === outcomeId ? { ...r, ...over } : r,
    );
  };
  set(adults?.id, 'data', { now: 3, target: 5 });
  set(children?.id, 'data', { now: 'not-sure', target: 4 });
  set(place?.id, 'value', { now: 1, target: null });
  // Place has not looked at inclusion at all.
  bundle.ratings = bundle.ratings.filter((r) => !(r.groupId === place?.id && r.outcomeId === 'inclusion'));
  return bundle;
}

/** The cells of an outcome's row, in column order: each group's Now then Target. */
function rowCells(title: string): string[] {
  const table = screen.getByRole('table', { name: /now and target levels for each outcome/i });
  const row = within(table).getByRole('rowheader', { name: title }).closest('tr');
  if (!row) throw new Error(`no row for ${title}`);
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('ResultsView', () => {
  it('shows each group’s now and target for each outcome in the table', () => {
    render(ResultsView, { framework, bundle: threeGroups() });

    expect(screen.getAllByRole('rowheader')).toHaveLength(12);
    for (const name of ['Adults', 'Children', 'Place']) {
      expect(screen.getByRole('columnheader', { name })).toHaveAttribute('scope', 'colgroup');
    }
    expect(screen.getAllByRole('columnheader', { name: 'Now' })).toHaveLength(3);
    expect(screen.getAllByRole('columnheader', { name: 'Target' })).toHaveLength(3);

    // Adults now, Adults target, Children now, Children target, Place now, Place target.
    expect(rowCells('Data')).toEqual([
      '3 Established',
      '5 Leading',
      'Not sure',
      '4 Embedded',
      '2 Developing',
      '4 Embedded',
    ]);
    expect(rowCells('Value')).toEqual([
      '2 Developing',
      '4 Embedded',
      '2 Developing',
      '4 Embedded',
      '1 Starting',
      '– not scored',
    ]);
    expect(rowCells('Inclusion').slice(4)).toEqual(['– not scored', '– not scored']);
  });

  it('puts the table in a named region that keyboard users can scroll', () => {
    render(ResultsView, { framework, bundle: threeGroups() });
    const region = screen.getByRole('region', { name: /now and target levels for each outcome/i });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table')).toBeInTheDocument();
  });

  it('draws a named radar chart with one shape per group for now and for target', () => {
    const { container } = render(ResultsView, { framework, bundle: threeGroups() });

    const chart = screen.getByRole('img', {
      name: 'Radar chart of now and target levels for 3 groups across 12 outcomes',
    });
    expect(chart).toHaveAccessibleDescription(/same figures are in the table/);
    for (const outcome of framework.outcomes) {
      const words = outcome.title.split(' ');
      for (const word of words) expect(chart.textContent).toContain(word);
    }
    expect(container.querySelectorAll('[data-shape="now"]')).toHaveLength(3);
    expect(container.querySelectorAll('[data-shape="target"]')).toHaveLength(3);
  });

  it('leaves "not sure" and unscored answers off the chart', () => {
    const bundle = threeGroups();
    const [, children, place] = bundle.groups;
    const { container } = render(ResultsView, { framework, bundle });
    const markers = (groupId: string | undefined, kind: 'now' | 'target') =>
      container.querySelectorAll(`g.markers[data-group="${groupId}"] [data-point="${kind}"]`);

    expect(markers(children?.id, 'now')).toHaveLength(11);
    expect(
      container.querySelector(`g.markers[data-group="${children?.id}"] [data-point="now"][data-outcome="data"]`),
    ).toBeNull();
    expect(markers(children?.id, 'target')).toHaveLength(12);
    expect(markers(place?.id, 'now')).toHaveLength(11);
    expect(markers(place?.id, 'target')).toHaveLength(10);
  });

  it('lists the groups in the legend, with the line styles', () => {
    render(ResultsView, { framework, bundle: threeGroups() });
    const groups = screen.getByRole('list', { name: 'Groups' });
    expect(
      within(groups)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.trim()),
    ).toEqual(['Adults', 'Children', 'Place']);
    const key = screen.getByRole('list', { name: 'Line styles' });
    expect(within(key).getByText(/^Now/)).toBeInTheDocument();
    expect(within(key).getByText(/^Target/)).toBeInTheDocument();
  });

  it('draws no shape for a group with fewer than 3 answers, but still marks its points', () => {
    const { container } = render(ResultsView, { framework, bundle: makeBundle(1, ['data', 'value']) });
    expect(container.querySelectorAll('[data-shape]')).toHaveLength(0);
    expect(container.querySelectorAll('[data-point="now"]')).toHaveLength(2);
    expect(screen.getByRole('img', { name: /1 group across 12 outcomes/ })).toBeInTheDocument();
  });

  it('says there are no scores yet when there are no groups', () => {
    render(ResultsView, { framework, bundle: makeBundle(0) });
    expect(
      screen.getByText('No scores yet. Open a group from the workshop page to start scoring.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says there are no scores yet when groups have answered nothing', () => {
    const bundle = makeBundle(2);
    bundle.ratings = bundle.ratings.map((r) => ({ ...r, now: null, target: null }));
    render(ResultsView, { framework, bundle });
    expect(screen.getByText(/No scores yet/)).toBeInTheDocument();
  });
});
