// Spreadsheet exports: the groups' scores, the agreed scores and the actions as CSV files that open
// correctly in Excel. Loaded on demand (`await import`), so papaparse is not in the first screen.
import Papa from 'papaparse';
import { statusLabel } from '../domain/actions.ts';
import { orderedGroups } from '../domain/results.ts';
import type { NowAnswer, Workshop, WorkshopBundle } from '../domain/types.ts';
import { levelName } from '../framework/frameworks.ts';
import type { Framework } from '../framework/types.ts';
import { exportBaseName } from './export-file.ts';
import { outcomeStats } from '../domain/stats.ts';

type Cell = string | number;

/** The CSV exports, by the last part of their file names. */
export const CSV_KINDS = ['scores', 'agreed', 'actions'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/**
 * The CSV text of a table. A byte-order mark first, so Excel reads it as UTF-8 (without it, "é" and
 * "’" arrive garbled); CRLF line ends, none after the last row; papaparse quotes any cell with a
 * comma, quote or line break. `escapeFormulae` puts a `'` before text starting with = + - @ tab or
 * CR, so a spreadsheet shows it instead of running it as a formula (CSV injection); numbers are
 * written as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  // The header goes in as the first row: given apart with no rows, papaparse adds an empty line.
  const table = [[...header], ...rows.map((row) => [...row])];
  return `\uFEFF${Papa.unparse(table, { newline: '\r\n', escapeFormulae: true })}`;
}

/** A level as a number Excel can average, "Not sure", or empty. */
function nowCell(framework: Framework, now: NowAnswer): Cell {
  if (now === 'not-sure') return framework.scale.notSureLabel;
  return now ?? '';
}

/** A level's name, e.g. "Established" for 3, or empty. */
function levelCell(framework: Framework, value: NowAnswer): string {
  return typeof value === 'number' ? (levelName(framework, value) ?? '') : '';
}

/** A timestamp as local date and time, `2026-11-27 10:05`, which Excel reads as a date and time. */
export function localDateTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())} ${two(time.getHours())}:${two(time.getMinutes())}`;
}

/** One row per group and outcome (groups in creation order, outcomes in the framework's order). */
export function ratingsCsv(framework: Framework, bundle: WorkshopBundle): string {
  const { workshop } = bundle;
  const byKey = new Map(bundle.ratings.map((r) => [`${r.groupId}\n${r.outcomeId}`, r]));
  const rows = orderedGroups(bundle.groups).flatMap((group) =>
    framework.outcomes.map((outcome) => {
      const rating = byKey.get(`${group.id}\n${outcome.id}`);
      const now = rating?.now ?? null;
      const target = rating?.target ?? null;
      const confidence = framework.confidence.find((c) => c.id === rating?.confidence)?.label ?? '';
      return [
        workshop.name,
        workshop.date,
        group.name,
        outcome.id,
        outcome.title,
        nowCell(framework, now),
        levelCell(framework, now),
        target ?? '',
        levelCell(framework, target),
        confidence,
        rating?.evidence ?? '',
        rating?.notes ?? '',
        rating ? localDateTime(rating.updatedAt) : '',
      ];
    }),
  );
  const header = [
    'Workshop',
    'Date',
    'Group',
    'Outcome ID',
    'Outcome',
    'Now',
    'Now level',
    'Target',
    'Target level',
    'Confidence',
    'Evidence',
    'Notes',
    'Last changed',
  ];
  return toCsv(header, rows);
}

/** One row per outcome with an agreed score (or its rationale or dissent), in the framework's order. */
export function agreementsCsv(framework: Framework, bundle: WorkshopBundle): string {
  const stats = outcomeStats(framework, bundle);
  const rows = framework.outcomes.flatMap((outcome, i) => {
    const agreement = bundle.agreements.find((a) => a.outcomeId === outcome.id);
    if (!agreement) return [];
    const empty =
      agreement.now === null &&
      agreement.target === null &&
      agreement.rationale.trim() === '' &&
      agreement.dissent.trim() === '';
    if (empty) return [];
    return [
      [
        outcome.id,
        outcome.title,
        nowCell(framework, agreement.now),
        agreement.target ?? '',
        agreement.rationale,
        agreement.dissent,
        stats[i]?.medianNow ?? '',
      ],
    ];
  });
  return toCsv(
    ['Outcome ID', 'Outcome', 'Agreed now', 'Agreed target', 'Rationale', 'Dissent', "Groups' median now"],
    rows,
  );
}

/** One row per action: by outcome in the framework's order, then in the order they were added. */
export function actionsCsv(framework: Framework, bundle: WorkshopBundle): string {
  const order = new Map(framework.outcomes.map((o, i) => [o.id, i]));
  const position = (outcomeId: string) => order.get(outcomeId) ?? order.size;
  const actions = [...bundle.actions].sort(
    (a, b) =>
      position(a.outcomeId) - position(b.outcomeId) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
  const rows = actions.map((action) => [
    framework.outcomes.find((o) => o.id === action.outcomeId)?.title ?? action.outcomeId,
    action.what,
    action.owner,
    action.due,
    statusLabel(action.status) ?? action.status,
  ]);
  return toCsv(['Outcome', 'What', 'Owner', 'Due', 'Status'], rows);
}

/** A CSV file to share or download. */
export function csvFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

/** The file name of a CSV export, e.g. `budget-review-2026-11-27-scores.csv`. */
export function csvFileName(workshop: Pick<Workshop, 'name' | 'date'>, kind: CsvKind): string {
  return `${exportBaseName(workshop)}-${kind}.csv`;
}

/** All three CSV exports of a workshop, built at once. */
export function csvFiles(framework: Framework, bundle: WorkshopBundle): Record<CsvKind, File> {
  const file = (kind: CsvKind, text: string) => csvFile(csvFileName(bundle.workshop, kind), text);
  return {
    scores: file('scores', ratingsCsv(framework, bundle)),
    agreed: file('agreed', agreementsCsv(framework, bundle)),
    actions: file('actions', actionsCsv(framework, bundle)),
  };
}
