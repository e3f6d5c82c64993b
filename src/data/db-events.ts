import { db } from './db.ts';

/**
 * When another tab opens a newer version of the database, this tab must let go of it, or the other
 * tab's upgrade is blocked. Dexie's default closes at once; instead we first let `beforeClose` write
 * anything still waiting (typed text), then close, and tell the user to reload.
 */
export function onUpgradeElsewhere(beforeClose: () => Promise<void>, afterClose: () => void): void {
  db.on('versionchange', () => {
    void beforeClose()
      .catch(() => undefined)
      .finally(() => {
        db.close({ disableAutoOpen: false });
        afterClose();
      });
    // Returning false stops Dexie's own handler, which would close before the text is written.
    return false;
  });
}
