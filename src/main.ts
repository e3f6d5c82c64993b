import { mount } from 'svelte';
import './ui/styles/app.css';
import App from './App.svelte';
import { router } from './state/router.svelte.ts';
import { appUpdate } from './state/app-update.svelte.ts';
import { flushOnHide } from './state/text-save.ts';
import { dbLifecycle } from './state/db-lifecycle.svelte.ts';
import { afterDatabase, loadDatabase } from './state/database.ts';
import { afterFirstPaint } from './state/first-paint.ts';

router.start();
flushOnHide();
// The database code downloads once the first screen has been painted; text typed just before the
// page last closed is recovered as soon as it arrives, before anything else uses the database.
void loadDatabase();
dbLifecycle.start();

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');
mount(App, { target });

// Work the first screen does not need waits until it has been painted.
void afterFirstPaint().then(() => {
  appUpdate.start();
  // Deleted workshops stay restorable for the rest of the session; older ones are removed at start-up.
  void afterDatabase(() => import('./data/workshops.ts'))
    .then(({ purgeDeletedWorkshops }) => purgeDeletedWorkshops(new Date(Date.now() - 60 * 60 * 1000).toISOString()))
    .catch(() => undefined);
});
