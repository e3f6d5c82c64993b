// Merging imported workshops into what a device holds. Records match by id; the newer `updatedAt`
// wins and a tie keeps the stored record, so importing the same file twice changes nothing.
import type { Group, Rating, Workshop, WorkshopBundle } from './types.ts';

/** What an import does to the groups (or the scores) of one workshop. */
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

/** What an import does to one workshop. */
export interface WorkshopPlan {
  id: string;
  /** The workshop's name after the import. */
  name: string;
  details: 'added' | 'updated' | 'unchanged' | 'older';
  /** True when the workshop was deleted on this device and the import brings it back. */
  restored: boolean;
  groups: RecordCounts;
  ratings: RecordCounts;
}

/** The outcome of merging imported bundles with stored records: a summary and the records to write. */
export interface ImportPlan {
  workshops: WorkshopPlan[];
  writes: { workshops: Workshop[]; groups: Group[]; ratings: Rating[] };
}

/** The stored records an import may touch (found by the ids of `importKeys`). */
export interface StoredRecords {
  workshops: Workshop[];
  groups: Group[];
  ratings: Rating[];
}

/** The ids of every record in the bundles, to look up what is stored under them. */
export function importKeys(bundles: readonly WorkshopBundle[]): { workshopIds: string[]; groupIds: string[]; ratingIds: string[] } {
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    workshopIds: unique(bundles.map((b) => b.workshop.id)),
    groupIds: unique(bundles.flatMap((b) => b.groups.map((g) => g.id))),
    ratingIds: unique(bundles.flatMap((b) => b.ratings.map((r) => r.id))),
  };
}

interface Slot<T> {
  stored: T | undefined;
  best: T;
  sawOlder: boolean;
}

type Status = 'added' | 'updated' | 'unchanged' | 'older';

/** Offers an incoming record: it replaces the best so far only if strictly newer (ties keep the first). */
function offer<T extends { updatedAt: string }>(slots: Map<string, Slot<T>>, id: string, incoming: T, stored: T | undefined): void {
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

/** Merges imported bundles (several may share a workshop id) with the stored records; pure. */
export function planImport(bundles: readonly WorkshopBundle[], stored: StoredRecords): ImportPlan {
  const storedWorkshops = new Map(stored.workshops.map((w) => [w.id, w]));
  const storedGroups = new Map(stored.groups.map((g) => [g.id, g]));
  const storedRatings = new Map(stored.ratings.map((r) => [r.id, r]));
  const workshops = new Map<string, Slot<Workshop>>();
  const groups = new Map<string, Slot<Group>>();
  const ratings = new Map<string, Slot<Rating>>();
  const clashes = new Map<string, number>();
  const clash = (workshopId: string) => clashes.set(workshopId, (clashes.get(workshopId) ?? 0) + 1);

  for (const bundle of bundles) {
    const workshopId = bundle.workshop.id;
    offer(workshops, workshopId, bundle.workshop, storedWorkshops.get(workshopId));
    // A group or score id belongs to one workshop: an id already owned by another is never moved.
    const refused = new Set<string>();
    for (const incoming of bundle.groups) {
      const group = { ...incoming, workshopId };
      const owner = groups.get(group.id)?.best.workshopId ?? storedGroups.get(group.id)?.workshopId;
      if (owner !== undefined && owner !== workshopId) {
        refused.add(group.id);
        clash(workshopId);
      } else offer(groups, group.id, group, storedGroups.get(group.id));
    }
    for (const incoming of bundle.ratings) {
      const rating = { ...incoming, workshopId };
      const owner = ratings.get(rating.id)?.best.workshopId ?? storedRatings.get(rating.id)?.workshopId;
      if (refused.has(rating.groupId) || (owner !== undefined && owner !== workshopId)) clash(workshopId);
      else offer(ratings, rating.id, rating, storedRatings.get(rating.id));
    }
  }

  const plans = new Map<string, WorkshopPlan>();
  const writes: ImportPlan['writes'] = { workshops: [], groups: [], ratings: [] };
  for (const [id, slot] of workshops) {
    const details = statusOf(slot);
    const restored = slot.stored !== undefined && slot.stored.deletedAt !== null;
    const ratingCounts = emptyCounts();
    ratingCounts.clashing = clashes.get(id) ?? 0;
    plans.set(id, { id, name: slot.best.name, details, restored, groups: emptyCounts(), ratings: ratingCounts });
    // An import always leaves the workshop not deleted: bringing it back is what importing means.
    if (details === 'added' || details === 'updated' || restored) writes.workshops.push({ ...slot.best, deletedAt: null });
  }
  const tally = <T extends Group | Rating>(slots: Map<string, Slot<T>>, pick: (p: WorkshopPlan) => RecordCounts, out: T[]) => {
    for (const slot of slots.values()) {
      const status = statusOf(slot);
      pick(plans.get(slot.best.workshopId)!)[status] += 1;
      if (status === 'added' || status === 'updated') out.push(slot.best);
    }
  };
  tally(groups, (p) => p.groups, writes.groups);
  tally(ratings, (p) => p.ratings, writes.ratings);
  return { workshops: [...plans.values()], writes };
}

/** True when applying the plan would write anything. */
export function hasChanges(plan: ImportPlan): boolean {
  const { workshops, groups, ratings } = plan.writes;
  return workshops.length + groups.length + ratings.length > 0;
}

/** "1 group", "24 scores". */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function changedParts(p: WorkshopPlan, past: boolean): string[] {
  const parts: string[] = [];
  const say = (verb: string, pastVerb: string, what: string) => parts.push(past ? `${what} ${pastVerb}` : `${verb} ${what}`);
  if (p.restored) parts.push(past ? 'brought back from deleted workshops' : 'bring it back from deleted workshops');
  if (p.details === 'updated') parts.push(past ? 'details updated' : 'update its details');
  if (p.groups.added) say('add', 'added', count(p.groups.added, 'group'));
  if (p.groups.updated) say('update', 'updated', count(p.groups.updated, 'group'));
  if (p.ratings.added) say('add', 'added', count(p.ratings.added, 'score'));
  if (p.ratings.updated) say('update', 'updated', count(p.ratings.updated, 'score'));
  return parts;
}

function keptNote(p: WorkshopPlan): string {
  const older: string[] = [];
  if (p.details === 'older') older.push('its older details');
  if (p.groups.older) older.push(count(p.groups.older, 'older group'));
  if (p.ratings.older) older.push(count(p.ratings.older, 'older score'));
  const notes: string[] = [];
  if (older.length) notes.push(`${capitalise(listing(older))} will be left as they are.`);
  const clashing = p.groups.clashing + p.ratings.clashing;
  if (clashing) notes.push(`${count(clashing, 'record')} will be left out: their ids belong to another workshop on this device.`);
  return notes.join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What the plan will do, in plain English: one sentence (or two) per workshop. */
export function describePlan(plan: ImportPlan): string[] {
  if (!hasChanges(plan)) return ['Nothing to import: this device already has everything in these files.'];
  return plan.workshops.map((p) => {
    const note = keptNote(p);
    const tail = note ? ` ${note}` : '';
    if (p.details === 'added') {
      return `This will add 1 workshop, “${p.name}”, with ${count(p.groups.added, 'group')} and ${count(p.ratings.added, 'score')}.${tail}`;
    }
    const parts = changedParts(p, false);
    if (parts.length === 0) return `Nothing will change in “${p.name}”: this device already has everything in it.${tail}`;
    return `This will update “${p.name}”: ${parts.join(', ')}.${tail}`;
  });
}

/** What an applied plan did, in plain English, for the success banner. */
export function describeImport(plan: ImportPlan): string {
  if (!hasChanges(plan)) return 'Nothing was imported: this device already had everything in these files.';
  return plan.workshops
    .map((p) => {
      if (p.details === 'added') {
        return `Imported “${p.name}”: ${count(p.groups.added, 'group')} and ${count(p.ratings.added, 'score')} added.`;
      }
      const parts = changedParts(p, true);
      return parts.length ? `Imported “${p.name}”: ${parts.join(', ')}.` : `“${p.name}” was already up to date.`;
    })
    .join(' ');
}
