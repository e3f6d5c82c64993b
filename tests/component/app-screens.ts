// For component tests that render the whole app and open it at a route.
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { render } from '@testing-library/svelte';
import App from '../../src/App.svelte';
import { router } from '../../src/state/router.svelte.ts';
import { resetDb } from '../factories.ts';

/** Call inside a `describe`: the router listens, each test starts with an empty database and leaves no route behind. */
export function withAppScreens(): void {
  beforeAll(() => router.start());
  beforeEach(async () => {
    await resetDb();
  });
  afterEach(() => {
    location.hash = '';
  });
}

/** Renders the app opened at `hash` (set first, and given a task to be seen, so the app starts there). */
export async function renderAppAt(hash = '#/') {
  location.hash = hash;
  await new Promise((r) => setTimeout(r, 0));
  return render(App);
}
