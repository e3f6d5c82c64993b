import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { defaultFramework as framework } from '../../../../src/framework/frameworks.ts';
import type { Rating, WorkshopBundle } from '../../../../src/domain/types.ts';
import { makeAction, makeAgreement, makeBundle, ratingChange, storeBundle } from '../../../factories.ts';
import { showing } from '../../../../src/state/on-screen.ts';
import { loadBundle } from '../../../../src/data/bundles.ts';
import { writeScore } from '../../../../src/data/scores.ts';
import { renderAppAt, withAppScreens } from '../../app-screens.ts';

const allOutcomes = framework.outcomes.map((o) => o.id);

/**
 * Three groups that score every outcome 2 → 4, except: inclusion splits them (1, 4, 4); value is
 * spread over neighbouring levels (1, 2, 3); Adults are not sure about data (-, 2, 3); and everyone
 * puts leadership at 1 → 5, the widest gap.
 */
function threeGroups(): WorkshopBundle {
  const bundle = makeBundle(3, allOutcomes);
  const names = ['Adults', 'Children', 'Place'];
  bundle.groups.forEach((g, i) => {
    g.name = names[i] ?? g.name;
    g.createdAt = `2026-11-27T09:0${i}:00.000Z`;
  });
  const set = (groupIndex: number, outcomeId: string, over: Partial<Rating>) => {
    const groupId = bundle.groups[groupIndex]?.id;
    bundle.ratings = bundle.ratings.map((r) =>
      r.groupId === groupId && r.outcomeId === outcomeId ? { ...r, ...over } : r,
    );
  };
  set(0, 'inclusion', { now: 1 });
  set(1, 'inclusion', { now: 4, target: 5 });
  set(2, 'inclusion', { now: 4, target: 5 });
  set(0, 'value', { now: 1 });
  set(2, 'value', { now: 3 });
  set(0, 'data', { now: 'not-sure' });
  set(2, 'data', { now: 3 });
  for (const g of [0, 1, 2]) set(g, 'leadership', { now: 1, target: 5 });
  return bundle;
}

async function table() {
  return screen.findByRole('table', { name: /each group’s now level/i });
}

// The table is large (12 rows, a dozen columns): reading it by selector keeps these tests fast, and
// the tests below still find the table itself, the controls and the links by role and name.

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A row header's name: the outcome title it is labelled by (it also holds the flag and the link). */
const headerName = (th: Element) => text(document.getElementById(th.getAttribute('aria-labelledby') ?? '') ?? th);

/** Outcome titles in the table's row order. */
function rowTitles(t: HTMLElement): string[] {
  return [...t.querySelectorAll('tbody th')].map(headerName);
}

/** An outcome's row header: its title, any flag, any agreed score and the link to agree it. */
function rowHeader(t: HTMLElement, title: string): HTMLElement {
  const th = [...t.querySelectorAll<HTMLElement>('tbody th')].find((h) => headerName(h) === title);
  if (!th) throw new Error(`no row for ${title}`);
  return th;
}

/** The text of a row's cells, keyed by column header. */
function rowByHeader(t: HTMLElement, title: string): Record<string, string> {
  const headers = [...t.querySelectorAll('thead th')].map(text);
  const row = rowHeader(t, title).closest('tr');
  if (!row) throw new Error(`no row for ${title}`);
  const cells = [...row.querySelectorAll('th, td')].map(text);
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

/** The disagreement flag in an outcome's row header, or '' for none. */
const flagOf = (t: HTMLElement, title: string) =>
  text(rowHeader(t, title).querySelector('.flag') ?? document.createElement('i'));

// Each test renders the whole app with two charts and a large table, which is slow in jsdom.
describe('compare screen', { timeout: 40_000 }, () => {
  withAppScreens();

  it('puts the split outcome first and flags it, with a way back to the workshop', async () => {
    const bundle = threeGroups();
    await storeBundle(bundle);
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Compare groups' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to workshop' })).toHaveAttribute('href', `#/w/${bundle.workshop.id}`);

    const t = await table();
    expect(screen.getByRole('radio', { name: 'Disagreement' })).toBeChecked();
    // Inclusion splits (1 against 4, 4); value is 2 apart over neighbouring levels; data differs by 1.
    expect(rowTitles(t).slice(0, 3)).toEqual(['Inclusion', 'Value', 'Data']);
    expect(flagOf(t, 'Inclusion')).toBe('Split');
    expect(flagOf(t, 'Value')).toBe('2+ apart');
    expect(flagOf(t, 'Data')).toBe('');
    // The rest agree (range 0) and follow in framework order.
    expect(rowTitles(t).slice(3)).toEqual(
      framework.outcomes.map((o) => o.title).filter((title) => !['Inclusion', 'Value', 'Data'].includes(title)),
    );

    // The spread chart follows the same order, and says which outcome splits.
    const spreadSection = screen.getByRole('region', { name: 'Spread by outcome' });
    const spread = within(spreadSection).getByRole('img', { name: /^Spread of each group’s now level/ });
    expect(spread).toHaveAccessibleName(expect.stringContaining('Split into two camps: Inclusion.'));
    const rows = [...container.querySelectorAll('.row[data-outcome]')].map((r) => r.getAttribute('data-outcome'));
    expect(rows.slice(0, 3)).toEqual(['inclusion', 'value', 'data']);
    expect(screen.getByText(/1 outcome split/)).toBeInTheDocument();
  });

  it('draws at once from the copy the workshop screen showed, then shows what the database holds', async () => {
    const stored = threeGroups();
    await storeBundle(stored);
    // The workshop screen showed an older copy, in which Adults scored inclusion 3 (now 1 in the database).
    const older = structuredClone(stored);
    const adults = older.groups[0]?.id;
    older.ratings = older.ratings.map((r) =>
      r.groupId === adults && r.outcomeId === 'inclusion' ? { ...r, now: 3 } : r,
    );
    older.workshop = { ...older.workshop, name: 'Name before the change' };
    // As if the workshop screen were still showing it (left() and the two seconds are unit-tested).
    showing(older);
    await renderAppAt(`#/w/${stored.workshop.id}/compare`);
    // Drawn from the copy before the database has answered (once the screen's code has loaded)...
    expect(await screen.findByText('Name before the change')).toBeInTheDocument();
    // ...and then what is stored replaces it.
    expect(await screen.findByText(stored.workshop.name)).toBeInTheDocument();
    expect(screen.queryByText('Name before the change')).not.toBeInTheDocument();
    expect(rowByHeader(await table(), 'Inclusion')['Adults']).toMatch(/^1\b/);
  });

  /**
   * Opens the compare screen as if from the workshop screen, which showed `copy`, and records every
   * change to the table's body in the next half second (the database answers within a few
   * milliseconds here).
   */
  async function openFromCopy(stored: WorkshopBundle, copy: WorkshopBundle) {
    showing(copy);
    await renderAppAt(`#/w/${stored.workshop.id}/compare`);
    const t = await table();
    const body = t.querySelector('tbody');
    const firstCell = t.querySelector('tbody td.heat');
    if (!body || !firstCell) throw new Error('no heat cells');
    const changed: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changed.push(...records));
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { t, firstCell, changed, observer };
  }

  it('draws again when the database answers with anything other than the copy, even what this screen does not show', async () => {
    const stored = threeGroups();
    await storeBundle(stored);
    const copy = await loadBundle(stored.workshop.id);
    if (!copy) throw new Error('not stored');
    // An action the database does not hold: not on this screen, but the answer differs from the copy.
    copy.actions = [makeAction(stored.workshop.id, 'data')];
    const { firstCell, changed, observer } = await openFromCopy(stored, copy);
    observer.disconnect();
    // So the table was first drawn from the copy, and the answer came within the half second.
    expect(changed.length).toBeGreaterThan(0);
    expect(firstCell.isConnected).toBe(false);
  });

  it('keeps what it drew from the copy when the database holds the same, and still follows later changes', async () => {
    const stored = threeGroups();
    await storeBundle(stored);
    // The copy the workshop screen showed: read by the same query, so equal to what is stored.
    const copy = await loadBundle(stored.workshop.id);
    if (!copy) throw new Error('not stored');
    const { t, firstCell, changed, observer } = await openFromCopy(stored, copy);
    // The same half second in which a different answer draws the table again (the test above).
    expect(changed).toEqual([]);
    expect(firstCell.isConnected).toBe(true);
    // The screen's own live query is running: a change made now is shown.
    const adults = stored.groups[0];
    if (!adults) throw new Error('no group');
    await writeScore(ratingChange(adults, 'inclusion', { now: 3 }));
    await waitFor(() => expect(rowByHeader(t, 'Inclusion')['Adults']).toMatch(/^3\b/));
    observer.disconnect();
    expect(changed.length).toBeGreaterThan(0);
  });

  it('shows each group’s score as a number in its shaded cell, with the median and range', async () => {
    const bundle = threeGroups();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    const t = await table();
    expect(rowByHeader(t, 'Inclusion')).toMatchObject({
      Adults: '1 Starting',
      Children: '4 Embedded',
      Place: '4 Embedded',
      Median: '4',
      Range: '3 (1– to 4)',
      'Gap to target': '+1 target 5',
    });
    const cell = within(t).getByRole('rowheader', { name: 'Inclusion' }).closest('tr')?.querySelector('td');
    // The shade is never alone: the number is in the cell.
    expect(cell).toHaveClass('heat-1');
    // Where it is wider than the screen, the table scrolls in a region keyboard users can reach.
    const region = screen.getByRole('region', { name: /each group’s now level/i });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table')).toBe(t);
  });

  it('counts "not sure" and leaves it out of the median', async () => {
    const bundle = threeGroups();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    const t = await table();
    // Data: Adults not sure, Children 2, Place 3: the median is of 2 and 3 only.
    // The count of "not sure" answers is under the range they are left out of.
    expect(rowByHeader(t, 'Data')).toMatchObject({
      Adults: 'Not sure',
      Median: '2.5',
      Range: '1 (2– to 3) 1 not sure',
      'Gap to target': '+1.5 target 4',
    });
    expect(rowByHeader(t, 'Inclusion').Range).not.toMatch(/not sure/);
    const dataRow = document.querySelector('.row[data-outcome="data"]');
    expect(dataRow).toHaveTextContent('1 not sure');
    expect(dataRow?.querySelector('[data-median]')).toHaveAttribute('data-median', '2.5');
    // Adults' not sure draws no marker.
    expect(dataRow?.querySelectorAll('.dot')).toHaveLength(2);
  });

  it('reorders by the gap between now and target, and back to framework order', async () => {
    const user = userEvent.setup();
    const bundle = threeGroups();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    const t = await table();
    await user.click(screen.getByRole('radio', { name: 'Gap between now and target' }));
    // Leadership 1 → 5 (gap 4) first; then those at 2 → 4 (gap 2) in framework order; data 2.5 → 4
    // (1.5); inclusion 4 → 5 (1) last.
    await waitFor(() => expect(rowTitles(t)[0]).toBe('Leadership'));
    expect(rowByHeader(t, 'Leadership')['Gap to target']).toBe('+4 target 5');
    expect(rowTitles(t).slice(1, 3)).toEqual(['Connectivity', 'Democracy and participation']);
    expect(rowTitles(t).slice(-2)).toEqual(['Data', 'Inclusion']);
    expect(t).toHaveAccessibleName(/ordered by gap between now and target/);

    await user.click(screen.getByRole('radio', { name: 'Framework order' }));
    await waitFor(() => expect(rowTitles(t)).toEqual(framework.outcomes.map((o) => o.title)));
  });

  it('hides a group’s markers on both charts, but keeps it in the table and the figures', async () => {
    const user = userEvent.setup();
    const bundle = threeGroups();
    await storeBundle(bundle);
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    const t = await table();
    const adults = bundle.groups[0]?.id ?? '';
    const markers = (groupId: string) => container.querySelectorAll(`svg [data-group="${groupId}"]`);

    // Radar (drawn just after the screen's first frame): a marker per outcome, plus its shape;
    // spread: a marker per outcome.
    await waitFor(() => expect(markers(adults).length).toBeGreaterThan(12));
    const toggle = screen.getByRole('checkbox', { name: 'Show Adults' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(markers(adults)).toHaveLength(0));
    expect(markers(bundle.groups[1]?.id ?? '').length).toBeGreaterThan(12);
    expect(screen.getByRole('img', { name: /Radar chart of now levels for 2 of 3 groups/ })).toBeInTheDocument();
    // The table and the figures still count Adults.
    expect(rowByHeader(t, 'Inclusion')).toMatchObject({ Adults: '1 Starting' });
    expect(flagOf(t, 'Inclusion')).toBe('Split');

    await user.click(toggle);
    await waitFor(() => expect(markers(adults).length).toBeGreaterThan(12));
  });

  it('draws the agreed scores once any are set, and links each outcome to agreeing it', async () => {
    const user = userEvent.setup();
    const bundle = threeGroups();
    await storeBundle({
      ...bundle,
      agreements: [makeAgreement(bundle.workshop.id, 'inclusion', { now: 3, target: 5 })],
    });
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    const t = await table();

    // The agreed score and the link to agree are in the outcome's (sticky) column, under its title;
    // the row header is still named by the title alone.
    const inclusion = within(t).getByRole('rowheader', { name: 'Inclusion' });
    expect(text(inclusion)).toBe('Inclusion Split Agreed: now 3 →, target 5 Agree Inclusion');
    expect(text(within(t).getByRole('rowheader', { name: 'Data' }))).toBe('Data Agree Data');
    expect(within(inclusion).getByRole('link', { name: 'Agree Inclusion' })).toHaveAttribute(
      'href',
      `#/w/${bundle.workshop.id}/agree/inclusion`,
    );

    const agreed = () => container.querySelectorAll('svg [data-group="agreed"]');
    // One agreed outcome: a marker on the radar and on the spread chart, but no shape through it yet.
    await waitFor(() =>
      expect(container.querySelectorAll('svg [data-group="agreed"] [data-point="now"]')).toHaveLength(1),
    );
    expect(container.querySelectorAll('svg [data-group="agreed"] [data-shape]')).toHaveLength(0);
    expect(container.querySelectorAll('.dot[data-group="agreed"]')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /and the agreed scores/ })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show the Agreed scores' }));
    await waitFor(() => expect(agreed()).toHaveLength(0));
  });

  it('joins the agreed scores into a shape on the radar once every outcome is agreed', async () => {
    const bundle = threeGroups();
    await storeBundle({
      ...bundle,
      agreements: allOutcomes.map((o) => makeAgreement(bundle.workshop.id, o, { now: 3, target: 4 })),
    });
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    await table();
    await waitFor(() =>
      expect(container.querySelectorAll('svg [data-group="agreed"] [data-point="now"]')).toHaveLength(12),
    );
    expect(container.querySelectorAll('svg [data-group="agreed"] [data-shape="now"]')).toHaveLength(1);
  });

  it('offers no agreed series before anything is agreed', async () => {
    const bundle = threeGroups();
    await storeBundle(bundle);
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    await table();
    expect(screen.queryByRole('checkbox', { name: /Agreed/ })).toBeNull();
    expect(container.querySelectorAll('svg [data-group="agreed"]')).toHaveLength(0);
  });

  it('with more than 8 groups starts the charts with the median only, and draws the groups chosen', async () => {
    const user = userEvent.setup();
    const bundle = makeBundle(9, allOutcomes);
    await storeBundle(bundle);
    const { container } = await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    const t = await table();
    const first = bundle.groups[0];
    const markers = (groupId: string) => container.querySelectorAll(`svg [data-group="${groupId}"]`);
    await screen.findByRole('img', {
      name: /Radar chart of now levels for the median of the groups and 0 of 9 groups/,
    });
    expect(container.querySelectorAll('svg [data-group="median"] [data-point="now"]')).toHaveLength(12);
    expect(markers(first?.id ?? '')).toHaveLength(0);
    expect(screen.getByRole('group', { name: 'Show on the charts' })).toHaveAccessibleDescription(
      /radar shows their median/,
    );
    // The table has every group.
    expect(t.querySelectorAll('tbody tr:first-child td[data-group]')).toHaveLength(9);

    // The groups' checkboxes are folded away until asked for.
    const choose = screen.getByRole('button', { name: /Choose groups to draw/ });
    expect(choose).toHaveAttribute('aria-expanded', 'false');
    expect(choose).toHaveTextContent('(none drawn)');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    await user.click(choose);
    expect(choose).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('checkbox')).toHaveLength(9);

    await user.click(screen.getByRole('checkbox', { name: `Show ${first?.name}` }));
    await waitFor(() => expect(markers(first?.id ?? '').length).toBeGreaterThan(12));
    expect(screen.getByRole('img', { name: /median of the groups and 1 of 9 groups/ })).toBeInTheDocument();
    expect(choose).toHaveTextContent('(1 of 9 drawn)');
  });

  it('says there is nothing to compare before anyone has scored', async () => {
    const bundle = makeBundle(2, []);
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/compare`);
    expect(await screen.findByText(/No scores yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when the workshop is not on this device', async () => {
    await renderAppAt('#/w/missing/compare');
    expect(await screen.findByText('This workshop is not on this device.')).toBeInTheDocument();
  });
});
