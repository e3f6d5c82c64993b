import { dropDraft, keepDraft, type DraftTarget } from './text-drafts.ts';
import { nowIso } from '../domain/ids.ts';

/** Text changes waiting for their debounce, so they can be written at once when the page is hidden. */
const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; write: () => Promise<unknown> }>();

export const TEXT_DEBOUNCE_MS = 400;

/**
 * Saves text after a pause in typing; a newer change under the same key replaces the older one.
 * With a `draft` target, a copy is also kept in localStorage until the write succeeds (`write`
 * resolves to something other than undefined), so closing the page mid-pause loses nothing.
 */
export function scheduleTextSave(
  key: string,
  write: () => Promise<unknown>,
  draft?: { target: DraftTarget; text: string },
  delay = TEXT_DEBOUNCE_MS,
): void {
  const existing = pending.get(key);
  if (existing) clearTimeout(existing.timer);
  const at = nowIso();
  if (draft) keepDraft(key, { ...draft, at });
  const writeAndForget = async () => {
    const result = await write();
    if (draft && result !== undefined) dropDraft(key, at);
    return result;
  };
  const timer = setTimeout(() => {
    pending.delete(key);
    void writeAndForget();
  }, delay);
  pending.set(key, { timer, write: writeAndForget });
}

/** Writes every waiting text change now. */
export async function flushPendingText(): Promise<void> {
  const writes = [...pending.values()];
  pending.clear();
  for (const { timer } of writes) clearTimeout(timer);
  await Promise.all(writes.map(({ write }) => write()));
}

/** Whether a text change under `key` is still waiting. */
export function hasPendingText(key: string): boolean {
  return pending.has(key);
}

/** Flushes when the page is hidden or unloaded: the last moment a tablet gives us before it may kill the tab. */
export function flushOnHide(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushPendingText();
  });
  window.addEventListener('pagehide', () => void flushPendingText());
}
