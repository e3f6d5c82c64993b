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

// Text typed just before the page last closed, and not yet in the database, is saved first: its
// transaction is the first this page starts, so every screen's reads and writes queue behind it.
// (With no drafts, the usual case, it costs nothing.)
const drafts = keptDrafts();
void recoverDrafts(drafts.map(([, draft]) => draft))
  .then(() => drafts.forEach(([key, draft]) => dropDraft(key, draft.at)))
  .catch((error: unknown) => console.error('Could not recover typed text', error));

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');
mount(App, { target });

// Work the first screen does not need waits until it has been painted: the frame, then a task (or
// a second at most, as a tab opened in the background gets no frames).
let started = false;
const afterFirstPaint = () => {
  if (started) return;
  started = true;
  appUpdate.start();
  // Deleted workshops stay restorable for the rest of the session; older ones are removed at start-up.
  void purgeDeletedWorkshops(new Date(Date.now() - 60 * 60 * 1000).toISOString()).catch(() => undefined);
};
requestAnimationFrame(() => setTimeout(afterFirstPaint));
setTimeout(afterFirstPaint, 1000);
