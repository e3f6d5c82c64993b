import { onUpgradeElsewhere } from '../data/db-events.ts';
import { flushPendingText } from './pending-text.ts';

/** Whether another tab has upgraded the database, so this tab must reload before it can save again. */
class DbLifecycle {
  upgradedElsewhere = $state(false);

  /** Starts listening; call once at start-up. */
  start(): void {
    onUpgradeElsewhere(flushPendingText, () => {
      this.upgradedElsewhere = true;
    });
  }
}

export const dbLifecycle = new DbLifecycle();
