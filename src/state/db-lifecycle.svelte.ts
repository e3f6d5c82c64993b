import { flushPendingText } from './text-save.ts';
import { afterDatabase } from './database.ts';

/** Whether another tab has upgraded the database, so this tab must reload before it can save again. */
class DbLifecycle {
  upgradedElsewhere = $state(false);

  /** Starts listening (once the database code has loaded); call once at start-up. */
  start(): void {
    void afterDatabase(() => import('../data/db-events.ts')).then(({ onUpgradeElsewhere }) =>
      onUpgradeElsewhere(flushPendingText, () => {
        this.upgradedElsewhere = true;
      }),
    );
  }
}

export const dbLifecycle = new DbLifecycle();
