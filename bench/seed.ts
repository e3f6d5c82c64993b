// Test data, written straight into the app's IndexedDB from the page once the app has created it,
// and read back from a second connection to check what a stage saved.
import type { Page } from 'playwright-core';
import { lga2022 } from '../src/framework/lga-2022.ts';
import { DB_NAME } from './config.ts';

export interface SeedWorkshop {
  id: string;
  name: string;
  date: string;
  groups: number;
  /** How many outcomes each group has scored (the first ones). */
  rated: number;
}

export const OUTCOME_IDS = lga2022.outcomes.map((o) => o.id);

/** Waits until the app has created (and upgraded) its database, so opening it here never creates it. */
async function waitForAppDb(page: Page): Promise<void> {
  await page.waitForFunction(
    async (name) => (await indexedDB.databases()).some((d) => d.name === name && (d.version ?? 0) > 1),
    DB_NAME,
    { timeout: 15_000, polling: 100 },
  );
}

export async function clearDb(page: Page): Promise<void> {
  await waitForAppDb(page);
  await page.evaluate(async (name) => {
    const db = await window.__bench!.openExisting(name);
    const stores = ['workshops', 'groups', 'ratings', 'agreements', 'actions'];
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) tx.objectStore(s).clear();
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, DB_NAME);
}

export async function seedDb(page: Page, workshops: SeedWorkshop[]): Promise<{ groups: number; ratings: number }> {
  await waitForAppDb(page);
  return page.evaluate(
    async ({ name, workshops, outcomeIds, framework }) => {
      const db = await window.__bench!.openExisting(name);
      let seed = 12345;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const stamp = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
      const tx = db.transaction(['workshops', 'groups', 'ratings'], 'readwrite');
      let groupCount = 0;
      let ratingCount = 0;
      workshops.forEach((w, wi) => {
        const at = stamp(wi * 10);
        tx.objectStore('workshops').put({
          id: w.id,
          name: w.name,
          organisation: 'Exampleshire Council',
          date: w.date,
          facilitator: 'Sam Patel',
          frameworkId: framework.id,
          frameworkVersion: framework.version,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          privateScoring: false,
          revealedAt: null,
        });
        for (let g = 0; g < w.groups; g += 1) {
          const groupId = `${w.id}-g${g}`;
          tx.objectStore('groups').put({
            id: groupId,
            workshopId: w.id,
            name: `Group ${g + 1}`,
            createdAt: at,
            updatedAt: at,
          });
          groupCount += 1;
          for (const outcomeId of outcomeIds.slice(0, w.rated)) {
            const now = 1 + Math.floor(random() * 5);
            tx.objectStore('ratings').put({
              id: `${groupId}/${outcomeId}`,
              workshopId: w.id,
              groupId,
              outcomeId,
              now: random() < 0.08 ? 'not-sure' : now,
              target: Math.min(5, now + Math.floor(random() * 3)),
              confidence: ['low', 'medium', 'high'][Math.floor(random() * 3)],
              evidence:
                random() < 0.5 ? 'Staff survey 2025 and the service review; two teams still on paper forms.' : '',
              notes: random() < 0.3 ? 'Check with the digital lead.' : '',
              updatedAt: at,
            });
            ratingCount += 1;
          }
        }
      });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return { groups: groupCount, ratings: ratingCount };
    },
    { name: DB_NAME, workshops, outcomeIds: OUTCOME_IDS, framework: { id: lga2022.id, version: lga2022.version } },
  );
}

/** Reads records by key from a second connection (a separate read transaction). */
export async function readRecords(page: Page, store: string, index: string | null, key: string): Promise<unknown[]> {
  return page.evaluate(
    async ({ name, store, index, key }) => {
      const db = await window.__bench!.openExisting(name);
      const os = db.transaction(store, 'readonly').objectStore(store);
      const req = index ? os.index(index).getAll(key) : os.getAll(key);
      const result = await new Promise<unknown[]>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return result;
    },
    { name: DB_NAME, store, index, key },
  );
}
