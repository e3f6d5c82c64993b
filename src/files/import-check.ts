// Checking workshop files, the second of import's three steps: a file's parsed JSON is recognised
// (a workshop file or a backup), its version checked and migrated to the current one, then its
// shape (schema.ts) and its meaning (dates, the framework's outcomes and scale, links between
// records) checked. Each refusal says in plain English what is wrong.
import { agreementId, ratingId } from '../domain/ids.ts';
import type { Rating } from '../domain/types.ts';
import { isIsoDate, isPlausibleYear } from '../domain/workshop-input.ts';
import { getFramework } from '../framework/frameworks.ts';
import type { Framework } from '../framework/types.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  FILE_FORMAT,
  FILE_FORMAT_VERSION,
  isTimestamp,
  migrate,
  type VersionedEnvelope,
} from './format.ts';
import {
  alternatives,
  fieldOf,
  parseEnvelope,
  problemOf,
  scoreMessage,
  shown,
  subjectOf,
  type FileEnvelope,
  type Path,
} from './schema.ts';

/**
 * Checks a workshop file's or a backup's ("Export everything") parsed JSON: the workshops it holds,
 * each at the current file format, or why it is refused. A backup is refused whole if any workshop
 * in it is. `name` is the file's name as messages show it.
 */
export function checkFile(raw: unknown, name: string, now: Date): { envelopes: FileEnvelope[] } | { message: string } {
  if (fieldOf(raw, 'format') === BACKUP_FORMAT) return checkBackup(raw, name, now);
  const result = checkWorkshop(raw, name, now);
  return 'message' in result ? result : { envelopes: [result.envelope] };
}

/** One workshop file's parsed JSON: its header, any migration, its shape, then its meaning. */
function checkWorkshop(raw: unknown, name: string, now: Date): { envelope: FileEnvelope } | { message: string } {
  const header = checkHeader(raw, name);
  if (typeof header === 'string') return { message: header };
  const migrated = migrate(header);
  const parsed = parseEnvelope(migrated);
  if (!parsed.ok)
    return {
      message: shapeMessage(
        migrated,
        parsed.issue.path?.map((p) => p.key as string | number) ?? [],
        parsed.issue,
        name,
      ),
    };
  const problem = checkMeaning(parsed.envelope, name, now);
  if (problem) return { message: problem };
  return { envelope: parsed.envelope };
}

/** A backup's parsed JSON: its version, then every workshop in it as a workshop file of its own. */
function checkBackup(raw: unknown, name: string, now: Date): { envelopes: FileEnvelope[] } | { message: string } {
  const versionProblem = checkVersion(raw, name, 'backup format', BACKUP_FORMAT_VERSION);
  if (versionProblem) return { message: versionProblem };
  const workshops = fieldOf(raw, 'workshops');
  if (!Array.isArray(workshops))
    return { message: `${name} is damaged: it is a backup, but its list of workshops is missing.` };
  if (workshops.length === 0)
    return { message: `${name} is a backup with no workshops in it, so there is nothing to import.` };
  const envelopes: FileEnvelope[] = [];
  const ids = new Set<string>();
  for (const [i, item] of workshops.entries()) {
    const result = checkWorkshop(item, `${name} (workshop ${i + 1} of ${workshops.length})`, now);
    if ('message' in result) return result;
    const id = result.envelope.workshop.id;
    if (ids.has(id)) return { message: `${name} is damaged: two workshops in it have the same id (“${id}”).` };
    ids.add(id);
    envelopes.push(result.envelope);
  }
  return { envelopes };
}

/** Recognises our files and their version before anything else is looked at. */
function checkHeader(raw: unknown, name: string): VersionedEnvelope | string {
  if (fieldOf(raw, 'format') !== FILE_FORMAT) return `${name} is not an Outcomes Workshop file.`;
  return checkVersion(raw, name, 'file format', FILE_FORMAT_VERSION) ?? (raw as VersionedEnvelope);
}

/** What is wrong with a file's `formatVersion` (of a workshop file or a backup), if anything. */
function checkVersion(
  raw: unknown,
  name: string,
  kind: 'file format' | 'backup format',
  newest: number,
): string | undefined {
  const version = fieldOf(raw, 'formatVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `${name} is damaged: its ${kind} version (${shown(version)}) is not one this app knows.`;
  }
  if (version > newest) {
    return `${name} was made by a newer version of Outcomes Workshop (${kind} ${version}). Update the app on this device, then import it again.`;
  }
  return undefined;
}

/** The message for the first problem valibot found in the file's shape. */
function shapeMessage(
  raw: unknown,
  path: Path,
  issue: { type: string; received: string; requirement?: unknown },
  name: string,
): string {
  const key = path.at(-1);
  const subject = subjectOf(raw, path);
  // valibot takes a list for a set of fields with none of them: say a list is there, not that a field is missing.
  if (issue.received === 'undefined' && typeof key === 'string' && Array.isArray(valueAt(raw, path.slice(0, -1)))) {
    return `${name} has a value that is not allowed: ${subjectOf(raw, path.slice(0, -1))} must be a set of fields.`;
  }
  if (issue.received === 'undefined') return `${name} is incomplete: ${subject} is missing.`;
  if ((key === 'now' || key === 'target') && (path[1] === 'ratings' || path[1] === 'agreements')) {
    const framework = getFramework(String(fieldOf(fieldOf(raw, 'workshop'), 'frameworkId')));
    return scoreMessage(name, subject, key, valueAt(raw, path), framework);
  }
  return `${name} has a value that is not allowed: ${subject} ${problemOf(key, issue)}.`;
}

function valueAt(raw: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => fieldOf(node, key), raw);
}

/** No timestamp in a file is older than this: the app did not exist, and a clock set to 1970 is wrong. */
const EARLIEST_TIMESTAMP = '2000-01-01T00:00:00.000Z';

/** Checks what the schema cannot: real dates, the framework's outcomes and scale, links between records. */
function checkMeaning(envelope: FileEnvelope, name: string, now: Date): string | undefined {
  const { workshop } = envelope;
  const framework = getFramework(workshop.frameworkId);
  if (!framework) {
    return `${name} uses a scoring framework this app does not know (“${workshop.frameworkId}”). Update the app on this device, then import it again.`;
  }
  const notAllowed = (path: Path, key: string) =>
    `${name} has a value that is not allowed: ${subjectOf(envelope, path)} ${problemOf(key, { type: 'regex' })}.`;
  // A time far ahead would win every merge for ever (newest wins): allow a day for a wrong clock.
  const latest = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString();
  /** What is wrong with the first timestamp among `keys` of the record at `path`, if anything. */
  const badTimestamp = <K extends string>(record: Record<K, string>, path: Path, keys: readonly K[]) => {
    for (const key of keys) {
      const value = record[key];
      if (!isTimestamp(value)) return notAllowed([...path, key], key);
      if (value > latest) {
        return `${name} has a value that is not allowed: ${subjectOf(envelope, [...path, key])} is in the future (${value}). Check the date and time on the tablet that made the file.`;
      }
      if (value < EARLIEST_TIMESTAMP)
        return `${name} has a value that is not allowed: ${subjectOf(envelope, [...path, key])} is before the year 2000 (${value}).`;
    }
    return undefined;
  };
  const outcomeTitle = (outcomeId: string) => framework.outcomes.find((o) => o.id === outcomeId)?.title;
  const knownOutcome = (outcomeId: string) => outcomeTitle(outcomeId) !== undefined;
  if (!isIsoDate(workshop.date)) return notAllowed(['workshop', 'date'], 'date');
  if (!isPlausibleYear(workshop.date)) {
    return `${name} has a value that is not allowed: ${subjectOf(envelope, ['workshop', 'date'])} is ${workshop.date} (it must be in the years 2000 to 2100).`;
  }
  if (!isTimestamp(envelope.exportedAt)) return notAllowed(['exportedAt'], 'exportedAt');
  const workshopTimes = badTimestamp(workshop, ['workshop'], ['createdAt', 'updatedAt']);
  if (workshopTimes) return workshopTimes;
  if (workshop.revealedAt !== null) {
    const problem = badTimestamp(workshop as { revealedAt: string }, ['workshop'], ['revealedAt']);
    if (problem) return problem;
  }

  const groupIds = new Set<string>();
  for (const [i, group] of workshop.groups.entries()) {
    if (groupIds.has(group.id)) return `${name} is damaged: two groups have the same id (“${group.id}”).`;
    groupIds.add(group.id);
    const problem = badTimestamp(group, ['workshop', 'groups', i], ['createdAt', 'updatedAt']);
    if (problem) return problem;
  }

  const ratingIds = new Set<string>();
  for (const [i, rating] of workshop.ratings.entries()) {
    const path: Path = ['workshop', 'ratings', i];
    if (!groupIds.has(rating.groupId)) {
      return `${name} is damaged: a score belongs to a group that is not in the file (group id “${rating.groupId}”).`;
    }
    if (rating.id !== ratingId(rating.groupId, rating.outcomeId)) {
      return `${name} is damaged: the score for ${subjectOf(envelope, path)} has the wrong id (“${rating.id}”).`;
    }
    if (ratingIds.has(rating.id)) return `${name} is damaged: it has two scores for ${subjectOf(envelope, path)}.`;
    ratingIds.add(rating.id);
    if (!knownOutcome(rating.outcomeId))
      return `${name} has a score for an outcome this app does not know: ${subjectOf(envelope, path)}.`;
    const problem =
      checkScore(rating, framework, name, () => subjectOf(envelope, path)) ?? badTimestamp(rating, path, ['updatedAt']);
    if (problem) return problem;
  }

  const agreementIds = new Set<string>();
  for (const [i, agreement] of workshop.agreements.entries()) {
    const path: Path = ['workshop', 'agreements', i];
    const subject = subjectOf(envelope, path);
    if (!knownOutcome(agreement.outcomeId))
      return `${name} has an agreed score for an outcome this app does not know: ${subject}.`;
    if (agreement.id !== agreementId(workshop.id, agreement.outcomeId)) {
      return `${name} is damaged: ${subject} has the wrong id (“${agreement.id}”).`;
    }
    if (agreementIds.has(agreement.id)) {
      return `${name} is damaged: it has two agreed scores for outcome “${outcomeTitle(agreement.outcomeId)}”.`;
    }
    agreementIds.add(agreement.id);
    const problem =
      checkScore(agreement, framework, name, () => subject) ?? badTimestamp(agreement, path, ['updatedAt']);
    if (problem) return problem;
  }

  const actionIds = new Set<string>();
  for (const [i, action] of workshop.actions.entries()) {
    const path: Path = ['workshop', 'actions', i];
    if (actionIds.has(action.id)) return `${name} is damaged: two actions have the same id (“${action.id}”).`;
    actionIds.add(action.id);
    if (!knownOutcome(action.outcomeId)) {
      return `${name} has an action for an outcome this app does not know: ${subjectOf(envelope, path)}.`;
    }
    if (action.due !== '' && !isIsoDate(action.due)) return notAllowed([...path, 'due'], 'due');
    if (action.due !== '' && !isPlausibleYear(action.due)) {
      return `${name} has a value that is not allowed: ${subjectOf(envelope, [...path, 'due'])} is ${action.due} (it must be in the years 2000 to 2100).`;
    }
    const problem = badTimestamp(action, path, ['createdAt', 'updatedAt']);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Checks a score's (or an agreed score's) answers against the framework's scale and confidence
 * options. `subject` names the record, worked out only for the message (a file has thousands of scores).
 */
function checkScore(
  score: Pick<Rating, 'now' | 'target'> & { confidence?: string | null },
  framework: Framework,
  name: string,
  subject: () => string,
): string | undefined {
  const onScale = (value: number) => framework.scale.levels.some((l) => l.value === value);
  if (typeof score.now === 'number' && !onScale(score.now))
    return scoreMessage(name, `${subject()}, now`, 'now', score.now, framework);
  if (score.target !== null && !onScale(score.target)) {
    return scoreMessage(name, `${subject()}, target`, 'target', score.target, framework);
  }
  if (score.confidence != null && !framework.confidence.some((c) => c.id === score.confidence)) {
    const allowed = alternatives(framework.confidence.map((c) => c.id));
    return `${name} has a value that is not allowed: ${subject()}, confidence is ${shown(score.confidence)} (it must be ${allowed}, or blank).`;
  }
  return undefined;
}
