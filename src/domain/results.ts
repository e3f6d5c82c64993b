import type { Framework } from '../framework/types.ts';
import type { Group, Rating, WorkshopBundle } from './types.ts';
import { ratingId } from './ids.ts';

/** One group's answers laid out in the framework's outcome order, ready for a chart or a table. */
export interface GroupSeries {
  groupId: string;
  name: string;
  /**
   * The group's place among the workshop's groups (creation order). Charts pick colour and marker
   * from it, so a group keeps its look when a screen shows only some of the groups.
   */
  index: number;
  /** The "now" level per outcome; null when not scored or answered "not sure". */
  now: (number | null)[];
  /** The target level per outcome; null when not scored. */
  target: (number | null)[];
  /** True where the group answered "not sure" for now. */
  notSure: boolean[];
}

/** The workshop's groups in a stable order: as created, then by name and id to break ties. */
export function orderedGroups(groups: readonly Group[]): Group[] {
  return [...groups].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/** True if the value is one of the framework's scale levels. */
export function isLevel(framework: Framework, value: unknown): value is number {
  return typeof value === 'number' && framework.scale.levels.some((level) => level.value === value);
}

/** Each group's now and target levels, one entry per framework outcome, in outcome order. */
export function groupSeries(framework: Framework, bundle: WorkshopBundle): GroupSeries[] {
  // Keyed by group and outcome rather than by `id`, so a rating is found by what it rates.
  const byId = new Map<string, Rating>(bundle.ratings.map((r) => [ratingId(r.groupId, r.outcomeId), r]));
  return orderedGroups(bundle.groups).map((group, index) => {
    const ratings = framework.outcomes.map((outcome) => byId.get(ratingId(group.id, outcome.id)));
    return {
      groupId: group.id,
      name: group.name,
      index,
      // A value that is not a level of this framework cannot be placed on its scale, so it counts as missing.
      now: ratings.map((r) => (isLevel(framework, r?.now) ? r.now : null)),
      target: ratings.map((r) => (isLevel(framework, r?.target) ? r.target : null)),
      notSure: ratings.map((r) => r?.now === 'not-sure'),
    };
  });
}

/** True if any group has answered anything (a level or "not sure") for any outcome. */
export function hasAnswers(series: readonly GroupSeries[]): boolean {
  return series.some(
    (s) => s.notSure.some(Boolean) || s.now.some((v) => v !== null) || s.target.some((v) => v !== null),
  );
}
