// What an import plan (see merge.ts) will do or did, in plain English, for the preview and the
// success banner.
import { hasChanges, RECORD_KINDS, type ImportPlan, type RecordKind, type WorkshopPlan } from './merge.ts';
import type { Group } from './types.ts';
import { groupNameKey } from './workshop-input.ts';

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
