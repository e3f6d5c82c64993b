// How a tap is made and timed, shared by the app's tap and the bare page's: mouse or touch, held
// as a finger is, timed from the click to the commit of the write it causes.
import type { CDPSession, Page } from 'playwright-core';
import { PROFILED_TAPS, TAP_HOLD, TOUCH_TAPS } from './config.ts';
import { profiled } from './cdp.ts';
import { sleep } from './stats.ts';

export type TapInput = 'mouse' | 'touch';

/**
 * Taps the element and times it from the click's timestamp (the lift) to the commit of the next
 * readwrite transaction on `store` of database `db`. With the mouse: a forced click (no actionability
 * wait), held down for TAP_HOLD. With touch (the page's touch emulation on): a touch at the element's
 * centre, held as long, then lifted; the browser recognises the tap and sends the click.
 */
export async function tapAndTime(
  page: Page,
  cdp: CDPSession,
  selector: string,
  db: string,
  store: string,
  input: TapInput,
) {
  // Armed before the tap, so nothing of the benchmark's runs in the page while it is timed.
  const before = await page.evaluate(
    ({ db, store }) => {
      window.__bench!.expectCommit(db, store);
      return window.__bench!.downs.length;
    },
    { db, store },
  );
  if (input === 'touch') {
    await page.locator(selector).scrollIntoViewIfNeeded();
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not on screen`);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await sleep(TAP_HOLD);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } else {
    await page.locator(selector).click({ force: true, delay: TAP_HOLD });
  }
  return page.evaluate(
    async ({ before }) => {
      const probe = window.__bench!;
      const commit = await Promise.race([
        probe.committed(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('nothing was committed within 10 s of the tap')), 10_000),
        ),
      ]);
      const down = probe.downs[before];
      // The first click after the press: the label's (the radio's own click follows it).
      const click = down === undefined ? undefined : probe.clicks.find((t) => t >= down);
      if (down === undefined || click === undefined) throw new Error('the tap was not seen');
      if (commit.start < click) throw new Error('a write began before the tap');
      return { down, click, begin: commit.start, commit: commit.t };
    },
    { before },
  );
}

/**
 * Taps `count` times, numbered from `from` (each tap's number picks its level), with the last
 * BENCH_PROFILED_TAPS of them in a profile or trace labelled `label` (when one is asked for).
 */
export async function tapSeries(
  cdp: CDPSession,
  label: string,
  from: number,
  count: number,
  tap: (i: number) => Promise<void>,
) {
  const profiledFrom = from + count - Math.max(0, Math.min(PROFILED_TAPS, count));
  for (let i = from; i < profiledFrom; i += 1) await tap(i);
  await profiled(cdp, label, async () => {
    for (let i = profiledFrom; i < from + count; i += 1) await tap(i);
  });
}

/** Runs `body` with the page's touch emulation on (touch events, `pointer: coarse`), then turns it off. */
export async function withTouch(cdp: CDPSession, body: () => Promise<void>) {
  if (TOUCH_TAPS <= 0) return;
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await sleep(400);
  try {
    await body();
  } finally {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  }
}
