// WebKit harness: drives WebKitGTK's MiniBrowser (the engine of Safari on iPad) through Debian's
// WebKitWebDriver, under Xvfb, with WebdriverIO. Install with `bash scripts/ensure-webkit.sh`.
// See ../../../shared/STACK-NOTES.md, "WebKit (the engine of Safari on iPad), verified here".
//
// Every process started here runs in its own process group and is killed (with its children) in
// `close()`, which also removes the temporary profile. If the test process dies first, even by
// SIGKILL or Ctrl-C, a watchdog process does the same a second later.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { remote } from 'webdriverio';
import { freePort } from '../e2e/harness.ts';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver';
/** Debian puts MiniBrowser under the architecture's library folder, e.g. /usr/lib/x86_64-linux-gnu. */
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? findMiniBrowser();

function findMiniBrowser(): string {
  const fallback = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  try {
    for (const dir of readdirSync('/usr/lib')) {
      const candidate = path.join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser');
      if (existsSync(candidate)) return candidate;
    }
  } catch {
    // No /usr/lib: not Linux.
  }
  return fallback;
}
export const XVFB = process.env.XVFB_PATH ?? 'Xvfb';

/** The window size: an iPad in portrait, like the Chromium tests' TABLET_PORTRAIT. */
export const WINDOW = { width: 768, height: 1024 };

/** Creating a session hangs, with no error, when the browser cannot draw: never wait longer. */
const SESSION_TIMEOUT_MS = Number(process.env.WEBKIT_SESSION_TIMEOUT_MS) || 60_000;
const START_TIMEOUT_MS = 20_000;

export type WebKitBrowser = WebdriverIO.Browser;

export interface WebKitSession {
  browser: WebKitBrowser;
  /** What the driver reports as the browser's name and version: the WebKitGTK version, e.g. "MiniBrowser 2.50.6". */
  browserVersion: string;
  /** How long each part took to start, in ms. */
  startup: { xvfb: number; driver: number; session: number };
  /** The X display the browser draws on, e.g. `:99`. */
  display: string;
  /** The temporary profile: XDG data, cache, config and runtime directories, and `Downloads`. */
  profileDir: string;
  /** The downloads folder MiniBrowser is given (`XDG_DOWNLOAD_DIR`). */
  downloadsDir: string;
  /** What the driver and the browser printed lately, for failure reports. */
  driverOutput(): string;
  /** Ends the session and kills the browser, the driver and Xvfb; removes the profile. Never throws. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Processes

interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** The last lines the process wrote, for error messages. */
  output(): string;
}

const live = new Set<Managed>();

// If the test process ends without teardown, do not leave Xvfb, the driver or a browser behind.
// ('exit' does not run when the process is killed by a signal: the watchdog below covers that.)
process.once('exit', () => {
  // The watchdog is left running: it removes the profile once this process has gone.
  for (const p of live) if (p.name !== 'watchdog') signalGroup(p.child, 'SIGKILL');
});

/**
 * A watchdog, in its own process group, that outlives this process: once this process is gone (even
 * killed with SIGKILL, or by Ctrl-C, which does not reach the detached groups) it kills every process
 * group listed in `<profile>/pgids` and removes the profile. `close()` stops it first.
 */
function startWatchdog(profileDir: string): Managed {
  const script = `
    parent="$1"; profile="$2"
    while kill -0 "$parent" 2>/dev/null; do sleep 1; done
    if [ -f "$profile/pgids" ]; then
      for group in $(cat "$profile/pgids"); do kill -TERM "-$group" 2>/dev/null; done
      sleep 1
      for group in $(cat "$profile/pgids"); do kill -KILL "-$group" 2>/dev/null; done
    fi
    rm -rf "$profile"`;
  return start('watchdog', 'sh', ['-c', script, 'watchdog', String(process.pid), profileDir], process.env);
}

/** Signals the process's whole group (when the leader has gone, its children may not have). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the whole group is gone.
  }
}

function groupAlive(pgid: number | undefined): boolean {
  if (!pgid) return false;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts a command as the leader of a new process group; `extraFds` adds piped fds from 3 up. */
function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, extraFds = 0): Managed {
  const stdio: ('ignore' | 'pipe')[] = ['ignore', 'pipe', 'pipe'];
  for (let i = 0; i < extraFds; i += 1) stdio.push('pipe');
  const child = spawn(command, args, { detached: true, stdio, env });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  // Always read, so a full pipe never blocks the process.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      tail += `\n${error.message}`;
      resolve();
    });
  });
  const managed: Managed = { name, child, exited, output: () => tail.trim() };
  live.add(managed);
  return managed;
}

/** SIGTERM, then SIGKILL after `graceMs`; then waits (up to 5 s) until the whole group is gone. */
async function stop(p: Managed, graceMs = 2_000): Promise<void> {
  signalGroup(p.child, 'SIGTERM');
  const done = await Promise.race([p.exited.then(() => true), delay(graceMs).then(() => false)]);
  if (!done) signalGroup(p.child, 'SIGKILL');
  await Promise.race([p.exited, delay(5_000)]);
  for (let i = 0; i < 50 && groupAlive(p.child.pid); i += 1) {
    signalGroup(p.child, 'SIGKILL');
    await delay(100);
  }
  live.delete(p);
}

/** Rejects with `message` if `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const execFileP = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// Installation

/** Fails, saying how to install them, when the driver, the browser or Xvfb is missing. */
async function checkInstalled(): Promise<void> {
  const missing: string[] = [];
  if (!existsSync(MINIBROWSER_PATH))
    missing.push(`MiniBrowser (looked for ${MINIBROWSER_PATH}; or set MINIBROWSER_PATH)`);
  for (const command of [WEBKIT_DRIVER, XVFB]) {
    try {
      await execFileP('sh', ['-c', 'command -v "$1"', 'sh', command], { timeout: 5_000 });
    } catch {
      missing.push(command);
    }
  }
  if (missing.length) {
    throw new Error(
      `Not installed: ${missing.join(', ')}.\n` +
        'Install them with `bash scripts/ensure-webkit.sh` (Debian, as root: apt-get install -y webkit2gtk-driver xvfb).',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Xvfb

/**
 * Starts Xvfb on the first free display from :99 up. `-displayfd` makes Xvfb write the display
 * number once it accepts connections, so there is no guessing about when it is ready.
 */
async function startXvfb(record: (p: Managed) => Promise<void>): Promise<{ xvfb: Managed; display: string }> {
  const failures: string[] = [];
  for (let n = 99; n < 140 && failures.length < 3; n += 1) {
    // Another X server holds this number (its lock file or socket exists): try the next.
    if (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const screen = `${WINDOW.width + 512}x${WINDOW.height + 256}x24`;
    const xvfb = start(
      'Xvfb',
      XVFB,
      [`:${n}`, '-screen', '0', screen, '-nolisten', 'tcp', '-displayfd', '3'],
      process.env,
      1,
    );
    await record(xvfb);
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
      (xvfb.child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (chunk: Buffer) => {
        if (/\d/.test(chunk.toString())) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      void xvfb.exited.then(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) return { xvfb, display: `:${n}` };
    failures.push(`:${n}: ${xvfb.output() || 'no output'}`);
    await stop(xvfb, 500);
  }
  throw new Error(`Xvfb could not start a display.\n${failures.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// WebKitWebDriver

/** Waits until the driver answers `GET /status`. */
async function waitForDriver(driver: Managed, port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited = false;
  void driver.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new Error(
    `${WEBKIT_DRIVER} did not start on port ${port}${exited ? ' (it exited)' : ' within 20 s'}.\n${driver.output()}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The session

/**
 * Starts Xvfb, WebKitWebDriver and a MiniBrowser session with an empty profile. Fails with a clear
 * message (never hangs) when any of them does not come up, and then stops whatever did.
 */
export async function openWebKit(): Promise<WebKitSession> {
  const started: Managed[] = [];
  let profileDir = '';
  let watchdog: Managed | null = null;
  const cleanUp = async () => {
    for (const p of started.reverse()) await stop(p);
    started.length = 0;
    if (watchdog) await stop(watchdog, 500);
    if (profileDir) await rm(profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  };

  try {
    await checkInstalled();

    // A throw-away profile: MiniBrowser keeps its data, cache and settings in the XDG directories.
    profileDir = await mkdtemp(path.join(tmpdir(), 'outcomes-webkit-'));
    const dirs = {
      data: path.join(profileDir, 'data'),
      cache: path.join(profileDir, 'cache'),
      config: path.join(profileDir, 'config'),
      runtime: path.join(profileDir, 'runtime'),
      downloads: path.join(profileDir, 'Downloads'),
    };
    for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
    // GLib reads the downloads folder from user-dirs.dirs.
    await writeFile(path.join(dirs.config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${dirs.downloads}"\n`);
    watchdog = startWatchdog(profileDir);
    const pgids = path.join(profileDir, 'pgids');
    const record = async (p: Managed) => {
      if (p.child.pid) await appendFile(pgids, `${p.child.pid}\n`);
    };

    let mark = Date.now();
    const lap = () => {
      const now = Date.now();
      const ms = now - mark;
      mark = now;
      return ms;
    };
    const { xvfb, display } = await startXvfb(record);
    started.push(xvfb);
    const startup = { xvfb: lap(), driver: 0, session: 0 };

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: display,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      XDG_CONFIG_HOME: dirs.config,
      XDG_RUNTIME_DIR: dirs.runtime,
      // No accessibility bus in a container: without this GTK looks for one and warns.
      NO_AT_BRIDGE: '1',
      // GStreamer's list of installed plug-ins (not website data) from the usual cache, so that each
      // session does not rebuild it in the empty profile: about 1 s less per session.
      GST_REGISTRY_1_0:
        process.env.GST_REGISTRY_1_0 ??
        path.join(
          process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'),
          'gstreamer-1.0',
          `registry.${process.arch}.bin`,
        ),
    };
    delete env.WAYLAND_DISPLAY;
    const driver = start('WebKitWebDriver', WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], env);
    started.push(driver);
    await record(driver);
    await waitForDriver(driver, port);
    startup.driver = lap();

    const session = remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'silent',
      connectionRetryCount: 0,
      connectionRetryTimeout: SESSION_TIMEOUT_MS,
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    });
    // If the timeout wins, a session may still arrive later: cleanUp kills the driver and browser.
    session.catch(() => undefined);
    const browser = await withTimeout(session, SESSION_TIMEOUT_MS + 5_000, 'no answer').catch((error: Error) => {
      throw new Error(
        `WebKitWebDriver could not start MiniBrowser (${MINIBROWSER_PATH}) on display ${display} within ` +
          `${SESSION_TIMEOUT_MS / 1000} s (without a working display this hangs): ${error.message}\n` +
          `Driver and browser output:\n${driver.output() || '(none)'}`,
        { cause: error },
      );
    });
    const caps = browser.capabilities as WebdriverIO.Capabilities;
    await browser.setWindowSize(WINDOW.width, WINDOW.height).catch(() => undefined);
    startup.session = lap();

    let closed = false;
    return {
      browser,
      browserVersion: `${caps.browserName ?? 'MiniBrowser'} ${caps.browserVersion ?? '(unknown version)'}`,
      startup,
      display,
      profileDir,
      downloadsDir: dirs.downloads,
      driverOutput: () => driver.output(),
      async close() {
        if (closed) return;
        closed = true;
        await withTimeout(browser.deleteSession(), 10_000, 'deleteSession timed out').catch(() => undefined);
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
