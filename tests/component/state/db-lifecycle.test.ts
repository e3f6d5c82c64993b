import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { router } from '../../../src/state/router.svelte.ts';
import { dbLifecycle } from '../../../src/state/db-lifecycle.svelte.ts';
import { db, DB_NAME, openDb } from '../../../src/data/db.ts';
import { ratingId } from '../../../src/domain/ids.ts';
import { makeGroup, makeWorkshop, resetDb, storeBundle } from '../../factories.ts';
import { renderAppAt } from '../app-screens.ts';

const workshop = makeWorkshop();
const group = makeGroup(workshop.id, { name: 'Blue' });

describe('a schema upgrade in another tab', () => {
  beforeAll(() => {
    router.start();
    dbLifecycle.start();
  });
  beforeEach(async () => {
    await resetDb();
    await storeBundle({ workshop, groups: [group], ratings: [] });
  });
  afterEach(() => {
    location.hash = '';
  });

  it('saves the text still waiting, lets the other tab upgrade, and asks to reload', async () => {
    await renderAppAt(`#/w/${workshop.id}/g/${group.id}/data`);
    await screen.findByRole('heading', { level: 2, name: 'Data' });
    await fireEvent.input(screen.getByLabelText('Evidence'), { target: { value: 'Typed as the other tab upgraded' } });

    // Another tab opens the database at a newer version (as a new release of the app would).
    const other = openDb(DB_NAME);
    other.version(db.verno + 1).stores({ extra: 'id' });
    await other.open(); // resolves only once this tab has let go of the database
    const saved = await other.table('ratings').get(ratingId(group.id, 'data'));
    expect(saved?.evidence).toBe('Typed as the other tab upgraded');
    expect(await screen.findByText(/was updated in another tab/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload this tab' })).toBeInTheDocument();
    other.close();
    await waitFor(() => expect(dbLifecycle.upgradedElsewhere).toBe(true));
  });
});
