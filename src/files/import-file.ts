// Reading workshop files: every check runs before anything is stored, and each refusal says in
// plain English what is wrong. Loaded lazily (it pulls in valibot), never on the first screen.
import type { Action, Agreement, Group, Rating, Workshop, WorkshopBundle } from '../domain/types.ts';
import { agreementId, ratingId } from '../domain/ids.ts';
import { isIsoDate, isPlausibleYear } from '../domain/workshop-input.ts';
import { getFramework } from '../framework/frameworks.ts';
import type { Framework } from '../framework/types.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  FILE_FORMAT,
  FILE_FORMAT_VERSION,
  MAX_FILE_BYTES,
  MAX_FILE_MB,
  MAX_NESTING_DEPTH,
  isTimestamp,
  megabytes,
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

/** A file that passed every check, as a bundle ready to merge. */
export interface ParsedFile {
  fileName: string;
  bundle: WorkshopBundle;
}

/** A refused file and why, in plain English. */
export interface FileError {
  fileName: string;
  message: string;
}

/** Reads and checks the chosen files; each is either accepted or refused with its reason. */
export async function readImportFiles(files: readonly File[]): Promise<{ ok: ParsedFile[]; errors: FileError[] }> {
  const ok: ParsedFile[] = [];
  const errors: FileError[] = [];
  const texts = await readTexts(files);
  files.forEach((file, i) => {
    const result = checkFile(file, texts[i]);
    if ('bundles' in result) ok.push(...result.bundles.map((bundle) => ({ fileName: file.name, bundle })));
    else errors.push({ fileName: file.name, message: result.message });
  });
  return { ok, errors };
}

/** Files are read together, several megabytes at a time (see `readTexts`). */
const READ_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The text of each file no larger than MAX_FILE_BYTES, or undefined if it could not be read (or was
 * not read, being too large). Neighbouring files are read as one blob and cut apart: a read per file
 * costs several milliseconds of a modest tablet's time, 300 files took over a second, one read of
 * them a fifth of that. When a batch cannot be read (a file vanished, or is still in the cloud on
 * iPadOS), its files are read one by one, so that only the ones at fault are refused.
 */
async function readTexts(files: readonly File[]): Promise<(string | undefined)[]> {
  const texts: (string | undefined)[] = files.map(() => undefined);
  const batches: number[][] = [];
  let bytes = Infinity;
  files.forEach((file, i) => {
    if (file.size > MAX_FILE_BYTES) return;
    if (bytes + file.size > READ_BATCH_BYTES) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)?.push(i);
    bytes += file.size;
  });
  await Promise.all(
    batches.map(async (batch) => {
      const parts = batch.map((i) => files[i]!);
      try {
        const buffer = await (parts.length === 1 ? parts[0]! : new Blob(parts)).arrayBuffer();
        if (buffer.byteLength !== parts.reduce((sum, file) => sum + file.size, 0))
          throw new Error('a file changed while it was read');
        let offset = 0;
        batch.forEach((i, j) => {
          const size = parts[j]!.size;
          texts[i] = decodeText(new Uint8Array(buffer, offset, size));
          offset += size;
        });
      } catch {
        await Promise.all(
          batch.map(
            async (i) =>
              (texts[i] = await files[i]!.arrayBuffer().then(
                (b) => decodeText(new Uint8Array(b)),
                () => undefined,
              )),
          ),
        );
      }
    }),
  );
  return texts;
}

const utf8 = new TextDecoder(); // invalid bytes replaced and a byte-order mark dropped, as File.text() does
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/**
 * A file's text: UTF-8, as the app writes it, unless it is UTF-16 (Windows Notepad's "Unicode"),
 * told by its byte-order mark, or without one by the zero bytes of its first two characters, which
 * in a JSON file are plain ASCII (RFC 4627, section 3). Each decoder drops its mark.
 */
function decodeText(bytes: Uint8Array): string {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe) || (a !== 0 && b === 0 && c !== 0 && d === 0)) return utf16le.decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0 && b !== 0 && c === 0 && d !== 0)) return utf16be.decode(bytes);
  return utf8.decode(bytes);
}

/** One file: refused by size (it is not read), or if it could not be read, then checked by `parseImportText`. */
function checkFile(file: File, text: string | undefined): { bundles: WorkshopBundle[] } | { message: string } {
  const name = `“${file.name}”`;
  if (file.size > MAX_FILE_BYTES) {
    return {
      message: `${name} is too large to be an Outcomes Workshop file (${megabytes(file.size)} MB; the limit is ${MAX_FILE_MB} MB).`,
    };
  }
  // Reading fails when the file vanished or is still in the cloud (iPadOS Files): say so, do not crash.
  if (text === undefined)
    return { message: `${name} could not be opened on this device. Save it to the device, then import it again.` };
  return parseImportText(text, file.name);
}

/**
 * Checks the text of a workshop file or of a backup ("Export everything") and turns it into
 * bundles, or says why it is refused. A backup is refused whole if any workshop in it is.
 */
export function parseImportText(
  text: string,
  fileName: string,
  now: Date = new Date(),
): { bundles: WorkshopBundle[] } | { message: string } {
  const name = `“${fileName}”`;
  const body = text.replace(/^\uFEFF/, ''); // a byte-order mark some editors add on Windows
  if (body.trim() === '') return { message: `${name} is empty. Export the workshop again and import the new file.` };
  // Every workshop file is a JSON object: anything else (a picture, a spreadsheet) is not ours.
  if (!body.trimStart().startsWith('{')) return { message: `${name} is not an Outcomes Workshop file.` };
  if (nestedTooDeeply(body, MAX_NESTING_DEPTH)) {
    return { message: `${name} is damaged: it is nested far more deeply than any Outcomes Workshop file.` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { message: `${name} could not be read: it may be damaged or cut short.` };
  }
  if (fieldOf(raw, 'format') === BACKUP_FORMAT) return parseBackup(raw, name, now);
  const result = parseWorkshopObject(raw, name, now);
  return 'message' in result ? result : { bundles: [result.bundle] };
}

/** One workshop file's parsed JSON: its header, any migration, its shape, then its meaning. */
function parseWorkshopObject(raw: unknown, name: string, now: Date): { bundle: WorkshopBundle } | { message: string } {
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
  return { bundle: toBundle(parsed.envelope) };
}

/** A backup's parsed JSON: its version, then every workshop in it as a workshop file of its own. */
function parseBackup(raw: unknown, name: string, now: Date): { bundles: WorkshopBundle[] } | { message: string } {
  const versionProblem = checkVersion(raw, name, 'backup format', BACKUP_FORMAT_VERSION);
  if (versionProblem) return { message: versionProblem };
  const workshops = fieldOf(raw, 'workshops');
  if (!Array.isArray(workshops))
    return { message: `${name} is damaged: it is a backup, but its list of workshops is missing.` };
  if (workshops.length === 0)
    return { message: `${name} is a backup with no workshops in it, so there is nothing to import.` };
  const bundles: WorkshopBundle[] = [];
  const ids = new Set<string>();
  for (const [i, item] of workshops.entries()) {
    const result = parseWorkshopObject(item, `${name} (workshop ${i + 1} of ${workshops.length})`, now);
    if ('message' in result) return result;
    if (ids.has(result.bundle.workshop.id))
      return { message: `${name} is damaged: two workshops in it have the same id (“${result.bundle.workshop.id}”).` };
    ids.add(result.bundle.workshop.id);
    bundles.push(result.bundle);
  }
  return { bundles };
}

/**
 * True when lists and sets of fields nest deeper than `limit` (brackets inside strings do not count).
 * Stops at the first level too deep, so a hostile file costs little.
 */
function nestedTooDeeply(text: string, limit: number): boolean {
  // Nesting is never deeper than the number of opening brackets: a file with few (a workshop file
  // of one group has about 20) needs no scan, and counting them with indexOf is far quicker.
  if (openingBrackets(text, limit) <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** How many `{` and `[` the text holds, counting no further than just past `most`. */
function openingBrackets(text: string, most: number): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1 && count <= most; i = text.indexOf(bracket, i + 1)) count += 1;
  }
  return count;
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

/** Builds the app's records from a checked file: new plain objects, field by field. */
function toBundle(envelope: FileEnvelope): WorkshopBundle {
  const w = envelope.workshop;
  const workshop: Workshop = {
    id: w.id,
    name: w.name,
    organisation: w.organisation,
    date: w.date,
    facilitator: w.facilitator,
    frameworkId: w.frameworkId,
    frameworkVersion: w.frameworkVersion,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    deletedAt: null,
    privateScoring: w.privateScoring,
    revealedAt: w.revealedAt,
  };
  const groups: Group[] = w.groups.map((g) => ({
    id: g.id,
    workshopId: w.id,
    name: g.name,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  }));
  const ratings: Rating[] = w.ratings.map((r) => ({
    id: r.id,
    workshopId: w.id,
    groupId: r.groupId,
    outcomeId: r.outcomeId,
    now: r.now,
    target: r.target,
    confidence: r.confidence,
    evidence: r.evidence,
    notes: r.notes,
    updatedAt: r.updatedAt,
  }));
  const agreements: Agreement[] = w.agreements.map((a) => ({
    id: a.id,
    workshopId: w.id,
    outcomeId: a.outcomeId,
    now: a.now,
    target: a.target,
    rationale: a.rationale,
    dissent: a.dissent,
    updatedAt: a.updatedAt,
  }));
  const actions: Action[] = w.actions.map((a) => ({
    id: a.id,
    workshopId: w.id,
    outcomeId: a.outcomeId,
    what: a.what,
    owner: a.owner,
    due: a.due,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }));
  return { workshop, groups, ratings, agreements, actions };
}
