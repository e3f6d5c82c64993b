// The shape of a current-version workshop file, as a valibot schema. It checks types, lengths and
// patterns; rules that need the framework or other records (scale levels, outcome ids, references
// between records, duplicates) are checked afterwards in import-file.ts. docs/file-format.schema.json
// is generated from this schema by tests/unit/file-schema.test.ts.
import * as v from 'valibot';
import {
  DATE_PATTERN,
  FILE_FORMAT,
  FILE_FORMAT_VERSION,
  MAX_LONG_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
  TIMESTAMP_EXAMPLE,
  TIMESTAMP_PATTERN,
} from './format.ts';

const text = (description: string) =>
  v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH), v.description(description));
const requiredText = (description: string) =>
  v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH), v.description(description));
const longText = (description: string) =>
  v.pipe(v.string(), v.maxLength(MAX_LONG_TEXT_LENGTH), v.description(description));
const timestamp = (description: string) =>
  v.pipe(v.string(), v.regex(TIMESTAMP_PATTERN), v.description(`${description}, in UTC as ${TIMESTAMP_EXAMPLE}`));
const level = v.pipe(v.number(), v.integer());

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
  now: v.pipe(
    v.nullable(v.union([level, v.literal('not-sure')])),
    v.description('Where the council is now: a scale level, "not-sure", or null if not answered'),
  ),
  target: v.pipe(v.nullable(level), v.description('Where the council aims to be: a scale level, or null')),
  confidence: v.pipe(
    v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH))),
    v.description("How sure the group is: one of the framework's confidence ids, or null"),
  ),
  evidence: longText('What the group based its answer on'),
  notes: longText("The group's notes"),
  updatedAt: timestamp('When the score last changed; the newer record wins a merge'),
});

/** A workshop with its groups and scores. */
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
  groups: v.array(groupSchema),
  ratings: v.array(ratingSchema),
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
  v.description('One workshop with its groups and scores, exported from Outcomes Workshop.'),
);

/** A workshop file as written and as read, once its shape is checked. */
export type FileEnvelope = v.InferOutput<typeof envelopeSchema>;

/** The checked shape of a file, or the first problem found (with where it is in the file). */
export function parseEnvelope(input: unknown): { ok: true; envelope: FileEnvelope } | { ok: false; issue: v.BaseIssue<unknown> } {
  // abortPipeEarly: one precise problem per file is what the message reports.
  const result = v.safeParse(envelopeSchema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, envelope: result.output };
  return { ok: false, issue: result.issues[0] };
}
