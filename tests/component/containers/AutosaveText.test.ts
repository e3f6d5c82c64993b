import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { router } from '../../../src/state/router.svelte.ts';
import { db } from '../../../src/data/db.ts';
import { ratingId } from '../../../src/domain/ids.ts';
import { flushOnHide, TEXT_DEBOUNCE_MS } from '../../../src/state/text-save.ts';
import { makeGroup, makeRating, makeWorkshop, resetDb, storeBundle } from '../../factories.ts';
import { renderAppAt } from '../app-screens.ts';

const workshop = makeWorkshop();
const group = makeGroup(workshop.id, { name: 'Green' });
const id = ratingId(group.id, 'data');

async function open() {
  await renderAppAt(`#/w/${workshop.id}/g/${group.id}/data`);
  await screen.findByRole('heading', { level: 2, name: 'Data' });
}

describe('autosave of free text', () => {
  beforeAll(() => {
    router.start();
    flushOnHide();
  });
  beforeEach(async () => {
    await resetDb();
    await storeBundle({ workshop, groups: [group], ratings: [makeRating(group, 'data', { evidence: 'Old note' })] });
  });
  afterEach(() => {
    location.hash = '';
  });

  it('shows the stored text and saves typing after a pause, with no save button', async () => {
    await open();
    const evidence = screen.getByLabelText('Evidence');
    expect(evidence).toHaveValue('Old note');
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    await fireEvent.input(evidence, { target: { value: 'Data strategy signed off in March' } });
    // Not written on every keystroke...
    expect((await db.ratings.get(id))?.evidence).toBe('Old note');
    // ...but once typing pauses.
    await waitFor(async () => expect((await db.ratings.get(id))?.evidence).toBe('Data strategy signed off in March'), {
      timeout: TEXT_DEBOUNCE_MS * 5,
    });
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('writes waiting text at once when the page is hidden', async () => {
    await open();
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'Ask IT about the network' } });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    // Well before the debounce would have fired.
    await waitFor(async () => expect((await db.ratings.get(id))?.notes).toBe('Ask IT about the network'), {
      timeout: TEXT_DEBOUNCE_MS / 2,
    });
  });

  it('writes waiting text on pagehide', async () => {
    await open();
    await fireEvent.input(screen.getByLabelText('Evidence'), { target: { value: 'Typed just before closing' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect((await db.ratings.get(id))?.evidence).toBe('Typed just before closing'), {
      timeout: TEXT_DEBOUNCE_MS / 2,
    });
  });

  it('saves text to the outcome it was typed for when the screen moves on by a link before the pause ends', async () => {
    await storeBundle({
      workshop,
      groups: [group],
      ratings: [makeRating(group, 'connectivity', { now: 1, evidence: 'Connectivity evidence' })],
    });
    await open();
    await fireEvent.input(screen.getByLabelText('Evidence'), { target: { value: 'Typed for Data' } });
    // Leaving by the browser's Back or a link: not Next or Previous, which write waiting text first.
    location.hash = `#/w/${workshop.id}/g/${group.id}/connectivity`;
    await screen.findByRole('heading', { level: 2, name: 'Connectivity' });
    await waitFor(async () => expect((await db.ratings.get(id))?.evidence).toBe('Typed for Data'), {
      timeout: TEXT_DEBOUNCE_MS * 4,
    });
    expect(await db.ratings.get(ratingId(group.id, 'connectivity'))).toMatchObject({
      now: 1,
      evidence: 'Connectivity evidence',
    });
    expect(screen.getByLabelText('Evidence')).toHaveValue('Connectivity evidence');
  });

  it('shows a clear error when a write fails', async () => {
    await open();
    db.close();
    await fireEvent.input(screen.getByLabelText('Evidence'), { target: { value: 'Will not save' } });
    window.dispatchEvent(new Event('pagehide'));
    // The header's status, and the banner that stays in view with what to do.
    expect(
      await screen.findByText(
        'Not saved: the browser would not store your change. Export the workshop to keep a copy.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Not saved: the browser would not store your change' }),
    ).toBeInTheDocument();
    await db.open();
  });
});
