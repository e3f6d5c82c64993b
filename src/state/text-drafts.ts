/**
 * A copy of text still waiting to be saved, kept in localStorage. A page that is closed or reloaded
 * straight after typing ends before its IndexedDB write completes (the write started on `pagehide`
 * is dropped), but a localStorage write there is synchronous and survives. At the next start the
 * draft is written to IndexedDB unless what is stored there is newer.
 */
export type DraftTarget =
  | { kind: 'rating'; workshopId: string; groupId: string; outcomeId: string; field: 'evidence' | 'notes' }
  | { kind: 'agreement'; workshopId: string; outcomeId: string; field: 'rationale' | 'dissent' };

/** Text typed for a target, and when (ISO time, comparable with `updatedAt`). */
export interface TextDraft {
  target: DraftTarget;
  text: string;
  at: string;
}

const KEY = 'outcomes-workshop:text-drafts';

// localStorage may be missing or refuse writes (private modes, quota): drafts are a safety net only.
function read(): Record<string, TextDraft> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, TextDraft>) : {};
  } catch {
    return {};
  }
}

function write(drafts: Record<string, TextDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(drafts));
  } catch {
    /* see read() */
  }
}

/** Keeps a copy of text typed under `key` until `dropDraft` says it is in IndexedDB. */
export function keepDraft(key: string, draft: TextDraft): void {
  write({ ...read(), [key]: draft });
}

/** Forgets the draft under `key` if it is the one typed at `at` (a newer draft stays). */
export function dropDraft(key: string, at: string): void {
  const drafts = read();
  if (drafts[key]?.at !== at) return;
  delete drafts[key];
  write(drafts);
}

/** Every draft kept, by key (the caller writes them to the database, then drops each). */
export function keptDrafts(): [string, TextDraft][] {
  return Object.entries(read()).filter((entry): entry is [string, TextDraft] => isDraft(entry[1]));
}

function isDraft(value: unknown): value is TextDraft {
  const d = value as Partial<TextDraft> | null;
  const t = d?.target as Partial<DraftTarget> | undefined;
  return (
    typeof d?.text === 'string' &&
    typeof d.at === 'string' &&
    typeof t?.workshopId === 'string' &&
    typeof t.outcomeId === 'string' &&
    ((t.kind === 'rating' &&
      typeof (t as { groupId?: unknown }).groupId === 'string' &&
      (t.field === 'evidence' || t.field === 'notes')) ||
      (t.kind === 'agreement' && (t.field === 'rationale' || t.field === 'dissent')))
  );
}
