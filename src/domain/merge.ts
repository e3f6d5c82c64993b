// Merging imported workshops into what a device holds. Records match by id; the newer `updatedAt`
// wins and a tie keeps the stored record, so importing the same file twice changes nothing.
import type { Action, Agreement, Group, Rating, Workshop, WorkshopBundle } from './types.ts';

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
