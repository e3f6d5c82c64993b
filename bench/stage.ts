// What every stage is given and what it gives back, so the entry can run them alike.
import type { BrowserContext } from 'playwright-core';
import type { AppServer } from '../tests/e2e/harness.ts';
import type { SizeReport } from './sizes.ts';
import type { Result } from './stats.ts';

export interface StageContext {
  context: BrowserContext;
  /** The app and the baseline app, both installed and served offline by their service workers. */
  app: AppServer;
  base: AppServer;
  baseSizes: SizeReport;
}

export interface StageReport {
  results: Result[];
  /** Printed under the table. */
  notes: string[];
  /** The CPU throttling measured in the stage's page (work throttled over the same work unthrottled). */
  throttle: number;
}
