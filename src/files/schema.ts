// The shape of a current-version workshop file, as a valibot schema. It checks types, lengths and
// patterns; rules that need the framework or other records (scale levels, outcome ids, references
// between records, duplicates) are checked afterwards in import-check.ts. docs/file-format.schema.json
// is generated from this schema by tests/unit/file-schema.test.ts.
import * as v from 'valibot';
import {
  DATE_PATTERN,
  DUE_DATE_PATTERN,
  FILE_FORMAT,
  FILE_FORMAT_VERSION,
  MAX_LONG_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
  TIMESTAMP_EXAMPLE,
  TIMESTAMP_PATTERN,
} from './format.ts';
import { getFramework } from '../framework/frameworks.ts';
import type { Framework } from '../framework/types.ts';
import { ACTION_STATUSES } from '../domain/types.ts';

const text = (description: string) => v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH), v.description(description));
const requiredText = (description: string) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH), v.description(description));
const longText = (description: string) =>
  v.pipe(v.string(), v.maxLength(MAX_LONG_TEXT_LENGTH), v.description(description));
const timestamp = (description: string) =>
  v.pipe(v.string(), v.regex(TIMESTAMP_PATTERN), v.description(`${description}. UTC, written as ${TIMESTAMP_EXAMPLE}`));
const level = v.pipe(v.number(), v.integer());
const nowAnswer = (description: string) =>
  v.pipe(v.nullable(v.union([level, v.literal('not-sure')])), v.description(description));

/** A group in the file; its workshop is the one it is listed in. */
export const groupSchema = v.object({
  id: requiredText('Unique id of the group'),
  name: requiredText('Name of the group, e.g. "Blue"'),
  createdAt: timestamp('When the group was added'),
  updatedAt: timestamp('When the group last changed; the newer record wins a merge'),
});

/** One group's answers for one outcome. */
export const ratingSchema = v.object({
  id: requiredText('Must be the group id and the outcome id joined by "/"'),
  groupId: requiredText('Id of a group listed in the same file'),
  outcomeId: requiredText("Id of one of the framework's outcomes"),
  now: nowAnswer('Where the council is now: a scale level, "not-sure", or null if not answered'),
  target: v.pipe(v.nullable(level), v.description('Where the council aims to be: a scale level, or null')),
  confidence: v.pipe(
    v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH))),
    v.description("How sure the group is: one of the framework's confidence ids, or null"),
  ),
  evidence: longText('What the group based its answer on'),
  notes: longText("The group's notes"),
  updatedAt: timestamp('When the score last changed; the newer record wins a merge'),
});

/** The score the room agreed for one outcome. */
export const agreementSchema = v.object({
  id: requiredText('Must be the workshop id and the outcome id joined by "/"'),
  outcomeId: requiredText("Id of one of the framework's outcomes"),
  now: nowAnswer('The agreed level for now: a scale level, "not-sure", or null if not agreed yet'),
  target: v.pipe(v.nullable(level), v.description('The agreed target: a scale level, or null')),
  rationale: longText('Why the room agreed these scores'),
  dissent: longText('Any view the room did not share'),
  updatedAt: timestamp('When the agreed score last changed; the newer record wins a merge'),
});

/** Something to do about an outcome. */
export const actionSchema = v.object({
  id: requiredText('Unique id of the action'),
  outcomeId: requiredText("Id of one of the framework's outcomes"),
  what: text('What is to be done'),
  owner: text('Who will do it'),
  due: v.pipe(
    v.string(),
    v.regex(DUE_DATE_PATTERN),
    v.description('When it is due, YYYY-MM-DD, or empty if no date is set'),
  ),
  status: v.pipe(v.picklist(ACTION_STATUSES), v.description('How far it has got')),
  createdAt: timestamp('When the action was added'),
  updatedAt: timestamp('When the action last changed; the newer record wins a merge'),
});

/** A workshop with its groups, scores, agreed scores and actions. */
export const workshopSchema = v.object({
  id: requiredText('Unique id of the workshop; files with the same id merge into one workshop'),
  name: requiredText('Name of the workshop'),
  organisation: text('The council or organisation'),
  date: v.pipe(v.string(), v.regex(DATE_PATTERN), v.description('Day of the workshop, YYYY-MM-DD')),
  facilitator: text('Who ran the workshop'),
  frameworkId: requiredText('Id of the scoring framework, e.g. "lga-digitalisation-outcomes"'),
  frameworkVersion: text('Version of the framework when the workshop was created'),
  createdAt: timestamp('When the workshop was created'),
  updatedAt: timestamp("When the workshop's details last changed; the newer record wins a merge"),
  privateScoring: v.pipe(
    v.boolean(),
    v.description("True when groups score on one tablet without seeing each other's scores"),
  ),
  revealedAt: v.pipe(
    v.nullable(v.pipe(v.string(), v.regex(TIMESTAMP_PATTERN))),
    v.description(
      `When the facilitator revealed the groups' scores in private scoring, or null. UTC, written as ${TIMESTAMP_EXAMPLE}`,
    ),
  ),
  groups: v.array(groupSchema),
  ratings: v.array(ratingSchema),
  agreements: v.array(agreementSchema),
  actions: v.array(actionSchema),
});

/** A whole workshop file of the current format version. Unknown extra fields are ignored. */
export const envelopeSchema = v.pipe(
  v.object({
    format: v.pipe(v.literal(FILE_FORMAT), v.description('Always "outcomes-workshop"')),
    formatVersion: v.pipe(v.literal(FILE_FORMAT_VERSION), v.description('Version of this file format')),
    app: v.object({
      name: text('Name of the app that wrote the file'),
      version: text('Version of the app that wrote the file'),
    }),
    exportedAt: timestamp('When the file was written'),
    workshop: workshopSchema,
  }),
  v.title('Outcomes Workshop file'),
  v.description('One workshop with its groups, scores, agreed scores and actions, exported from Outcomes Workshop.'),
);

/** A workshop file as written and as read, once its shape is checked. */
export type FileEnvelope = v.InferOutput<typeof envelopeSchema>;

/** The checked shape of a file, or the first problem found (with where it is in the file). */
export function parseEnvelope(
  input: unknown,
): { ok: true; envelope: FileEnvelope } | { ok: false; issue: v.BaseIssue<unknown> } {
  // abortPipeEarly: one precise problem per file is what the message reports.
  const result = v.safeParse(envelopeSchema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, envelope: result.output };
  return { ok: false, issue: result.issues[0] };
}

// ---- Plain-English descriptions of where a problem is and what it is, for the refusal messages.

/** A place in a file: object keys and array indexes, as valibot reports them. */
export type Path = readonly (string | number)[];

/** An own field of a parsed JSON value, or undefined; never an inherited one such as `constructor`. */
export function fieldOf(node: unknown, key: string | number): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
}

/** Text from a file in curly quotes, shortened so a huge value cannot swamp the message. */
function quote(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

/** A value from a file as a person would read it. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'blank';
  if (value === undefined) return 'missing';
  return Array.isArray(value) ? 'a list' : 'a set of fields';
}

const LABELS: Readonly<Record<string, string>> = {
  frameworkId: 'framework',
  frameworkVersion: 'framework version',
  createdAt: 'creation time',
  updatedAt: 'last-changed time',
  exportedAt: 'export time',
  groupId: 'group id',
  outcomeId: 'outcome id',
  groups: 'list of groups',
  ratings: 'list of scores',
  agreements: 'list of agreed scores',
  actions: 'list of actions',
  privateScoring: 'private scoring setting',
  revealedAt: 'reveal time',
  due: 'due date',
};
const label = (key: unknown) => (typeof key === 'string' && Object.hasOwn(LABELS, key) ? LABELS[key] : String(key));

function groupName(raw: unknown, groupId: unknown): string | undefined {
  const groups = fieldOf(fieldOf(raw, 'workshop'), 'groups');
  const group = Array.isArray(groups) ? groups.find((g) => fieldOf(g, 'id') === groupId) : undefined;
  const name = fieldOf(group, 'name');
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** An outcome by its title, or by its id when the framework does not have it. */
function outcomeName(raw: unknown, outcomeId: string): string {
  const frameworkId = fieldOf(fieldOf(raw, 'workshop'), 'frameworkId');
  const framework = typeof frameworkId === 'string' ? getFramework(frameworkId) : undefined;
  const outcome = framework?.outcomes.find((o) => o.id === outcomeId)?.title;
  return outcome === undefined ? `outcome id ${quote(outcomeId)}` : `outcome ${quote(outcome)}`;
}

/** The sections of the workshop that hold lists of records. */
const SECTIONS: readonly unknown[] = ['groups', 'ratings', 'agreements', 'actions'];

/**
 * Names a record by what people see: `group “Blue”`, `group “Blue”, outcome “Data”` (a score),
 * `the agreed score for outcome “Data”`, `the action “Ask IT” for outcome “Data”`.
 */
function recordName(raw: unknown, section: unknown, index: number): string {
  const record = fieldOf(fieldOf(fieldOf(raw, 'workshop'), section as string), index);
  const outcomeId = fieldOf(record, 'outcomeId');
  if (section === 'groups') {
    const name = groupName(raw, fieldOf(record, 'id'));
    return name === undefined ? `group ${index + 1}` : `group ${quote(name)}`;
  }
  if (section === 'agreements') {
    return typeof outcomeId === 'string'
      ? `the agreed score for ${outcomeName(raw, outcomeId)}`
      : `agreed score ${index + 1}`;
  }
  if (section === 'actions') {
    const what = fieldOf(record, 'what');
    const action =
      typeof what === 'string' && what.trim() !== '' ? `the action ${quote(what.trim())}` : `action ${index + 1}`;
    return typeof outcomeId === 'string' ? `${action} for ${outcomeName(raw, outcomeId)}` : action;
  }
  const groupId = fieldOf(record, 'groupId');
  if (typeof groupId !== 'string' || typeof outcomeId !== 'string') return `score ${index + 1}`;
  const group = groupName(raw, groupId);
  return `${group === undefined ? `group id ${quote(groupId)}` : `group ${quote(group)}`}, ${outcomeName(raw, outcomeId)}`;
}

/** Where in the file a problem is, e.g. `the workshop’s name` or `group “Blue”, outcome “Data”, now`. */
export function subjectOf(raw: unknown, path: Path): string {
  const [top, section, index, key] = path;
  if (top === undefined) return 'the file';
  if (top === 'app') return section === undefined ? 'the app field' : `the app ${label(section)}`;
  if (top !== 'workshop') return `the ${label(top)}`;
  if (section === undefined) return 'the workshop';
  if (SECTIONS.includes(section) && typeof index === 'number') {
    const record = recordName(raw, section, index);
    return key === undefined ? record : `${record}, ${label(key)}`;
  }
  return `the workshop’s ${label(section)}`;
}

/** What is wrong with a value, from the kind of check it failed. */
export function problemOf(key: unknown, issue: { type: string; requirement?: unknown }): string {
  switch (issue.type) {
    case 'string':
      return 'must be text';
    case 'number':
      return 'must be a number';
    case 'integer':
      return 'must be a whole number';
    case 'array':
      return 'must be a list';
    case 'object':
      return 'must be a set of fields';
    case 'min_length':
      return 'is empty';
    case 'max_length':
      return `is longer than ${Number(issue.requirement).toLocaleString('en-GB')} characters`;
    case 'boolean':
      return 'must be true or false';
    case 'picklist':
      // valibot's picklist issues do not carry the options; the only picklist is an action's status.
      return key === 'status' ? `must be ${alternatives(ACTION_STATUSES)}` : 'is not allowed';
    case 'regex':
      if (key === 'date') return 'must be a real date written like 2026-11-27';
      if (key === 'due') return 'must be a real date written like 2026-11-27, or blank';
      return `must be a date and time written like ${TIMESTAMP_EXAMPLE}`;
    default:
      return 'is not allowed';
  }
}

/** Allowed values in quotes: `“a”, “b” or “c”`. */
export function alternatives(values: readonly unknown[]): string {
  const options = values.map((value) => quote(String(value)));
  return options.length <= 1 ? options.join('') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}

/** The refusal for a score outside the framework's scale, e.g. now is 7. */
export function scoreMessage(
  name: string,
  subject: string,
  key: 'now' | 'target',
  value: unknown,
  framework: Framework | undefined,
): string {
  const values = framework?.scale.levels.map((l) => l.value) ?? [];
  const range = values.length
    ? `a whole number from ${Math.min(...values)} to ${Math.max(...values)}`
    : "a whole number on the framework's scale";
  const other = key === 'now' ? ', or “not sure”' : ', or blank';
  return `${name} has a score that is not allowed: ${subject} is ${shown(value)} (it must be ${range}${other}).`;
}
