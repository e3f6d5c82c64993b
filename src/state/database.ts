import { afterFirstPaint } from './first-paint.ts';
import { recoverDrafts } from './text-save.ts';

type DbModule = typeof import('../data/db.ts');
let loading: Promise<DbModule> | undefined;

/**
 * Loads the database code (Dexie is half the app's script: left out of the first download, the home
 * screen's heading and button show before it arrives) and, before handing it to anyone, starts the
 * recovery of text typed just before the page last closed. Everything that uses the database waits
 * for this, so the recovery's transactions are the first the page starts and no screen's write can
 * overwrite the drafts first. (With no drafts, the usual case, it costs nothing.)
 *
 * The first call waits for the first screen to be painted: starting the downloads (and evaluating
 * Dexie) while the first screen was being built cost about a fifth of a throttled cold start.
 */
export function loadDatabase(): Promise<DbModule> {
  loading ??= afterFirstPaint()
    .then(() => Promise.all([import('../data/db.ts'), import('../data/scores.ts')]))
    .then(([dbModule, { writeScore }]) => {
      void recoverDrafts(writeScore).catch((error: unknown) => console.error('Could not recover typed text', error));
      return dbModule;
    });
  return loading;
}

/**
 * Loads a module that uses the database (a screen, a data function), after `loadDatabase`. Like the
 * database code, it starts to download once the first screen has been painted; then both download
 * at once.
 */
export function afterDatabase<M>(load: () => Promise<M>): Promise<M> {
  return Promise.all([loadDatabase(), afterFirstPaint().then(load)]).then(([, module]) => module);
}
