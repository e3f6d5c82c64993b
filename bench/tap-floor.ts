// The floor under tap-to-saved: the same tap on the least a page can do, in the same browser and
// run, so the app's figure can be read against what the browser and the machine cost.
import type { BrowserContext } from 'playwright-core';
import type { AppServer } from '../tests/e2e/harness.ts';
import { TAPS, THROTTLE, TOUCH_TAPS } from './config.ts';
import { openPage, throttle } from './cdp.ts';
import { HOME_USABLE, waitFor } from './probe.ts';
import { sleep } from './stats.ts';
import { tapAndTime, tapSeries, withTouch, type TapInput } from './taps.ts';

/**
 * The same tap on the least a page can do: the baseline app's page, its content replaced by two
 * groups of five labelled radios like the scoring screen's, whose change handler reads and writes
 * one record in one strict IndexedDB transaction (no framework, no Dexie). What the browser's input
 * handling, a frame and the write take on this machine: the floor under tap-to-saved.
 */
export async function benchTapFloor(context: BrowserContext, base: AppServer) {
  const { page, cdp } = await openPage(context, base.url, 1);
  await waitFor(page, HOME_USABLE);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bench-floor', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('r', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const main = document.createElement('main');
    for (const field of ['now', 'target']) {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = `Data: ${field}`;
      fieldset.append(legend);
      for (let v = 1; v <= 5; v += 1) {
        const option = document.createElement('div');
        option.style.cssText =
          'display:flex;gap:12px;padding:12px;margin:8px 0;border:2px solid #888;border-radius:8px';
        const input = document.createElement('input');
        Object.assign(input, { type: 'radio', id: `${field}-${v}`, name: field, value: String(v) });
        const label = document.createElement('label');
        label.htmlFor = input.id;
        label.textContent = `Level ${v}: a sentence or two describing this level of the outcome, as the scoring screen shows.`;
        input.addEventListener('change', () => {
          const tx = db.transaction('r', 'readwrite', { durability: 'strict' });
          const store = tx.objectStore('r');
          const get = store.get('g/data');
          get.onsuccess = () =>
            store.put({
              id: 'g/data',
              ...(get.result as object | undefined),
              [field]: v,
              updatedAt: new Date().toISOString(),
            });
        });
        option.append(input, label);
        fieldset.append(option);
      }
      main.append(fieldset);
    }
    document.body.replaceChildren(main);
  });
  await throttle(cdp, THROTTLE);
  const samples: number[] = [];
  const touchSamples: number[] = [];
  const tapOnce = async (i: number, input: TapInput) => {
    const field = i % 2 === 0 ? 'now' : 'target';
    const value = ((i >> 1) % 5) + 1;
    const timing = await tapAndTime(page, cdp, `label[for="${field}-${value}"]`, 'bench-floor', 'r', input);
    (input === 'touch' ? touchSamples : samples).push(timing.commit - timing.click);
    await sleep(400);
  };
  for (let i = 0; i < TAPS; i += 1) await tapOnce(i, 'mouse');
  await withTouch(cdp, () => tapSeries(cdp, 'tap-touch-floor', TAPS, TOUCH_TAPS, (i) => tapOnce(i, 'touch')));
  await throttle(cdp, 1);
  await page.evaluate(() => indexedDB.deleteDatabase('bench-floor'));
  await page.close();
  return { samples, touchSamples };
}
