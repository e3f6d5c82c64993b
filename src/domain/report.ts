// The printed report's content, worked out from the workshop alone, so the screen only lays it out.
import type { Framework } from '../framework/types.ts';
import type { Action, ActionStatus, Agreement, WorkshopBundle, Workshop } from './types.ts';
import type { GroupSeries } from './results.ts';
import { isLevel, orderedGroups } from './results.ts';
import { byGap, outcomeStats, type OutcomeStats } from './stats.ts';
import { ratingId } from './ids.ts';
import { sortActions, statusLabel } from './actions.ts';
import { formatDate } from './workshop-input.ts';

/** Where a reported score comes from: the score the room agreed, or the median of the groups' scores. */
export type ScoreSource = 'agreed' | 'median';

/** The score the report gives one outcome, and what it is based on. */
export interface ReportScore {
  outcomeId: string;
  title: string;
  source: ScoreSource;
  /** The level for now: agreed, or the groups' median (may be a half level); null if none. */
  now: number | null;
  /** True when the room agreed "not sure" for now. */
  nowNotSure: boolean;
  /** The target level: agreed, or the groups' median (may be a half level); null if none. */
  target: number | null;
  /** Target minus now; null unless both are known. */
  gap: number | null;
  /** "Agreed", "Median of 3 groups", "Median of 3 groups (2 for target)" or "Not scored". */
  basis: string;
  /** The agreement, when the room agreed a score (with its rationale and dissent). */
  agreement: Agreement | null;
  /** The groups' figures for the outcome, whatever the source. */
  stats: OutcomeStats;
}

/** One group's evidence and notes for an outcome, trimmed; at least one of them is not empty. */
export interface EvidenceNote {
  groupId: string;
  groupName: string;
  evidence: string;
  notes: string;
}

/** The groups' evidence and notes for one outcome. */
export interface OutcomeEvidence {
  outcomeId: string;
  title: string;
  notes: EvidenceNote[];
}

/** An action as the report prints it. */
export interface ReportAction {
  id: string;
  what: string;
  owner: string;
  /** The due date written for people ("27 November 2026"), or '' when none is set. */
  due: string;
  status: ActionStatus;
  statusLabel: string;
}

/** The actions for one outcome. */
export interface OutcomeActions {
  outcomeId: string;
  title: string;
  actions: ReportAction[];
}

/** Everything the report shows, in the order it shows it. */
export interface ReportContent {
  workshop: Workshop;
  /** The groups taking part, in creation order. */
  groupNames: string[];
  /** One score per outcome, in framework order. */
  scores: ReportScore[];
  /** The same scores, largest gap first (agreed gap where agreed); outcomes with no gap last. */
  scoresByGap: ReportScore[];
  /** Outcomes (in framework order) for which some group wrote evidence or notes; others are left out. */
  evidence: OutcomeEvidence[];
  /** Actions by outcome (framework order, unknown outcomes last), dated ones first within each. */
  actions: OutcomeActions[];
}

/** True when the agreement holds a score (a level or "not sure"), not just words. */
export function hasAgreedScore(agreement: Agreement | undefined | null): agreement is Agreement {
  return !!agreement && (agreement.now !== null || agreement.target !== null);
}

function groupsLabel(count: number): string {
  return `${count} ${count === 1 ? 'group' : 'groups'}`;
}

/** What a median is based on: "Median of 3 groups", noting a different count for the target. */
export function medianBasis(stats: Pick<OutcomeStats, 'nowValues' | 'targetValues'>): string {
  const nows = stats.nowValues.length;
  const targets = stats.targetValues.length;
  if (nows === 0 && targets === 0) return 'Not scored';
  if (nows === targets) return `Median of ${groupsLabel(nows)}`;
  if (nows === 0) return `Median of ${groupsLabel(targets)} (target only)`;
  if (targets === 0) return `Median of ${groupsLabel(nows)} (now only)`;
  return `Median of ${groupsLabel(nows)} (${targets} for target)`;
}

function scoreFor(
  framework: Framework,
  title: string,
  stats: OutcomeStats,
  agreement: Agreement | undefined,
): ReportScore {
  if (hasAgreedScore(agreement)) {
    const now = isLevel(framework, agreement.now) ? agreement.now : null;
    const target = isLevel(framework, agreement.target) ? agreement.target : null;
    return {
      outcomeId: stats.outcomeId,
      title,
      source: 'agreed',
      now,
      nowNotSure: agreement.now === 'not-sure',
      target,
      gap: now !== null && target !== null ? target - now : null,
      basis: 'Agreed',
      agreement,
      stats,
    };
  }
  return {
    outcomeId: stats.outcomeId,
    title,
    source: 'median',
    now: stats.medianNow,
    nowNotSure: false,
    target: stats.medianTarget,
    gap: stats.gap,
    basis: medianBasis(stats),
    agreement: agreement ?? null,
    stats,
  };
}

/** The scores in `scores` ordered as `byGap` orders outcomes, using each score's own gap. */
export function orderByGap(scores: readonly ReportScore[]): ReportScore[] {
  // One ordering rule for the whole app: `byGap` decides, given the gaps the report uses.
  const byOutcome = new Map(scores.map((s) => [s.outcomeId, s]));
  return byGap(scores.map((s) => ({ ...s.stats, gap: s.gap }))).flatMap(
    (stats) => byOutcome.get(stats.outcomeId) ?? [],
  );
}

/** Each group's non-empty evidence and notes per outcome, in framework order; outcomes with none are left out. */
export function evidenceNotes(framework: Framework, bundle: WorkshopBundle): OutcomeEvidence[] {
  const groups = orderedGroups(bundle.groups);
  const ratings = new Map(bundle.ratings.map((r) => [ratingId(r.groupId, r.outcomeId), r]));
  return framework.outcomes.flatMap((outcome) => {
    const notes = groups.flatMap((group) => {
      const rating = ratings.get(ratingId(group.id, outcome.id));
      const evidence = rating?.evidence.trim() ?? '';
      const text = rating?.notes.trim() ?? '';
      return evidence || text ? [{ groupId: group.id, groupName: group.name, evidence, notes: text }] : [];
    });
    return notes.length ? [{ outcomeId: outcome.id, title: outcome.title, notes }] : [];
  });
}

/** The actions grouped by outcome (framework order, unknown outcomes last), with status labels and dates for people. */
export function actionsByOutcome(framework: Framework, actions: readonly Action[]): OutcomeActions[] {
  const titles = new Map(framework.outcomes.map((o) => [o.id, o.title]));
  const groups: OutcomeActions[] = [];
  for (const action of sortActions(actions, 'outcome', [...titles.keys()])) {
    let group = groups.at(-1);
    if (group?.outcomeId !== action.outcomeId) {
      group = { outcomeId: action.outcomeId, title: titles.get(action.outcomeId) ?? action.outcomeId, actions: [] };
      groups.push(group);
    }
    group.actions.push({
      id: action.id,
      what: action.what,
      owner: action.owner,
      due: action.due ? formatDate(action.due) : '',
      status: action.status,
      statusLabel: statusLabel(action.status),
    });
  }
  return groups;
}

/** The report's content from the framework, the workshop and its statistics (computed when not given). */
export function buildReport(
  framework: Framework,
  bundle: WorkshopBundle,
  stats: readonly OutcomeStats[] = outcomeStats(framework, bundle),
): ReportContent {
  const agreements = new Map(bundle.agreements.map((a) => [a.outcomeId, a]));
  const statsById = new Map(stats.map((s) => [s.outcomeId, s]));
  const scores = framework.outcomes.flatMap((outcome) => {
    const outcomeStats = statsById.get(outcome.id);
    return outcomeStats ? [scoreFor(framework, outcome.title, outcomeStats, agreements.get(outcome.id))] : [];
  });
  return {
    workshop: bundle.workshop,
    groupNames: orderedGroups(bundle.groups).map((g) => g.name),
    scores,
    scoresByGap: orderByGap(scores),
    evidence: evidenceNotes(framework, bundle),
    actions: actionsByOutcome(framework, bundle.actions),
  };
}

/** The reported scores as one chart series (agreed, else median), for the radar chart. */
export function reportSeries(scores: readonly ReportScore[], name: string): GroupSeries {
  return {
    groupId: 'report',
    name,
    index: 0,
    now: scores.map((s) => s.now),
    target: scores.map((s) => s.target),
    notSure: scores.map((s) => s.nowNotSure),
  };
}

/** A level or median for people: "3", "2.5"; a gap gets a sign ("+2", "−1", "0"). An en dash when unknown. */
export function formatScore(value: number | null, { signed = false } = {}): string {
  if (value === null) return '–';
  const text = String(Math.abs(Math.round(value * 10) / 10));
  if (!signed || value === 0) return value < 0 ? `−${text}` : text;
  return value > 0 ? `+${text}` : `−${text}`;
}
