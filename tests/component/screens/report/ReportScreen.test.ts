import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { defaultFramework as framework } from '../../../../src/framework/frameworks.ts';
import { formatDate, todayIso } from '../../../../src/domain/workshop-input.ts';
import type { Rating, WorkshopBundle } from '../../../../src/domain/types.ts';
import { makeAction, makeAgreement, makeBundle, storeBundle } from '../../../factories.ts';
import { renderAppAt, withAppScreens } from '../../app-screens.ts';

/** The workshop loads from IndexedDB, which can take more than the default second on a busy machine. */
const loading = { timeout: 15_000 };

/** The definition beside a term in a description list, e.g. "3 Established" for "Now". */
function definition(container: HTMLElement, term: string): string | null | undefined {
  return within(container).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
}

/** Three groups scoring all 12 outcomes, one agreed score with words, evidence and two actions. */
function workshop(): WorkshopBundle {
  const bundle = makeBundle(
    3,
    framework.outcomes.map((o) => o.id),
  );
  bundle.workshop.name = 'Budget review';
  bundle.workshop.organisation = 'Exampleshire Council';
  bundle.workshop.facilitator = 'Sam Patel';
  ['Blue', 'Green', 'Red'].forEach((name, i) => {
    const group = bundle.groups[i];
    if (group) group.name = name;
  });
  const [blue, green] = bundle.groups;
  const set = (groupId: string | undefined, outcomeId: string, over: Partial<Rating>) => {
    bundle.ratings = bundle.ratings.map((r) =>
      r.groupId === groupId && r.outcomeId === outcomeId ? { ...r, ...over } : r,
    );
  };
  set(blue?.id, 'inclusion', { now: 1, target: 5, evidence: 'Assisted digital only in two libraries.' });
  set(green?.id, 'inclusion', { now: 1, target: 5, notes: 'Check the 2025 survey.' });
  const w = bundle.workshop.id;
  bundle.agreements = [
    makeAgreement(w, 'data', {
      now: 3,
      target: 5,
      rationale: 'A data strategy is in place and reported on.',
      dissent: 'Red thought 2: standards are patchy.',
    }),
  ];
  bundle.actions = [
    makeAction(w, 'data', {
      what: 'Publish data standards',
      owner: 'Priya Shah',
      due: '2027-03-31',
      status: 'in-progress',
    }),
    makeAction(w, 'inclusion', { what: 'Map assisted digital support', owner: 'Libraries', status: 'done' }),
  ];
  return bundle;
}

describe('report screen', { timeout: 40_000 }, () => {
  withAppScreens();
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the summary, agreed scores, evidence notes and action plan', async () => {
    const bundle = workshop();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/report`);

    const report = await screen.findByRole('article', { name: 'Budget review' }, loading);
    expect(within(report).getByRole('heading', { level: 1, name: 'Budget review' })).toBeInTheDocument();
    expect(report).toHaveTextContent('27 November 2026');
    expect(report).toHaveTextContent('Exampleshire Council');
    expect(report).toHaveTextContent('Sam Patel');
    expect(report).toHaveTextContent('Blue, Green, Red');
    for (const name of ['Agreed scores', 'Evidence notes', 'Action plan']) {
      expect(within(report).getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
    expect(within(report).getByRole('img', { name: /radar chart/i })).toBeInTheDocument();

    // The summary table: largest gap first (inclusion, median 1 → 5), agreed where agreed.
    const summary = within(report).getByRole('table', { name: /outcomes by gap/i });
    const rows = within(summary).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toHaveTextContent(/^Inclusion1\s*5\s*\+4\s*Median of 3 groups\s*Median \(3\)$/);
    // "Median (3)" is the short form a narrow screen shows; screen readers read only the full one.
    expect(within(rows[0] as HTMLElement).getByText('Median (3)')).toHaveAttribute('aria-hidden', 'true');
    const dataRow = within(summary).getByRole('rowheader', { name: 'Data' }).closest('tr');
    expect(dataRow).toHaveTextContent(/3\s*5\s*\+2\s*Agreed/);

    expect(report).toHaveTextContent(
      `Outcomes and statements: LGA, Socitm and Solace, 2022. Prepared with Outcomes Workshop on ${formatDate(todayIso())}.`,
    );
  });

  it('shows an agreed score with level names, rationale and dissent; others say they were not agreed', async () => {
    const bundle = workshop();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/report`);

    const agreed = await screen.findByRole('region', { name: 'Agreed scores' }, loading);
    const data = within(agreed).getByRole('heading', { level: 3, name: 'Data' }).parentElement;
    if (!data) throw new Error('no block for Data');
    expect(definition(data, 'Now')).toBe('3 Established');
    expect(definition(data, 'Target')).toBe('5 Leading');
    expect(data).toHaveTextContent('A data strategy is in place and reported on.');
    expect(data).toHaveTextContent('Red thought 2: standards are patchy.');

    const value = within(agreed).getByRole('heading', { level: 3, name: 'Value' }).parentElement;
    if (!value) throw new Error('no block for Value');
    expect(value).toHaveTextContent('Not agreed in the workshop.');
    expect(definition(value, 'Median now')).toBe('2');
    expect(definition(value, 'Range of now')).toBe('all 2');
    expect(value).toHaveTextContent('Median of 3 groups.');
  });

  it('lists evidence notes with group names, and the actions by outcome', async () => {
    const bundle = workshop();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/report`);

    const evidence = await screen.findByRole('region', { name: 'Evidence notes' }, loading);
    expect(
      within(evidence)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Inclusion']);
    const notes = within(evidence).getAllByRole('listitem');
    expect(notes.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Blue Evidence: Assisted digital only in two libraries.',
      'Green Notes: Check the 2025 survey.',
    ]);
    expect(evidence).not.toHaveTextContent('Red');

    const plan = screen.getByRole('table', { name: /actions by outcome/i });
    const row = within(plan).getByRole('cell', { name: 'Publish data standards' }).closest('tr');
    if (!row) throw new Error('no row for the action');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Publish data standards', 'Priya Shah', '31 March 2027', 'In progress']);
    // Grouped under outcome headings, in framework order.
    expect(
      within(plan)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Data', 'Inclusion']);
    expect(within(plan).getByRole('cell', { name: 'No date' })).toBeInTheDocument();
  });

  it('prints from the "Print or save as PDF" button, with a way back to the workshop', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const bundle = workshop();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/report`);

    await user.click(await screen.findByRole('button', { name: 'Print or save as PDF' }, loading));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Back to workshop' })).toHaveAttribute('href', `#/w/${bundle.workshop.id}`);
  });

  it('says so when the browser cannot print', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('print', () => {
      throw new Error('not supported');
    });
    const bundle = workshop();
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/report`);
    await user.click(await screen.findByRole('button', { name: 'Print or save as PDF' }, loading));
    expect(await screen.findByText(/cannot open the print dialog/)).toHaveAttribute('role', 'alert');
  });

  it('keeps private scores hidden until they are revealed', async () => {
    const bundle = workshop();
    bundle.workshop.privateScoring = true;
    await storeBundle(bundle);
    await renderAppAt(`#/w/${bundle.workshop.id}/report`);
    expect(
      await screen.findByText(/Scores are private until the facilitator reveals them/, {}, loading),
    ).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Print or save as PDF' })).toBeNull();
  });

  it('says when the workshop is not on this device', async () => {
    await renderAppAt('#/w/missing/report');
    expect(await screen.findByText('This workshop is not on this device.', {}, loading)).toBeInTheDocument();
  });
});
