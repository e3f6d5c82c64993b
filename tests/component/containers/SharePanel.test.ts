import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import SharePanel from '../../../src/containers/SharePanel.svelte';
import type { WorkshopBundle } from '../../../src/domain/types.ts';
import { makeAction, makeAgreement, makeBundle, resetDb, storeBundle } from '../../factories.ts';
import { recordDownloads, restoreDownloads, type Download } from '../downloads.ts';

let bundle: WorkshopBundle;
let saved: Download[];

beforeEach(async () => {
  await resetDb();
  bundle = makeBundle(2, ['connectivity', 'data']);
  bundle.workshop = { ...bundle.workshop, name: 'Budget review', date: '2026-11-27' };
  bundle.agreements = [makeAgreement(bundle.workshop.id, 'connectivity', { rationale: 'Both groups said 2' })];
  bundle.actions = [makeAction(bundle.workshop.id, 'data', { what: 'List our data sets' })];
  await storeBundle(bundle);

  saved = recordDownloads();
});

afterEach(() => {
  restoreDownloads();
  for (const key of ['share', 'canShare']) delete (navigator as unknown as Record<string, unknown>)[key];
});

/** Renders the panel and waits until its files are built. */
async function renderPanel() {
  render(SharePanel, { props: { workshopId: bundle.workshop.id, appVersion: '1.2.3' } });
  const share = screen.getByRole('button', { name: 'Share' });
  await waitFor(() => expect(share).toBeEnabled());
  return share;
}

describe('SharePanel', () => {
  it('offers an email summary whose body names the workshop', async () => {
    await renderPanel();
    const link = await screen.findByRole('link', { name: 'Email summary' });
    const href = link.getAttribute('href')!;
    expect(href).toMatch(/^mailto:\?subject=/);
    const params = new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B'));
    expect(params.get('subject')).toBe('Budget review: workshop results, 27 November 2026');
    const body = params.get('body')!;
    expect(body.split('\r\n')[0]).toBe('Budget review');
    expect(body).toContain('- Connectivity: agreed 2 → 4');
    expect(body).toContain('Actions: 1 (0 done).');
  });

  it('downloads the three CSV files when the browser cannot share, and says so', async () => {
    const user = userEvent.setup();
    const share = await renderPanel();
    await user.click(share);
    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded 3 files: this browser cannot share files.');
    expect(saved.map((s) => s.name)).toEqual([
      'budget-review-2026-11-27-scores.csv',
      'budget-review-2026-11-27-agreed.csv',
      'budget-review-2026-11-27-actions.csv',
    ]);
    expect(saved[0]!.file.type).toBe('text/csv');
  });

  it('shares the CSV files, and the workshop file where the share sheet takes it', async () => {
    const shareSpy: Mock<(data: ShareData) => Promise<void>> = vi.fn(async () => {});
    Object.defineProperty(navigator, 'share', { configurable: true, value: shareSpy });
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: vi.fn(() => true) });
    const user = userEvent.setup();
    await user.click(await renderPanel());
    expect(await screen.findByRole('status')).toHaveTextContent('Shared 4 files.');
    const names = shareSpy.mock.calls[0]![0].files!.map((f) => f.name);
    expect(names).toEqual([
      'budget-review-2026-11-27-scores.csv',
      'budget-review-2026-11-27-agreed.csv',
      'budget-review-2026-11-27-actions.csv',
      'budget-review-2026-11-27.json',
    ]);
    expect(shareSpy.mock.calls[0]![0]).not.toHaveProperty('title');
    expect(saved).toEqual([]);
  });

  it('leaves the workshop file out where the share sheet refuses .json (Chrome on Android)', async () => {
    const shareSpy: Mock<(data: ShareData) => Promise<void>> = vi.fn(async () => {});
    Object.defineProperty(navigator, 'share', { configurable: true, value: shareSpy });
    Object.defineProperty(navigator, 'canShare', {
      configurable: true,
      value: vi.fn((data: ShareData) => !data.files?.some((f) => f.name.endsWith('.json'))),
    });
    const user = userEvent.setup();
    await user.click(await renderPanel());
    expect(await screen.findByRole('status')).toHaveTextContent('Shared 3 files.');
    expect(shareSpy.mock.calls[0]![0].files!.every((f) => f.name.endsWith('.csv'))).toBe(true);
  });

  it('says so when the share sheet is closed', async () => {
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: vi.fn(async () => Promise.reject(new DOMException('Share canceled', 'AbortError'))),
    });
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: vi.fn(() => true) });
    const user = userEvent.setup();
    await user.click(await renderPanel());
    expect(await screen.findByRole('status')).toHaveTextContent('Sharing cancelled: nothing was sent.');
    expect(saved).toEqual([]);
  });

  it('offers a second tap when the browser wants a fresh one', async () => {
    const shareSpy: Mock<(data: ShareData) => Promise<void>> = vi.fn(async () =>
      Promise.reject(new DOMException('Needs a tap', 'NotAllowedError')),
    );
    Object.defineProperty(navigator, 'share', { configurable: true, value: shareSpy });
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: vi.fn(() => true) });
    const user = userEvent.setup();
    await user.click(await renderPanel());
    expect(await screen.findByRole('status')).toHaveTextContent('The files are ready. Tap “Share now” to share them.');
    shareSpy.mockImplementation(async () => {});
    await user.click(screen.getByRole('button', { name: 'Share now' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Shared 4 files.');
    expect(screen.queryByRole('button', { name: 'Share now' })).not.toBeInTheDocument();
  });

  it('downloads one CSV file from its own button', async () => {
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Download actions (CSV)' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded budget-review-2026-11-27-actions.csv.');
    expect(saved.map((s) => s.name)).toEqual(['budget-review-2026-11-27-actions.csv']);
    const bytes = new Uint8Array(await saved[0]!.file.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\uFEFFOutcome,What,Owner,Due,Status\r\nData,List our data sets,Sam Patel,,Not started');
    expect(screen.getByRole('button', { name: 'Download scores (CSV)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download agreed scores (CSV)' })).toBeInTheDocument();
  });

  it('builds the files again when the workshop changes', async () => {
    const user = userEvent.setup();
    await renderPanel();
    await storeBundle({
      ...bundle,
      actions: [...bundle.actions, makeAction(bundle.workshop.id, 'value', { what: 'Count the savings' })],
    });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Email summary' }).getAttribute('href')).toContain('Actions%3A%202'),
    );
    await user.click(screen.getByRole('button', { name: 'Download actions (CSV)' }));
    const text = new TextDecoder().decode(new Uint8Array(await saved[0]!.file.arrayBuffer()));
    expect(text).toContain('Count the savings');
  });

  it('says when the workshop is not on this device', async () => {
    render(SharePanel, { props: { workshopId: 'no-such-workshop', appVersion: '1.2.3' } });
    expect(
      await screen.findByText('This workshop is not on this device, so there is nothing to share.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share' })).toBeDisabled();
  });
});
