// Typed text is saved after a pause in typing, and at once when the page is hidden. Until it is
// stored, a copy (a draft) is kept in localStorage: a page closed straight after typing ends before
// its IndexedDB write completes, but a localStorage write is synchronous and survives. At the next
// start the drafts are written to IndexedDB unless what is stored there is newer.
import { nowIso } from '../domain/ids.ts';
import type { ScoreChange, TextTarget } from '../domain/types.ts';

export const TEXT_DEBOUNCE_MS = 400;

/** The change that puts `text` in the field `target` names. */
function textChange(target: TextTarget, text: string): ScoreChange {
  const { field, ...record } = target;
  return { ...record, fields: { [field]: text } } as ScoreChange;
}

/** Text typed for a target, and when (ISO time, comparable with `updatedAt`). */
interface TextDraft {
  target: TextTarget;
  text: string;
  at: string;
}

/** Writes a change; resolves undefined if it was not stored (see state/save.svelte.ts's saveScore). */
type Write = (change: ScoreChange) => Promise<unknown>;

/** Text changes waiting for their pause, by the field's key, so they can be written at once on hide. */
const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; write: () => Promise<unknown> }>();

/** Saves text typed in the field `key` after a pause in typing; a newer call for the key replaces it. */
export function saveTextLater(key: string, target: TextTarget, text: string, write: Write, delay = TEXT_DEBOUNCE_MS) {
  clearTimeout(waiting.get(key)?.timer);
  const draft = { target, text, at: nowIso() };
  writeDrafts({ ...readDrafts(), [key]: draft });
  const writeNow = async () => {
    if ((await write(textChange(target, text))) !== undefined) dropDraft(key, draft.at);
  };
  const timer = setTimeout(() => {
    waiting.delete(key);
    void writeNow();
  }, delay);
  waiting.set(key, { timer, write: writeNow });
}

/** Writes every waiting text change now. */
export async function flushPendingText(): Promise<void> {
  const writes = [...waiting.values()];
  waiting.clear();
  for (const { timer } of writes) clearTimeout(timer);
  await Promise.all(writes.map(({ write }) => write()));
}

/** Whether text typed in the field `key` is still waiting to be written. */
export function hasPendingText(key: string): boolean {
  return waiting.has(key);
}

/** Flushes when the page is hidden or unloaded: the last moment a tablet gives us before it may kill the tab. */
export function flushOnHide(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushPendingText();
  });
  window.addEventListener('pagehide', () => void flushPendingText());
}

/**
 * Writes each draft left by a page that closed before saving it, then forgets it. `write` stores the
 * change unless what is stored was saved after `typedAt` (data/scores.ts's writeScore).
 */
export function recoverDrafts(write: (change: ScoreChange, typedAt: string) => Promise<unknown>): Promise<unknown> {
  const drafts = Object.entries(readDrafts());
  return Promise.all(
    drafts.map(([key, d]) => write(textChange(d.target, d.text), d.at).then(() => dropDraft(key, d.at))),
  );
}

const KEY = 'outcomes-workshop:text-drafts';

/** Forgets the draft of `key` if it is the one typed at `at` (a newer draft stays). */
function dropDraft(key: string, at: string): void {
  const drafts = readDrafts();
  if (drafts[key]?.at !== at) return;
  delete drafts[key];
  writeDrafts(drafts);
}

// localStorage may be missing or refuse writes (private modes, quota): drafts are a safety net only.
function readDrafts(): Record<string, TextDraft> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return Object.fromEntries(Object.entries(parsed ?? {}).filter(([, draft]) => isDraft(draft)));
  } catch {
    return {};
  }
}

function writeDrafts(drafts: Record<string, TextDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(drafts));
  } catch {
    /* see readDrafts */
  }
}

function isDraft(value: unknown): value is TextDraft {
  const { text, at, target } = (value ?? {}) as Partial<TextDraft>;
  const t = (target ?? {}) as Partial<Record<string, unknown>>;
  const ids = typeof t.workshopId === 'string' && typeof t.outcomeId === 'string';
  const rating =
    t.kind === 'rating' && typeof t.groupId === 'string' && (t.field === 'evidence' || t.field === 'notes');
  const agreement = t.kind === 'agreement' && (t.field === 'rationale' || t.field === 'dissent');
  return typeof text === 'string' && typeof at === 'string' && ids && (rating || agreement);
}
