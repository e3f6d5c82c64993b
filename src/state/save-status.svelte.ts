/** Explains a failed IndexedDB write in plain English; quota errors may come wrapped in an AbortError. */
export function describeWriteError(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const names = [error, inner].map((e) => (e as { name?: string } | null)?.name ?? '');
  if (names.includes('QuotaExceededError'))
    return 'Not saved: this device has run out of storage space. Export the workshop to keep a copy.';
  return 'Not saved: the browser would not store your change. Export the workshop to keep a copy.';
}

/** Whether every change has reached IndexedDB, for the "Saved" status everyone can see. */
class SaveStatus {
  state = $state<'idle' | 'saving' | 'saved' | 'error'>('idle');
  message = $state('');
  #pending = 0;
  /** A failed write keeps the error showing until a later write succeeds on its own. */
  #failed = false;

  /** Follows a write: "Saving…" while it runs, then "Saved" or the error. Rethrows nothing. */
  async track<T>(write: Promise<T>): Promise<T | undefined> {
    this.#pending += 1;
    this.state = 'saving';
    try {
      const result = await write;
      this.#pending -= 1;
      if (this.#pending === 0) this.#failed = false;
      if (this.#pending === 0 && !this.#failed) this.state = 'saved';
      return result;
    } catch (error) {
      this.#pending -= 1;
      this.#failed = true;
      console.error(error);
      this.state = 'error';
      this.message = describeWriteError(error);
      return undefined;
    }
  }

  /** Back to the neutral state (for a new screen). */
  reset(): void {
    if (this.#pending === 0) this.state = 'idle';
  }
}

export const saveStatus = new SaveStatus();
