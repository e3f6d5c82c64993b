// Crash and close: change a score and type evidence, then SIGKILL Chromium (no unload, no flush) at a
// random moment after the last keystroke, reopen the same profile and read what IndexedDB kept. 50
// times. Scores are saved on the tap, so none may be lost; evidence waits TEXT_DEBOUNCE_MS after the
// last keystroke, so text typed less than that (plus a margin for the write itself) before the kill
// may be lost, and text older than that may not. Writes test-results/crash-summary.json.
//
// Build first: `npx vite build`. Run: `npx vitest run --config vitest.stress.config.ts tests/stress/crash.stress.ts`.
// Environment: CRASH_KILLS (default 50), CRASH_SEED (default: random, printed and saved),
// CRASH_WRITE_MARGIN_MS (default 100).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lga2022 } from '../../src/framework/lga-2022.ts';
import { TEXT_DEBOUNCE_MS } from '../../src/state/text-save.ts';
import {
  addGroup,
  containsAll,
  createWorkshop,
  heading,
  makeProfileDir,
  readDatabase,
  removeDir,
  REPO_ROOT,
  spawnProfile,
  startAppServer,
  tap,
  visible,
  waitForServiceWorker,
  watch,
  type AppServer,
  type Watch,
  type KillableSession,
} from '../e2e/harness.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Kill delays after the last keystroke are spread evenly (with jitter) over 0 .. MAX_DELAY_MS. */
const MAX_DELAY_MS = 1500;
/** Time allowed for the debounced write itself (a strict-durability IndexedDB transaction). */
const WRITE_MARGIN_MS = Number(process.env.CRASH_WRITE_MARGIN_MS ?? 100);
const SAFE_AFTER_MS = TEXT_DEBOUNCE_MS + WRITE_MARGIN_MS;

const WORKSHOP = {
  name: 'Crash test workshop',
  organisation: 'Riverside Borough Council',
  date: '2026-11-27',
  facilitator: 'Sam Patel',
};
const GROUP = 'Crash group';
const outcomes = lga2022.outcomes;
const LEVELS = lga2022.scale.levels.map((l) => l.value);

/** A small seeded generator (mulberry32), so a failing run can be repeated with CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Processes of a group that are still running: dead ones (zombies waiting for PID 1 to reap them) hold nothing. */
async function liveInGroup(pgid: number): Promise<number> {
  let live = 0;
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces or brackets, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') live += 1;
  }
  return live;
}

/**
 * SIGKILLs Chromium's whole process group, like `KillableSession.kill()`, but waits only until every
 * process in it is dead (a zombie), not until it has been reaped: here PID 1 takes 1-2 s to reap, which
 * would add minutes to 50 kills. Where /proc cannot be read it waits until the group is gone.
 */
async function hardKill(session: KillableSession): Promise<void> {
  const child = session.process;
  const pgid = child.pid;
  if (!pgid) return session.kill();
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => child.once('exit', () => r()));
  const useProc = existsSync('/proc/self/stat');
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    return; // Already gone.
  }
  await exited;
  for (let i = 0; i < 500; i += 1) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      return; // ESRCH: no process left in the group.
    }
    if (useProc && (await liveInGroup(pgid)) === 0) return;
    await sleep(10);
  }
  throw new Error(`Chromium's processes (group ${pgid}) were still running 5 s after SIGKILL`);
}

interface StoredRating {
  now: number | 'not-sure' | null;
  evidence: string;
  updatedAt: string;
}

/** Reads ratings straight from IndexedDB (no version: opens whatever the app created). */
async function readRatings(page: Page, ids: string[]): Promise<(StoredRating | null)[]> {
  const { stores } = await readDatabase(page, ['ratings']);
  const byId = new Map((stores.ratings as (StoredRating & { id: string })[]).map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    return r ? { now: r.now, evidence: r.evidence, updatedAt: r.updatedAt } : null;
  });
}

/** What happened to one change, once the profile was reopened after the kill. */
interface Kill {
  iteration: number;
  outcomeId: string;
  plannedDelayMs: number;
  /** Kill time minus the moment the last keystroke was acknowledged: the text's age, never overstated. */
  textAgeMs: number;
  /** Kill time minus the moment the last keystroke was sent: an upper bound of the age. */
  textAgeUpperMs: number;
  /** Kill time minus the moment the tap on the new level was sent. */
  scoreAgeMs: number;
  scoreBefore: number | 'not-sure' | null;
  scoreExpected: number;
  scoreStored: number | 'not-sure' | null;
  scoreLost: boolean;
  textExpected: string;
  /** kept: the typed text; previous: what was stored before; prefix: part of it; other: anything else (a bug). */
  textStored: 'kept' | 'previous' | 'prefix' | 'other';
  textLost: boolean;
  /** A write to the scores committed after the last keystroke, before the kill: the text's write. */
  committedBeforeKill: boolean;
  /** From the last keystroke to that commit (debounce plus the write), when seen before the kill. */
  textSaveLatencyMs: number | null;
  /** From the tap to its commit, when seen before typing. */
  scoreSaveLatencyMs: number | null;
  startMs: number;
  iterationMs: number;
  /** Where the iteration's time went: start Chromium, load the screen, read, change, wait, kill. */
  phasesMs: Record<'spawn' | 'load' | 'read' | 'change' | 'wait' | 'kill', number>;
}

interface Mark {
  kind: 'input' | 'commit';
  text: string;
  at: number;
}

describe.sequential('crash and close', () => {
  let server: AppServer;
  let profile: string;
  let session: KillableSession | null = null;
  let scoringBase = '';
  let groupId = '';
  let chromiumVersion = '';
  const kills: Kill[] = [];
  /** Every browser session's recorder: no request may leave the origin, no CSP violation, in any of them. */
  const watches: Watch[] = [];
  const startedAt = new Date();
  let setupMs = 0;
  let loopMs = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    server = await startAppServer();
    profile = await makeProfileDir('crash');
    session = await spawnProfile(profile);
    chromiumVersion = session.browser.version();
    const { page } = session;
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await visible(heading(page, 'Your workshops'));
    await waitForServiceWorker(page);
    await createWorkshop(page, WORKSHOP);
    await addGroup(page, GROUP);
    await page.getByRole('link', { name: GROUP, exact: true }).click();
    await visible(heading(page, GROUP));
    const match = /#\/w\/([^/]+)\/g\/([^/]+)/.exec(page.url());
    if (!match?.[1] || !match[2]) throw new Error(`no group in ${page.url()}`);
    groupId = decodeURIComponent(match[2]);
    scoringBase = `${server.url}#/w/${match[1]}/g/${match[2]}`;
    await session.close();
    session = null;
    setupMs = Date.now() - t0;
  });

  afterAll(async () => {
    await session?.kill().catch(() => undefined);
    await server?.stop();
    if (profile) await removeDir(profile);
  });

  /** Opens the profile again, with the page's typing and committed score writes reported to `marks`. */
  async function reopen(marks: Mark[]): Promise<KillableSession> {
    const s = await spawnProfile(profile);
    s.page.setDefaultTimeout(15_000);
    watches.push(await watch(s.context, server.origin));
    await s.context.exposeBinding('__crashMark', (_source, kind: Mark['kind'], text: string, at: number) => {
      marks.push({ kind, text, at });
    });
    await s.context.addInitScript(() => {
      const mark = (kind: string, text: string) =>
        void (window as unknown as { __crashMark?: (k: string, t: string, a: number) => void }).__crashMark?.(
          kind,
          text,
          Date.now(),
        );
      // Typing only: a radio fires `input` too.
      document.addEventListener(
        'input',
        (e) => void (e.target instanceof HTMLTextAreaElement && mark('input', '')),
        true,
      );
      // Every write to the scores that commits. (The "Saved" status is no probe: it reads "Saved"
      // after the tap already, and does not change when the text's write then commits.)
      const create = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (
        this: IDBDatabase,
        ...args: Parameters<IDBDatabase['transaction']>
      ) {
        const tx = create.apply(this, args);
        const stores = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
        if (args[1] === 'readwrite' && stores.includes('ratings'))
          tx.addEventListener('complete', () => mark('commit', ''));
        return tx;
      } as IDBDatabase['transaction'];
    });
    return s;
  }

  it(`loses no score, and no text older than ${SAFE_AFTER_MS} ms, over ${KILLS} kills`, async () => {
    const rand = random(SEED);
    // One delay slot per kill, shuffled, with jitter inside the slot: an even spread over 0..MAX_DELAY_MS.
    const slot = MAX_DELAY_MS / KILLS;
    const order = Array.from({ length: KILLS }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const delays = order.map((k) => Math.round((k + rand()) * slot));

    const loopStart = Date.now();
    let pending: Omit<Kill, 'scoreStored' | 'scoreLost' | 'textStored' | 'textLost'> | null = null;

    /** Classifies the previous kill from what the reopened profile holds. */
    const classify = (stored: StoredRating | null, previousEvidence: string) => {
      if (!pending) return;
      const scoreStored = stored?.now ?? null;
      const evidence = stored?.evidence ?? '';
      const textStored: Kill['textStored'] =
        evidence === pending.textExpected
          ? 'kept'
          : evidence === previousEvidence
            ? 'previous'
            : pending.textExpected.startsWith(evidence)
              ? 'prefix'
              : 'other';
      kills.push({
        ...pending,
        scoreStored,
        scoreLost: scoreStored !== pending.scoreExpected,
        textStored,
        textLost: textStored !== 'kept',
      });
      pending = null;
    };

    let previousEvidence = '';
    for (let i = 0; i <= KILLS; i += 1) {
      const iterationStart = Date.now();
      const marks: Mark[] = [];
      session = await reopen(marks);
      const spawned = Date.now();
      const { page } = session;
      const outcome = outcomes[i % outcomes.length]!;
      await page.goto(`${scoringBase}/${outcome.id}`);
      await visible(heading(page, outcome.title, 2));
      const loaded = Date.now();

      // What the last kill left behind.
      const lastOutcome = pending ? pending.outcomeId : outcome.id;
      const [before, current] = await readRatings(page, [`${groupId}/${lastOutcome}`, `${groupId}/${outcome.id}`]);
      classify(before ?? null, previousEvidence);
      if (i === KILLS) break;
      const read = Date.now();

      // Change "now" to another level, then type new evidence.
      const scoreBefore = current?.now ?? null;
      const scoreExpected =
        LEVELS[(LEVELS.indexOf(typeof scoreBefore === 'number' ? scoreBefore : 0) + 1) % LEVELS.length]!;
      previousEvidence = current?.evidence ?? '';
      const textExpected = `Kill ${i + 1} ${Math.floor(rand() * 36 ** 5).toString(36)}`;

      const tapAt = Date.now();
      const now = page.getByRole('group', { name: containsAll(outcome.title, 'now') });
      await now.getByRole('radio', { name: new RegExp(`^${scoreExpected}\\b`) }).check(tap);
      const textarea = page.getByRole('textbox', { name: /^Evidence/ });
      await textarea.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(textExpected.slice(0, -1));
      const lastKeySent = Date.now();
      await page.keyboard.type(textExpected.slice(-1));
      const lastKeyDone = Date.now();

      const plannedDelayMs = delays[i]!;
      await sleep(lastKeyDone + plannedDelayMs - Date.now());
      const killAt = Date.now();
      await hardKill(session);
      session = null;
      const killed = Date.now();

      // The page's own clock is the machine's: marks compare directly with killAt.
      const lastInput = marks.filter((m) => m.kind === 'input').at(-1)?.at ?? lastKeyDone;
      const savedAfter = (t: number) => marks.find((m) => m.kind === 'commit' && m.at >= t && m.at <= killAt);
      const textSaved = savedAfter(lastInput);
      const firstInput = marks.find((m) => m.kind === 'input')?.at ?? lastKeySent;
      const scoreSaved = marks.find((m) => m.kind === 'commit' && m.at >= tapAt && m.at <= firstInput);
      pending = {
        iteration: i + 1,
        outcomeId: outcome.id,
        plannedDelayMs,
        textAgeMs: killAt - lastKeyDone,
        textAgeUpperMs: killAt - lastKeySent,
        scoreAgeMs: killAt - tapAt,
        scoreBefore,
        scoreExpected,
        textExpected,
        committedBeforeKill: textSaved !== undefined,
        textSaveLatencyMs: textSaved ? textSaved.at - lastInput : null,
        scoreSaveLatencyMs: scoreSaved ? scoreSaved.at - tapAt : null,
        startMs: iterationStart - loopStart,
        iterationMs: killed - iterationStart,
        phasesMs: {
          spawn: spawned - iterationStart,
          load: loaded - spawned,
          read: read - loaded,
          change: lastKeyDone - read,
          wait: killAt - lastKeyDone,
          kill: killed - killAt,
        },
      };
    }
    loopMs = Date.now() - loopStart;

    const lostScores = kills.filter((k) => k.scoreLost);
    const lostText = kills.filter((k) => k.textLost);
    const lostOld = lostText.filter((k) => k.textAgeMs >= SAFE_AFTER_MS);
    const lostCommitted = lostText.filter((k) => k.committedBeforeKill);
    const garbled = kills.filter((k) => k.textStored === 'other');
    const inWindow = kills.filter((k) => k.textAgeMs < SAFE_AFTER_MS);
    const latencies = kills
      .map((k) => k.textSaveLatencyMs)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    const scoreLatencies = kills
      .map((k) => k.scoreSaveLatencyMs)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    const pct = (xs: number[], p: number) =>
      xs.length ? xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : null;
    const iterationTimes = kills.map((k) => k.iterationMs).sort((a, b) => a - b);

    const summary = {
      date: startedAt.toISOString(),
      machine: {
        platform: `${os.type()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        loadAverage: os.loadavg(),
      },
      chromium: chromiumVersion,
      seed: SEED,
      debounceMs: TEXT_DEBOUNCE_MS,
      writeMarginMs: WRITE_MARGIN_MS,
      safeAfterMs: SAFE_AFTER_MS,
      maxDelayMs: MAX_DELAY_MS,
      kills: kills.length,
      killsSurvived: kills.filter(
        (k) => !k.scoreLost && (!k.textLost || k.textAgeMs < SAFE_AFTER_MS) && k.textStored !== 'other',
      ).length,
      scoresLost: lostScores.length,
      textsLost: lostText.length,
      killsWithinWindow: inWindow.length,
      textsLostWithinWindow: lostText.filter((k) => k.textAgeMs < SAFE_AFTER_MS).length,
      textsKeptWithinWindow: inWindow.filter((k) => !k.textLost).length,
      textsLostBeyondWindow: lostOld.length,
      textsLostAfterCommit: lostCommitted.length,
      textsGarbled: garbled.length,
      textsKeptAfterWindow: kills.filter((k) => k.textAgeMs >= SAFE_AFTER_MS && !k.textLost).length,
      oldestLostTextMs: lostText.length ? Math.max(...lostText.map((k) => k.textAgeMs)) : null,
      youngestKeptTextMs: kills.some((k) => !k.textLost)
        ? Math.min(...kills.filter((k) => !k.textLost).map((k) => k.textAgeMs))
        : null,
      textSaveLatencyMs: {
        min: latencies[0] ?? null,
        median: pct(latencies, 0.5),
        p90: pct(latencies, 0.9),
        max: latencies.at(-1) ?? null,
        seen: latencies.length,
      },
      scoreSaveLatencyMs: {
        min: scoreLatencies[0] ?? null,
        median: pct(scoreLatencies, 0.5),
        max: scoreLatencies.at(-1) ?? null,
        seen: scoreLatencies.length,
      },
      minScoreAgeMs: Math.min(...kills.map((k) => k.scoreAgeMs)),
      timingsMs: {
        setup: setupMs,
        loop: loopMs,
        iterationMedian: pct(iterationTimes, 0.5),
        iterationMax: iterationTimes.at(-1) ?? null,
        phaseMedians: Object.fromEntries(
          (['spawn', 'load', 'read', 'change', 'wait', 'kill'] as const).map((p) => [
            p,
            pct(
              kills.map((k) => k.phasesMs[p]).sort((a, b) => a - b),
              0.5,
            ),
          ]),
        ),
      },
      details: kills,
    };
    await mkdir(path.join(REPO_ROOT, 'test-results'), { recursive: true });
    await writeFile(
      path.join(REPO_ROOT, 'test-results', 'crash-summary.json'),
      `${JSON.stringify(summary, null, 2)}\n`,
    );
    const { details: _details, ...brief } = summary;
    console.log(`crash and close: ${JSON.stringify(brief, null, 2)}`);

    expect(kills).toHaveLength(KILLS);
    expect(watches.length).toBeGreaterThanOrEqual(KILLS);
    expect(
      watches.flatMap((w) => w.offOrigin),
      'requests that left the origin',
    ).toEqual([]);
    expect(
      watches.flatMap((w) => w.cspViolations),
      'CSP violations',
    ).toEqual([]);
    expect(lostScores, 'scores lost').toEqual([]);
    expect(lostOld, `texts lost more than ${SAFE_AFTER_MS} ms after the last keystroke`).toEqual([]);
    expect(lostCommitted, 'texts lost after their write committed').toEqual([]);
    expect(garbled, 'evidence that is neither the old text nor the new one').toEqual([]);
  });
});
