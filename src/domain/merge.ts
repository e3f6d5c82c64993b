// Merging imported workshops into what a device holds. Records match by id; the newer `updatedAt`
// wins and a tie keeps the stored record, so importing the same file twice changes nothing.
import type { Action, Agreement, Group, Rating, Workshop, WorkshopBundle } from './types.ts';
import { groupNameKey } from './workshop-input.ts';

/** What an import does to the groups (or the scores, agreed scores or actions) of one workshop. */
export interface RecordCounts {
  added: number;
  updated: number;
  /** Same as stored: the stored record is kept. */
  unchanged: number;
  /** Older than stored: the stored record is kept. */
  older: number;
  /** Ids already used by another workshop on this device (or earlier in the import): left out. */
  clashing: number;
}

/** The records of a workshop, by kind, in the order they are described. */
export const RECORD_KINDS = ['groups', 'ratings', 'agreements', 'actions'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The record type of each kind. */
interface RecordOf {
  groups: Group;
  ratings: Rating;
  agreements: Agreement;
  actions: Action;
}

/** What an import does to one workshop. */
export interface WorkshopPlan extends Record<RecordKind, RecordCounts> {
  id: string;
  /** The workshop's name after the import. */
  name: string;
  /** The workshop record itself (name, date, private scoring, reveal time...). */
  details: 'added' | 'updated' | 'unchanged' | 'older';
  /** True when the workshop was deleted on this device and the import brings it back. */
  restored: boolean;
}

/** Records of every kind, workshops included: what is stored, or what an import writes. */
export type RecordSets = { workshops: Workshop[] } & { [K in RecordKind]: RecordOf[K][] };

/** The outcome of merging imported bundles with stored records: a summary and the records to write. */
export interface ImportPlan {
  workshops: WorkshopPlan[];
  writes: RecordSets;
}

/** The stored records an import may touch (found by the ids of `importKeys`). */
export type StoredRecords = RecordSets;

/** The ids of every record in the bundles, to look up what is stored under them. */
export function importKeys(bundles: readonly WorkshopBundle[]): {
  workshopIds: string[];
  groupIds: string[];
  ratingIds: string[];
  agreementIds: string[];
  actionIds: string[];
} {
  const unique = (ids: string[]) => [...new Set(ids)];
  const ids = (kind: RecordKind) => unique(bundles.flatMap((b) => b[kind].map((r) => r.id)));
  return {
    workshopIds: unique(bundles.map((b) => b.workshop.id)),
    groupIds: ids('groups'),
    ratingIds: ids('ratings'),
    agreementIds: ids('agreements'),
    actionIds: ids('actions'),
  };
}

interface Slot<T> {
  stored: T | undefined;
  best: T;
  sawOlder: boolean;
}

type Status = 'added' | 'updated' | 'unchanged' | 'older';

/** Offers an incoming record: it replaces the best so far only if strictly newer (ties keep the first). */
function offer<T extends { updatedAt: string }>(
  slots: Map<string, Slot<T>>,
  id: string,
  incoming: T,
  stored: T | undefined,
): void {
  const slot = slots.get(id);
  if (!slot) {
    slots.set(id, { stored, best: stored ?? incoming, sawOlder: false });
    if (!stored) return;
  }
  const current = slots.get(id)!;
  if (incoming.updatedAt > current.best.updatedAt) current.best = incoming;
  if (current.stored && incoming.updatedAt < current.stored.updatedAt) current.sawOlder = true;
}

function statusOf<T>(slot: Slot<T>): Status {
  if (!slot.stored) return 'added';
  if (slot.best !== slot.stored) return 'updated';
  return slot.sawOlder ? 'older' : 'unchanged';
}

const emptyCounts = (): RecordCounts => ({ added: 0, updated: 0, unchanged: 0, older: 0, clashing: 0 });

/** The records of one kind met so far: what is stored under their ids, and the best copy of each. */
class Merger<T extends { id: string; workshopId: string; updatedAt: string }> {
  readonly slots = new Map<string, Slot<T>>();
  readonly #stored: Map<string, T>;
  constructor(stored: readonly T[]) {
    this.#stored = new Map(stored.map((r) => [r.id, r]));
  }

  /** Offers a workshop's record; false (and nothing offered) when its id belongs to another workshop. */
  offer(record: T, workshopId: string): boolean {
    const stored = this.#stored.get(record.id);
    // An id belongs to one workshop: an id already owned by another is never moved.
    const owner = this.slots.get(record.id)?.best.workshopId ?? stored?.workshopId;
    if (owner !== undefined && owner !== workshopId) return false;
    offer(this.slots, record.id, record, stored);
    return true;
  }

  /** Counts each record's status into its workshop's plan, and lists the records to write. */
  tally(counts: (workshopId: string) => RecordCounts): T[] {
    const writes: T[] = [];
    for (const slot of this.slots.values()) {
      const status = statusOf(slot);
      counts(slot.best.workshopId)[status] += 1;
      if (status === 'added' || status === 'updated') writes.push(slot.best);
    }
    return writes;
  }
}

/** Merges imported bundles (several may share a workshop id) with the stored records; pure. */
export function planImport(bundles: readonly WorkshopBundle[], stored: StoredRecords): ImportPlan {
  const storedWorkshops = new Map(stored.workshops.map((w) => [w.id, w]));
  const workshops = new Map<string, Slot<Workshop>>();
  const mergers: { [K in RecordKind]: Merger<RecordOf[K]> } = {
    groups: new Merger(stored.groups),
    ratings: new Merger(stored.ratings),
    agreements: new Merger(stored.agreements),
    actions: new Merger(stored.actions),
  };
  const clashes = new Map<string, Record<RecordKind, number>>();
  const clash = (workshopId: string, kind: RecordKind) => {
    const counts = clashes.get(workshopId) ?? { groups: 0, ratings: 0, agreements: 0, actions: 0 };
    counts[kind] += 1;
    clashes.set(workshopId, counts);
  };

  for (const bundle of bundles) {
    const workshopId = bundle.workshop.id;
    offer(workshops, workshopId, bundle.workshop, storedWorkshops.get(workshopId));
    const refusedGroups = new Set<string>();
    for (const group of bundle.groups) {
      if (!mergers.groups.offer({ ...group, workshopId }, workshopId)) {
        refusedGroups.add(group.id);
        clash(workshopId, 'groups');
      }
    }
    for (const rating of bundle.ratings) {
      // A score of a group that was left out is left out with it.
      if (refusedGroups.has(rating.groupId) || !mergers.ratings.offer({ ...rating, workshopId }, workshopId))
        clash(workshopId, 'ratings');
    }
    for (const agreement of bundle.agreements) {
      if (!mergers.agreements.offer({ ...agreement, workshopId }, workshopId)) clash(workshopId, 'agreements');
    }
    for (const action of bundle.actions) {
      if (!mergers.actions.offer({ ...action, workshopId }, workshopId)) clash(workshopId, 'actions');
    }
  }

  const plans = new Map<string, WorkshopPlan>();
  const writes: RecordSets = { workshops: [], groups: [], ratings: [], agreements: [], actions: [] };
  for (const [id, slot] of workshops) {
    const details = statusOf(slot);
    const restored = slot.stored !== undefined && slot.stored.deletedAt !== null;
    const plan: WorkshopPlan = {
      id,
      name: slot.best.name,
      details,
      restored,
      groups: emptyCounts(),
      ratings: emptyCounts(),
      agreements: emptyCounts(),
      actions: emptyCounts(),
    };
    for (const kind of RECORD_KINDS) plan[kind].clashing = clashes.get(id)?.[kind] ?? 0;
    plans.set(id, plan);
    // An import always leaves the workshop not deleted: bringing it back is what importing means.
    if (details === 'added' || details === 'updated' || restored)
      writes.workshops.push({ ...slot.best, deletedAt: null });
  }
  writes.groups = mergers.groups.tally((id) => plans.get(id)!.groups);
  writes.ratings = mergers.ratings.tally((id) => plans.get(id)!.ratings);
  writes.agreements = mergers.agreements.tally((id) => plans.get(id)!.agreements);
  writes.actions = mergers.actions.tally((id) => plans.get(id)!.actions);
  return { workshops: [...plans.values()], writes };
}

/** True when applying the plan would write anything. */
export function hasChanges(plan: ImportPlan): boolean {
  return plan.writes.workshops.length > 0 || RECORD_KINDS.some((kind) => plan.writes[kind].length > 0);
}

/** "1 group", "24 scores". */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** How each kind of record is counted in sentences. */
const NOUNS: Readonly<Record<RecordKind, string>> = {
  groups: 'group',
  ratings: 'score',
  agreements: 'agreed score',
  actions: 'action',
};

/** "a", "a and b", "a, b and c". */
function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What a new workshop brings: "2 groups and 4 scores", plus agreed scores and actions when it has any. */
function addedRecords(p: WorkshopPlan): string {
  return listing(
    RECORD_KINDS.filter((kind) => kind === 'groups' || kind === 'ratings' || p[kind].added > 0).map((kind) =>
      count(p[kind].added, NOUNS[kind]),
    ),
  );
}

function changedParts(p: WorkshopPlan, past: boolean): string[] {
  const parts: string[] = [];
  const say = (verb: string, pastVerb: string, what: string) =>
    parts.push(past ? `${what} ${pastVerb}` : `${verb} ${what}`);
  if (p.restored) parts.push(past ? 'brought back from deleted workshops' : 'bring it back from deleted workshops');
  if (p.details === 'updated') parts.push(past ? 'details updated' : 'update its details');
  for (const kind of RECORD_KINDS) {
    if (p[kind].added) say('add', 'added', count(p[kind].added, NOUNS[kind]));
    if (p[kind].updated) say('update', 'updated', count(p[kind].updated, NOUNS[kind]));
  }
  return parts;
}

function keptNote(p: WorkshopPlan): string {
  const older: string[] = [];
  if (p.details === 'older') older.push('its older details');
  for (const kind of RECORD_KINDS) if (p[kind].older) older.push(count(p[kind].older, `older ${NOUNS[kind]}`));
  const notes: string[] = [];
  const one = older.length === 1 && p.details !== 'older' && RECORD_KINDS.every((kind) => p[kind].older <= 1);
  if (older.length) notes.push(`${capitalise(listing(older))} will be left as ${one ? 'it is' : 'they are'}.`);
  const clashing = RECORD_KINDS.reduce((sum, kind) => sum + p[kind].clashing, 0);
  if (clashing)
    notes.push(`${count(clashing, 'record')} will be left out: their ids belong to another workshop on this device.`);
  return notes.join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the plan will do, in plain English: one sentence (or two) per workshop. */
export function describePlan(plan: ImportPlan): string[] {
  if (!hasChanges(plan)) return ['Nothing to import: this device already has everything in these files.'];
  return plan.workshops.map((p) => {
    const note = keptNote(p);
    const tail = note ? ` ${note}` : '';
    if (p.details === 'added') return `This will add 1 workshop, “${p.name}”, with ${addedRecords(p)}.${tail}`;
    const parts = changedParts(p, false);
    if (parts.length === 0)
      return `Nothing will change in “${p.name}”: this device already has everything in it.${tail}`;
    return `This will update “${p.name}”: ${parts.join(', ')}.${tail}`;
  });
}

/** What an applied plan did, in plain English, for the success banner. */
export function describeImport(plan: ImportPlan): string {
  if (!hasChanges(plan)) return 'Nothing was imported: this device already had everything in these files.';
  return plan.workshops
    .map((p) => {
      if (p.details === 'added') return `Imported “${p.name}”: ${addedRecords(p)} added.`;
      const parts = changedParts(p, true);
      return parts.length ? `Imported “${p.name}”: ${parts.join(', ')}.` : `“${p.name}” was already up to date.`;
    })
    .join(' ');
}

/**
 * Names that more than one group of a workshop will have after the import (groups made on different
 * tablets are different groups, even when both are called "Group 1"), as sentences for the preview:
 * the charts and the table would show them under the same name. Only a name that a group the import
 * adds or renames will share is named. `storedGroups` are every group stored
 * for the plan's workshops; the plan's group writes are laid over them. Names are compared as the
 * workshop screen does when a group is added (trimmed, in any case).
 */
export function sameNameNotes(plan: ImportPlan, storedGroups: readonly Group[]): string[] {
  const groups = new Map(storedGroups.map((g) => [g.id, g]));
  const written = new Set(plan.writes.groups.map((g) => g.id));
  for (const g of plan.writes.groups) groups.set(g.id, g);
  // Each workshop's groups by name, in one pass over them all.
  const byWorkshop = new Map<string, Map<string, { names: string[]; imported: boolean }>>();
  for (const g of groups.values()) {
    const byName = byWorkshop.get(g.workshopId) ?? new Map<string, { names: string[]; imported: boolean }>();
    byWorkshop.set(g.workshopId, byName);
    const key = groupNameKey(g.name);
    const entry = byName.get(key) ?? { names: [], imported: false };
    entry.names.push(g.name.trim());
    entry.imported ||= written.has(g.id);
    byName.set(key, entry);
  }
  const notes: string[] = [];
  for (const workshop of plan.workshops) {
    // Only clashes the import makes: names already shared on this device were shared before.
    for (const { names, imported } of byWorkshop.get(workshop.id)?.values() ?? []) {
      if (names.length < 2 || !imported) continue;
      notes.push(
        `In “${workshop.name}”, ${names.length} groups will be called “${names[0]}”. Rename them on the workshop screen to tell them apart.`,
      );
    }
  }
  return notes;
}
