// The one way a screen saves: `save` for any write, `saveScore` for a score (which also keeps what
// the device refuses), so every write shows in the "Saved" status and the storage banner the same
// way. The database code is imported when first used: this module is in the first download (the
// status is), Dexie is not.
import { SvelteMap } from 'svelte/reactivity';
import { nowIso, scoreId } from '../domain/ids.ts';
import type { Agreement, Rating, ScoreChange } from '../domain/types.ts';

/** What went wrong with storage, for the banner that says so: nothing saved, storage full, or a failed write. */
export type StorageFault = 'unavailable' | 'quota' | 'write';

/** A score change the device refused, with when it was made (for the export that lays it over). */
export type KeptChange = ScoreChange & { at: string };

/** Whether the error (or the error it wraps: quota errors may come inside an AbortError) is the storage being full. */
export function isQuotaError(error: unknown): boolean {
  const inner = (error as { inner?: unknown } | null)?.inner;
  return [error, inner].some((e) => (e as { name?: string } | null)?.name === 'QuotaExceededError');
}

/** Explains a failed IndexedDB write in plain English. */
export function describeWriteError(error: unknown): string {
  if (isQuotaError(error))
    return 'Not saved: this device has run out of storage space. Export the workshop to keep a copy.';
  return 'Not saved: the browser would not store your change. Export the workshop to keep a copy.';
}

/** "Saving…" shows only for a write still running after this long: most take a few milliseconds. */
const SAVING_DELAY_MS = 300;

const UNAVAILABLE_MESSAGE = 'Not saved: this browser is not letting the app store anything.';

class SaveStatus {
  state = $state<'idle' | 'saving' | 'saved' | 'error'>('idle');
  message = $state('');
  /** Set while storage is failing, for the banner; cleared when a write works and nothing is kept. */
  fault = $state<StorageFault | null>(null);
  /** Score changes the device refused, by record id: shown, exported, and sent again by `saveScore`. */
  readonly kept = new SvelteMap<string, KeptChange>();
  #pending = 0;

  /** Follows a write: "Saving…" if it is slow, then "Saved" or why not. Resolves undefined if it failed. */
  async track<T>(write: Promise<T>): Promise<T | undefined> {
    this.#pending += 1;
    const slow = setTimeout(() => {
      if (this.#pending > 0) this.state = 'saving';
    }, SAVING_DELAY_MS);
    try {
      const result = await write;
      // Not "Saved" while a change the device refused is held in memory only.
      if (this.#pending === 1 && this.kept.size === 0) {
        this.state = 'saved';
        if (this.fault !== 'unavailable') this.fault = null;
      }
      return result;
    } catch (error) {
      console.error(error);
      this.state = 'error';
      if (this.fault !== 'unavailable') this.fault = isQuotaError(error) ? 'quota' : 'write';
      this.message = this.fault === 'unavailable' ? UNAVAILABLE_MESSAGE : describeWriteError(error);
      return undefined;
    } finally {
      clearTimeout(slow);
      this.#pending -= 1;
    }
  }

  /** Opens the database once at start-up: if the browser will not store anything, says so before any typing. */
  async checkStorage(open: () => Promise<unknown>): Promise<void> {
    try {
      await open();
    } catch (error) {
      console.error(error);
      this.fault = 'unavailable';
      this.state = 'error';
      this.message = UNAVAILABLE_MESSAGE;
    }
  }

  /** Back to the neutral state (for a new screen). A storage fault keeps showing. */
  reset(): void {
    if (this.#pending === 0 && this.fault === null) this.state = 'idle';
  }
}

export const saveStatus = new SaveStatus();

type ScoresModule = typeof import('../data/scores.ts');
let scoresModule: Promise<ScoresModule> | undefined;

/**
 * The score repository, imported once: a second `import()` of a loaded module still waits for a
 * task in Chromium, and the browser painted in that gap before the tap's write began.
 */
function scores(): Promise<ScoresModule> {
  return (scoresModule ??= import('../data/scores.ts'));
}

/** Runs a write and shows how it went in the save status. Resolves undefined if it was refused. */
export function save<T>(write: Promise<T>): Promise<T | undefined> {
  return saveStatus.track(write);
}

/**
 * Saves part of a score or agreed score at once. If the device refuses it (full storage), the change
 * is kept: the screen shows it, the export includes it, and the next score saved sends it again, so
 * "Saved" shows only once every kept change is stored.
 */
export function saveScore(change: ScoreChange): Promise<Rating | Agreement | undefined> {
  return save(
    send(change).then(async (saved) => {
      await sendKept().catch(() => undefined);
      return saved;
    }),
  );
}

/**
 * Writes a change together with what is kept for its record. Refused: all of it is kept (added to
 * any change refused meanwhile). Stored, or not wanted any more (its group removed): the kept change
 * is forgotten, unless one was refused while this write ran.
 */
async function send(change: ScoreChange): Promise<Rating | Agreement | undefined> {
  const id = scoreId(change);
  const earlier = saveStatus.kept.get(id);
  const all = { ...change, fields: { ...earlier?.fields, ...change.fields } } as ScoreChange;
  try {
    const { writeScore } = await scores();
    const saved = await writeScore(all);
    if (saveStatus.kept.get(id) === earlier) saveStatus.kept.delete(id);
    return saved;
  } catch (error) {
    const fields = { ...saveStatus.kept.get(id)?.fields, ...all.fields };
    saveStatus.kept.set(id, { ...all, fields, at: nowIso() } as KeptChange);
    throw error;
  }
}

/** Sends every kept change again, one by one; the first refused again stops it (the rest stay kept). */
async function sendKept(): Promise<void> {
  for (const [id, kept] of [...saveStatus.kept]) {
    if (saveStatus.kept.get(id) === kept) await send(kept);
  }
}

/** Removes a group with its scores, and forgets its kept changes: there is nothing left to store them in. */
export function removeGroupAndScores(groupId: string): Promise<void | undefined> {
  return save(
    import('../data/groups.ts').then(async ({ removeGroup }) => {
      await removeGroup(groupId);
      for (const [id, kept] of [...saveStatus.kept]) {
        if (kept.kind === 'rating' && kept.groupId === groupId) saveStatus.kept.delete(id);
      }
    }),
  );
}
