// The in-page probe, installed before any of the page's scripts (a Playwright init script, which
// the CSP does not block): it records input events and IndexedDB commits, and times conditions on
// the page without polling from outside, so the benchmark's own round trips stay out of the figures.
import type { Page } from 'playwright-core';

/** A condition on the page: every item holds (enough elements match the selector and the text). */
export interface WatchSpec {
  all: { selector: string; text?: string; prefix?: boolean; visible?: boolean; count?: number }[];
}
/** When a condition first held: `dom` in the mutation callback that made it true, `frame` at the next animation frame. */
export interface Mark {
  dom: number;
  frame: number;
}
export interface BenchProbe {
  /** Completed readwrite transactions: when they began and completed (performance.now()), which stores, which database. */
  commits: { start: number; t: number; stores: string[]; db: string }[];
  /** `timeStamp` of every pointerdown and click (when the input reached the page). */
  downs: number[];
  clicks: number[];
  /** When a file input fired `change`. */
  fileChanges: number[];
  watch(key: string, spec: WatchSpec): void;
  when(key: string): Promise<Mark>;
  /** Arms a wait for the next readwrite transaction on `store` of `db` to complete (no polling). */
  expectCommit(db: string, store: string): void;
  /** The commit armed by `expectCommit`. */
  committed(): Promise<{ start: number; t: number }>;
  /** Opens a database the app has already created; fails rather than create one the app would then find. */
  openExisting(name: string): Promise<IDBDatabase>;
}

declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

export function installProbe(options: { coldStart: WatchSpec | null }): void {
  if (window.__bench) return;
  const marks = new Map<string, Promise<Mark>>();
  const laidOut = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  // Every element present first; only then the layout check, which forces a layout (once, when the
  // browser would lay out anyway before painting), so the probe does not slow the page it measures.
  const holds = (spec: WatchSpec) => {
    const matches: Element[][] = [];
    for (const item of spec.all) {
      let found = Array.from(document.querySelectorAll(item.selector));
      if (item.text !== undefined) {
        const text = item.text;
        found = found.filter((el) => {
          const t = (el.textContent ?? '').trim();
          return item.prefix ? t.startsWith(text) : t === text;
        });
      }
      if (found.length < (item.count ?? 1)) return false;
      matches.push(item.visible ? found : []);
    }
    return matches.every((found) => found.every(laidOut));
  };
  let commitWaiter: { db: string; store: string; resolve: (c: { start: number; t: number }) => void } | null = null;
  let commitPromise: Promise<{ start: number; t: number }> | null = null;
  const probe: BenchProbe = {
    expectCommit(db, store) {
      commitPromise = new Promise((resolve) => (commitWaiter = { db, store, resolve }));
    },
    committed() {
      return commitPromise ?? Promise.reject(new Error('no commit armed'));
    },
    openExisting(name) {
      return new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => {
          req.transaction?.abort();
          reject(new Error('the app has not created its database'));
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    },
    commits: [],
    downs: [],
    clicks: [],
    fileChanges: [],
    watch(key, spec) {
      marks.set(
        key,
        new Promise<Mark>((resolve) => {
          let done = false;
          // eslint-disable-next-line prefer-const -- assigned below, after finish() that reads them
          let observer: MutationObserver | undefined;
          // eslint-disable-next-line prefer-const -- as observer
          let timer: ReturnType<typeof setInterval> | undefined;
          const finish = () => {
            if (done) return;
            done = true;
            const dom = performance.now();
            observer?.disconnect();
            clearInterval(timer);
            let settled = false;
            const settle = () => {
              if (settled) return;
              settled = true;
              resolve({ dom, frame: performance.now() });
            };
            requestAnimationFrame(settle);
            setTimeout(settle, 1000); // a page with no frames (hidden) still answers
          };
          observer = new MutationObserver(() => {
            if (holds(spec)) finish();
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
          timer = setInterval(() => {
            if (holds(spec)) finish();
          }, 50);
          if (holds(spec)) finish();
        }),
      );
    },
    when(key) {
      const mark = marks.get(key);
      if (!mark) return Promise.reject(new Error(`Nothing watched as ${key}`));
      return mark;
    },
  };
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const start = performance.now();
    const tx = original.apply(this, args);
    if (args[1] === 'readwrite') {
      const names = args[0];
      const stores = typeof names === 'string' ? [names] : Array.from(names);
      const db = this.name;
      tx.addEventListener('complete', () => {
        const commit = { start, t: performance.now(), stores, db };
        probe.commits.push(commit);
        const waiter = commitWaiter;
        if (waiter && waiter.db === db && stores.includes(waiter.store)) {
          commitWaiter = null;
          waiter.resolve(commit);
        }
      });
    }
    return tx;
  } as IDBDatabase['transaction'];
  addEventListener('pointerdown', (event) => probe.downs.push(event.timeStamp), true);
  addEventListener('click', (event) => probe.clicks.push(event.timeStamp), true);
  addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file')
        probe.fileChanges.push(performance.now());
    },
    true,
  );
  window.__bench = probe;
  if (options.coldStart) probe.watch('usable', options.coldStart);
}

/** Usable home screen, for the app and the baseline alike: the h1 and the button laid out. */
export const HOME_USABLE: WatchSpec = {
  all: [
    { selector: 'h1', text: 'Your workshops', visible: true },
    { selector: 'button', text: 'New workshop', visible: true },
  ],
};
export const h1Spec = (text: string): WatchSpec => ({ all: [{ selector: 'h1', text, visible: true }] });

/**
 * Sets the hash and times until the condition holds; ms from just before the change. `then`, if
 * given, is a second condition timed from the same start (`thenDom`).
 */
export async function timeHashChange(
  page: Page,
  hash: string,
  spec: WatchSpec,
  then?: WatchSpec,
  options: { painted?: boolean } = {},
): Promise<Mark & { thenDom?: number; painted?: number }> {
  return page.evaluate(
    async ({ hash, spec, then, painted }) => {
      const probe = window.__bench;
      if (!probe) throw new Error('probe missing');
      const key = `nav-${Math.random()}`;
      probe.watch(key, spec);
      if (then) probe.watch(`${key}-then`, then);
      // `painted`: Chromium's long animation frames (the tasks of a frame and its rendering, when
      // over 50 ms); the one that ends first after the mark is the frame that shows the screen.
      const frames: number[] = [];
      const observer = painted
        ? new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) frames.push(entry.startTime + entry.duration);
          })
        : null;
      observer?.observe({ type: 'long-animation-frame' });
      const start = performance.now();
      location.hash = hash;
      const mark = await probe.when(key);
      const thenMark = then ? await probe.when(`${key}-then`) : undefined;
      let paintedAt: number | undefined;
      if (observer) {
        const deadline = performance.now() + 3000;
        while (paintedAt === undefined && performance.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          paintedAt = frames.find((end) => end >= mark.dom);
        }
        observer.disconnect();
      }
      return {
        dom: mark.dom - start,
        frame: mark.frame - start,
        thenDom: thenMark ? thenMark.dom - start : undefined,
        painted: paintedAt === undefined ? undefined : paintedAt - start,
      };
    },
    { hash, spec, then: then ?? null, painted: options.painted ?? false },
  );
}

/** Waits (untimed) until the condition holds. */
export async function waitFor(page: Page, spec: WatchSpec, timeout = 30_000): Promise<void> {
  await page.evaluate(
    async ({ spec, timeout }) => {
      const probe = window.__bench;
      if (!probe) throw new Error('probe missing');
      const key = `wait-${Math.random()}`;
      probe.watch(key, spec);
      await Promise.race([
        probe.when(key),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(spec)}`)), timeout)),
      ]);
    },
    { spec, timeout },
  );
}
