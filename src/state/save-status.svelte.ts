import { unsaved } from './unsaved-changes.svelte.ts';

/** What went wrong with storage, for the banner that says so: nothing saved, storage full, or a failed write. */
export type StorageFault = 'unavailable' | 'quota' | 'write';

/** Whether the error (or the error it wraps: quota errors may come inside an AbortError) is the storage being full. */
export function isQuotaError(error: unknown): boolean {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const names = [error, inner].map((e) => (e as { name?: string } | null)?.name ?? '');
  return names.includes('QuotaExceededError');
}

/** Explains a failed IndexedDB write in plain English; quota errors may come wrapped in an AbortError. */
export function describeWriteError(error: unknown): string {
  if (isQuotaError(error))
    return 'Not saved: this device has run out of storage space. Export the workshop to keep a copy.';
  return 'Not saved: the browser would not store your change. Export the workshop to keep a copy.';
}

/**
 * "Saving…" shows only for a write still running after this long. Most take a few milliseconds: the
 * word would only flicker, and drawing it made the browser lay out the page between the tap and the
 * write, which waited behind that (about a third of the tap-to-saved time in the benchmark).
 */
const SAVING_DELAY_MS = 300;

const UNAVAILABLE_MESSAGE = 'Not saved: this browser is not letting the app store anything.';

/** Whether every change has reached IndexedDB, for the "Saved" status everyone can see. */
class SaveStatus {
  state = $state<'idle' | 'saving' | 'saved' | 'error'>('idle');
  message = $state('');
  /** Set while storage is failing, for the banner; cleared when a later write works and no refused change is kept. */
  fault = $state<StorageFault | null>(null);
  #pending = 0;
  /** A failed write keeps the error showing until a later write succeeds on its own and no refused change is kept. */
  #failed = false;

  /** Follows a write: "Saving…" if it is slow, then "Saved" or the error. Rethrows nothing. */
  async track<T>(write: Promise<T>): Promise<T | undefined> {
    this.#pending += 1;
    const slow = setTimeout(() => {
      if (this.#pending > 0) this.state = 'saving';
    }, SAVING_DELAY_MS);
    try {
      const result = await write;
      clearTimeout(slow);
      this.#pending -= 1;
      // Not "Saved" while a change the database refused is held in memory only (unsaved.svelte.ts
      // sends those again after a write that works; until they are stored the error stays).
      if (this.#pending === 0 && unsaved.count === 0) this.#failed = false;
      if (this.#pending === 0 && !this.#failed) {
        this.state = 'saved';
        if (this.fault !== 'unavailable') this.fault = null;
      }
      return result;
    } catch (error) {
      clearTimeout(slow);
      this.#pending -= 1;
      this.#failed = true;
      console.error(error);
      this.state = 'error';
      if (this.fault === 'unavailable') {
        this.message = UNAVAILABLE_MESSAGE;
      } else {
        this.message = describeWriteError(error);
        this.fault = isQuotaError(error) ? 'quota' : 'write';
      }
      return undefined;
    }
  }

  /**
   * Opens the database once at start-up: if the browser will not let the app store anything (no
   * IndexedDB, storage blocked by a setting, some private windows), says so at once, before any typing.
   */
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
