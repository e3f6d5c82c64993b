import { mount } from 'svelte';
import './ui/styles/app.css';
import App from './App.svelte';
import { router } from './state/router.svelte.ts';
import { appUpdate } from './state/app-update.svelte.ts';
import { flushOnHide } from './state/pending-text.ts';
import { dbLifecycle } from './state/db-lifecycle.svelte.ts';
import { purgeDeletedWorkshops } from './data/workshops.ts';
import { recoverDrafts } from './data/draft-recovery.ts';
import { dropDraft, keptDrafts } from './state/text-drafts.ts';

router.start();
flushOnHide();
dbLifecycle.start();
appUpdate.start();
// Deleted workshops stay restorable for the rest of the session; older ones are removed at start-up.
void purgeDeletedWorkshops(new Date(Date.now() - 60 * 60 * 1000).toISOString()).catch(() => undefined);

// Text typed just before the page last closed, and not yet in the database, is saved first.
const drafts = keptDrafts();
void recoverDrafts(drafts.map(([, draft]) => draft))
  .then(() => drafts.forEach(([key, draft]) => dropDraft(key, draft.at)))
  .catch((error: unknown) => console.error('Could not recover typed text', error));

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');
mount(App, { target });
