// End-to-end harness: serves the production build and drives Debian's Chromium against it.
// See ../../../shared/STACK-NOTES.md for why each flag and step is here.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that work with Debian's Chromium here (no sandbox in containers, no background traffic). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--password-store=basic',
];

export interface Viewport {
  width: number;
  height: number;
}

export const TABLET_PORTRAIT: Viewport = { width: 768, height: 1024 };

// ---------------------------------------------------------------------------------------------
// The app server

/** Asks the OS for a port nobody is listening on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The production build served by Vite's `preview()`, which sends the CSP headers of vite.config.ts.
 * It can be stopped and started again on the same port, so the origin (and with it IndexedDB and
 * the service worker in the browser profile) stays the same.
 */
export class AppServer {
  readonly origin: string;
  #server: PreviewServer | null = null;

  constructor(
    readonly port: number,
    readonly outDir: string,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
  }

  /** The app's start URL. */
  get url(): string {
    return `${this.origin}/`;
  }

  get running(): boolean {
    return this.#server !== null;
  }

  /** Starts serving (again) on the same port; does nothing if already running. */
  async start(): Promise<void> {
    if (this.#server) return;
    this.#server = await preview({
      root: REPO_ROOT,
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir: this.outDir },
      preview: { host: '127.0.0.1', port: this.port, strictPort: true, open: false },
    });
  }

  /** Stops serving; open connections are dropped, so the browser really is offline. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    await server?.close();
  }
}

/** Serves `dist/` (built beforehand by `npm run build`) on a free port of 127.0.0.1. */
export async function startAppServer(options: { port?: number; outDir?: string } = {}): Promise<AppServer> {
  const outDir = path.resolve(REPO_ROOT, options.outDir ?? process.env.E2E_DIST ?? 'dist');
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`No production build in ${outDir}: run \`npm run build\` first.`);
  }
  const server = new AppServer(options.port ?? (await freePort()), outDir);
  await server.start();
  return server;
}

/** The app served, opened in a fresh profile and watched, with empty folders for files. */
export interface OpenedApp {
  server: AppServer;
  session: BrowserSession;
  watched: Watch;
  /** Empty folders (for files to import, or downloads), one for each label asked for. */
  folders: string[];
  /** Closes the browser, stops the server and removes the profile and the folders. */
  close(): Promise<void>;
}

/**
 * Serves `dist/`, opens it in a fresh profile (`label` names its folder) and watches it. `timeout`,
 * when given, is the page's default timeout for actions and waits.
 */
export async function openApp(
  label: string,
  options: { folders?: string[]; timeout?: number; viewport?: Viewport } = {},
): Promise<OpenedApp> {
  const server = await startAppServer();
  const profile = await makeProfileDir(label);
  const folders = await Promise.all((options.folders ?? []).map((folder) => makeProfileDir(`${label}-${folder}`)));
  const session = await launchProfile(profile, { viewport: options.viewport });
  if (options.timeout !== undefined) session.page.setDefaultTimeout(options.timeout);
  const watched = await watch(session.context, server.origin);
  return {
    server,
    session,
    watched,
    folders,
    async close() {
      await session.close().catch(() => undefined);
      await server.stop();
      for (const dir of [profile, ...folders]) await removeDir(dir);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Browser profiles

/** A fresh, empty browser profile directory; remove it with `removeDir`. */
export async function makeProfileDir(label = 'profile'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `outcomes-e2e-${label}-`));
}

/** Removes a directory (a profile or downloads), ignoring errors from a browser still letting go. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface BrowserSession {
  context: BrowserContext;
  /** The first tab. */
  page: Page;
  profileDir: string;
  /** Closes the browser politely (unload handlers run, the profile is flushed). */
  close(): Promise<void>;
}

/** Opens a profile with Playwright's `launchPersistentContext` (headless Chromium). */
export async function launchProfile(
  profileDir: string,
  options: { viewport?: Viewport } = {},
): Promise<BrowserSession> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? TABLET_PORTRAIT,
    acceptDownloads: true,
    serviceWorkers: 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profileDir, close: () => context.close() };
}

export interface KillableSession extends BrowserSession {
  browser: Browser;
  process: ChildProcess;
  /** Kills the browser and all its processes with SIGKILL: no unload, no flush, like pulling the plug. */
  kill(): Promise<void>;
}

/**
 * Starts Chromium ourselves (in its own process group) and connects over the DevTools protocol,
 * so a test can kill it without warning and later reopen the same profile.
 */
export async function spawnProfile(
  profileDir: string,
  options: { viewport?: Viewport } = {},
): Promise<KillableSession> {
  const viewport = options.viewport ?? TABLET_PORTRAIT;
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--headless=new',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--window-size=${viewport.width},${viewport.height}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const wsEndpoint = await devToolsEndpoint(child);
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without its default context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(viewport);

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const waitExit = async (ms: number) =>
    Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  return {
    browser,
    context,
    page,
    profileDir,
    process: child,
    async kill() {
      killGroup('SIGKILL');
      await exited;
      // The renderers and helpers share the process group; wait until they are gone too.
      await waitGroupGone(child.pid);
    },
    async close() {
      try {
        const cdp = await browser.newBrowserCDPSession();
        await cdp.send('Browser.close');
      } catch {
        // The connection may drop before the answer arrives.
      }
      if (!(await waitExit(10_000))) killGroup('SIGKILL');
      await exited;
      await waitGroupGone(child.pid);
    },
  };
}

/** Waits (up to 3 s) until no process is left in a process group, killing stragglers. */
async function waitGroupGone(pgid: number | undefined): Promise<void> {
  if (!pgid) return;
  for (let i = 0; i < 30; i += 1) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      return; // ESRCH: the group is empty.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads the DevTools WebSocket address Chromium prints to stderr when it starts. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
    };
    const fail = (error: Error) => {
      if (settled) return;
      settle();
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      reject(new Error(`${error.message}\n${output}`));
    };
    const timer = setTimeout(() => fail(new Error('Chromium did not start within 30 s')), 30_000);
    child.stderr?.setEncoding('utf8');
    // Keeps reading after the address is found, so a full pipe never blocks Chromium.
    child.stderr?.on('data', (chunk: string) => {
      if (settled) return;
      output += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        settle();
        resolve(match[1]);
      }
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Chromium exited early (code ${code})`)));
  });
}

// ---------------------------------------------------------------------------------------------
// Recorders: requests that leave the origin, CSP violations, uncaught page errors

interface CspReport {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: CspReport[];
    __reportCspViolation?: (report: CspReport) => void;
  }
}

export interface Watch {
  /** Requests (from pages or the service worker) that went anywhere but the app's origin. */
  offOrigin: string[];
  cspViolations: string[];
  pageErrors: string[];
  /** How many requests were seen, and how many of those the service worker made. */
  requestCount: number;
  serviceWorkerRequestCount: number;
  /** Throws, listing everything recorded, if any request left the origin, CSP was violated or a page threw. */
  assertClean(): void;
}

const ALWAYS_LOCAL = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:', 'devtools:']);

/** Records everything that must not happen, for every page and service worker of a context. */
export async function watch(context: BrowserContext, origin: string): Promise<Watch> {
  const result: Watch = {
    offOrigin: [],
    cspViolations: [],
    pageErrors: [],
    requestCount: 0,
    serviceWorkerRequestCount: 0,
    assertClean() {
      const problems = [
        ...result.offOrigin.map((r) => `request left the origin: ${r}`),
        ...result.cspViolations.map((v) => `CSP violation: ${v}`),
        ...result.pageErrors.map((e) => `page error: ${e}`),
      ];
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };

  const isAllowed = (url: string) => {
    try {
      const parsed = new URL(url);
      return ALWAYS_LOCAL.has(parsed.protocol) || parsed.origin === origin;
    } catch {
      return false;
    }
  };

  context.on('request', (request) => {
    result.requestCount += 1;
    const fromWorker = request.serviceWorker() !== null;
    if (fromWorker) result.serviceWorkerRequestCount += 1;
    if (!isAllowed(request.url())) {
      result.offOrigin.push(`${request.method()} ${request.url()}${fromWorker ? ' (service worker)' : ''}`);
    }
  });
  // A service worker's own script and imports, in case a fetch of it is not reported as a request.
  const checkWorker = (url: string) => {
    if (!isAllowed(url)) result.offOrigin.push(`service worker ${url}`);
  };
  context.on('serviceworker', (worker) => checkWorker(worker.url()));
  for (const worker of context.serviceWorkers()) checkWorker(worker.url());

  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) result.cspViolations.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => result.pageErrors.push(String(error.error())));

  await context.exposeBinding('__reportCspViolation', (_source, report: CspReport) => {
    result.cspViolations.push(
      `${report.directive} blocked ${report.blockedURI || '(inline)'} in ${report.sourceFile} ${report.sample}`.trim(),
    );
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = {
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        sample: event.sample,
      };
      window.__cspViolations?.push(report);
      void window.__reportCspViolation?.(report);
    });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Service worker and installability

/**
 * Waits until the service worker is active and has precached the app, then reloads once if the page
 * is not yet controlled (with registerType 'prompt' the first visit never is).
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
}

export interface InstallabilityError {
  errorId: string;
  errorArguments: { name: string; value: string }[];
}

/** Chromium's reasons the page cannot be installed; an empty array means installable. */
export async function installabilityErrors(page: Page): Promise<InstallabilityError[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors');
    return errors;
  } finally {
    await cdp.detach();
  }
}

// ---------------------------------------------------------------------------------------------
// Driving the app through its accessible names (shared by the e2e tests and the screenshots)

/** Waits until exactly one element matches and is visible (fails on none or several). */
export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** A heading by its exact name (h1 unless a level is given). */
export const heading = (page: Page, name: string, level = 1): Locator =>
  page.getByRole('heading', { level, name, exact: true });

/**
 * Radios sit under their large labels (the whole card is the tap target), so Playwright sees the
 * label "intercepting" the click; `force` clicks the same point a finger would, and `check` still
 * verifies that the radio ended up checked.
 */
export const tap = { force: true } as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name containing every one of the words, in any order, ignoring case. */
export const containsAll = (...words: string[]): RegExp =>
  new RegExp(words.map((w) => `(?=.*${escapeRegExp(w)})`).join(''), 'i');

/** Waits for the "Saved" status, so the last change has been written to IndexedDB. */
export async function saved(page: Page): Promise<void> {
  await visible(page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ }));
}

/**
 * Opens the app and goes to the home screen with the header's link: opened at `/`, the app returns
 * to the last screen it showed, wherever that was.
 */
export async function openHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('banner').getByRole('link', { name: 'Outcomes Workshop', exact: true }).click();
  await visible(heading(page, 'Your workshops'));
}

export interface WorkshopDetails {
  name: string;
  organisation: string;
  date: string;
  facilitator: string;
}

/** From the home screen: fills in the new workshop form and creates it (ends on the workshop screen). */
export async function createWorkshop(page: Page, details: WorkshopDetails): Promise<void> {
  await page.getByRole('button', { name: 'New workshop', exact: true }).click();
  await visible(heading(page, 'New workshop'));
  await page.getByLabel('Workshop name').fill(details.name);
  await page.getByLabel('Organisation').fill(details.organisation);
  await page.getByLabel('Date').fill(details.date);
  await page.getByLabel('Facilitator').fill(details.facilitator);
  await page.getByRole('button', { name: 'Create workshop', exact: true }).click();
  await visible(heading(page, details.name));
}

/** On the workshop screen: adds a group and waits for its link. */
export async function addGroup(page: Page, name: string): Promise<void> {
  await page.getByLabel('Group name').fill(name);
  await page.getByRole('button', { name: 'Add group', exact: true }).click();
  await visible(page.getByRole('link', { name, exact: true }));
}

/** A group's answer for one outcome: a "now" level (or "Not sure"), a target and a confidence. */
export interface Answer {
  now: number | 'Not sure';
  target: number;
  confidence: 'Low' | 'Medium' | 'High';
}

/** On the scoring screen: answers the outcome shown, checking it is the expected one. */
export async function answerOutcome(page: Page, title: string, answer: Answer): Promise<void> {
  await visible(heading(page, title, 2));
  const now = page.getByRole('group', { name: containsAll(title, 'now') });
  const nowName = answer.now === 'Not sure' ? /^Not sure/ : new RegExp(`^${answer.now}\\b`);
  await now.getByRole('radio', { name: nowName }).check(tap);
  const target = page.getByRole('group', { name: containsAll(title, 'target') });
  await target.getByRole('radio', { name: new RegExp(`^${answer.target}\\b`) }).check(tap);
  const confidence = page.getByRole('group', { name: /^How confident/i });
  await confidence.getByRole('radio', { name: answer.confidence, exact: true }).check(tap);
}

/** Chooses a file, or several, through the "Import" button's file chooser. */
export async function chooseImportFile(page: Page, file: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
}

/** On the workshop screen: exports the workshop and saves the download in `dir`; returns its path. */
export async function exportWorkshop(page: Page, dir: string): Promise<{ file: string; suggestedName: string }> {
  const download = page.waitForEvent('download', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const done = await download;
  const file = path.join(dir, done.suggestedFilename());
  await done.saveAs(file);
  return { file, suggestedName: done.suggestedFilename() };
}

// ---------------------------------------------------------------------------------------------
// Reading the app's database in the page

/** What the app's IndexedDB database holds, read in the page without the app's code. */
export interface StoredDatabase {
  version: number;
  /** Every record of each store read, by store name (in name order). */
  stores: Record<string, unknown[]>;
  /** The names of each store's indexes, sorted. */
  indexes: Record<string, string[]>;
}

/**
 * Reads the app's database straight from IndexedDB, in one transaction: the stores named, or all of
 * them. It opens whatever version the app created (a profile with none gets an empty database).
 */
export async function readDatabase(page: Page, storeNames?: string[]): Promise<StoredDatabase> {
  return page.evaluate(
    (only) =>
      new Promise<StoredDatabase>((resolve, reject) => {
        const open = indexedDB.open('outcomes-workshop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const names = only ?? [...idb.objectStoreNames].sort();
          const result: StoredDatabase = { version: idb.version, stores: {}, indexes: {} };
          if (names.length === 0) {
            idb.close();
            return resolve(result);
          }
          const tx = idb.transaction(names, 'readonly');
          for (const name of names) {
            const store = tx.objectStore(name);
            result.indexes[name] = [...store.indexNames].sort();
            const request = store.getAll();
            request.onsuccess = () => {
              result.stores[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    storeNames,
  );
}

// ---------------------------------------------------------------------------------------------
// After a failure

/**
 * Keeps what a failed test's page showed: a full-page screenshot and the page's address and text
 * (with the focused element when `focus` is set), as `<dir>/<prefix><name><suffix>.png` and `.txt`.
 */
export async function saveFailureEvidence(
  page: Page | undefined,
  dir: string,
  name: string,
  options: { prefix?: string; suffix?: string; focus?: boolean } = {},
): Promise<void> {
  if (!page || page.isClosed()) return;
  await mkdir(dir, { recursive: true });
  const base = path.join(
    dir,
    `${options.prefix ?? ''}${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}${options.suffix ?? ''}`,
  );
  await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 }).catch(() => undefined);
  const text = await page
    .evaluate(
      (focus) =>
        `${location.href}\n\n${focus ? `Focus: ${document.activeElement?.outerHTML.slice(0, 200)}\n\n` : ''}${document.body.innerText}`,
      options.focus ?? false,
    )
    .catch(String);
  await writeFile(`${base}.txt`, text);
}

/**
 * While `window.__storageFull` is set, every IndexedDB `put` and `add` fails the way a full device
 * makes it fail: the request and its transaction both end with a QuotaExceededError and the
 * transaction aborts (so callers see an AbortError whose inner error is the quota error, as Dexie
 * reports it). Reads still work, as they do on a full device. Chromium has no switch for a full
 * disk that works headless (`Storage.overrideQuotaForOrigin` is not enforced for IndexedDB here:
 * measured). Page-side code: give it to `addInitScript` (from the next page load) or `evaluate` (now).
 */
declare global {
  interface Window {
    /** Set by a test: every IndexedDB write fails as it does when the device's storage is full. */
    __storageFull?: boolean;
  }
}

export function storageFullSwitch(): void {
  const wrap = (method: 'put' | 'add') => {
    const real = IDBObjectStore.prototype[method] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      const request = real.apply(this, args);
      if (window.__storageFull) {
        const error = new DOMException('The storage quota has been exceeded.', 'QuotaExceededError');
        Object.defineProperty(request, 'error', { get: () => error });
        Object.defineProperty(this.transaction, 'error', { get: () => error });
        this.transaction.abort();
      }
      return request;
    } as IDBObjectStore[typeof method];
  };
  wrap('put');
  wrap('add');
}
