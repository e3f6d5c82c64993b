// A corpus of hostile and damaged workshop files, built by mutating the version-2 sample file
// (tests/fixtures/workshop-v2.json). Pure: `hostileCorpus()` returns the same cases every time.
// Each case says whether the app must refuse it (and what the message must say) or may import it
// because it is harmless (and what must then be stored, exactly as written). The expectations come
// from docs/file-format.md, not from the app's code.
import sampleText from '../fixtures/workshop-v2.json?raw';
import sampleV1Text from '../fixtures/workshop-v1.json?raw';

export type Table = 'workshops' | 'groups' | 'ratings' | 'agreements' | 'actions';

/** After an import: the stored record `id` of `table` has `field` equal to `value`, or has no such own field. */
export type StoredCheck = { table: Table; id: string; field: string } & ({ value: unknown } | { absent: true });

export type Category =
  | 'truncated'
  | 'empty'
  | 'not-json'
  | 'bom'
  | 'size'
  | 'nested'
  | 'missing'
  | 'wrong-type'
  | 'score'
  | 'unknown-outcome'
  | 'unknown-framework'
  | 'duplicate-id'
  | 'mismatched-id'
  | 'prototype'
  | 'version'
  | 'html'
  | 'long-text'
  | 'date'
  | 'choice'
  | 'encoding'
  | 'unicode'
  | 'unknown-field'
  | 'many-records'
  | 'backup';

export interface HostileCase {
  /** The file's name (unique in the corpus, safe on any file system). */
  name: string;
  text?: string;
  bytes?: Uint8Array<ArrayBuffer>;
  expect: 'refuse' | 'import';
  category: Category;
  why: string;
  /** For a refusal: what the message must say after the quoted file name. */
  message?: RegExp;
  /** For an import: what must be stored. */
  stored?: StoredCheck[];
}

// ---- The sample file and its ids.

// A JSON tree being damaged on purpose.
type Json = any;

export const SAMPLE = JSON.parse(sampleText) as Json;
export const WORKSHOP_ID: string = SAMPLE.workshop.id;
export const BLUE: string = SAMPLE.workshop.groups[0].id;
export const GREEN: string = SAMPLE.workshop.groups[1].id;
export const RATING_ID: string = SAMPLE.workshop.ratings[0].id; // Blue, connectivity
export const AGREEMENT_ID: string = SAMPLE.workshop.agreements[0].id; // connectivity
export const ACTION_ID: string = SAMPLE.workshop.actions[0].id;

/** A second workshop the test stores beside the sample; no file may ever change it. */
export const OTHER = { workshopId: 'other-workshop', groupId: 'other-group', groupName: 'Other group' } as const;

/** Script and markup that must only ever be shown as text. `window.__xss` is set if any of it runs. */
export const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=2</script>',
  '"><svg onload=window.__xss=3><a href="javascript:window.__xss=4">x</a>',
] as const;

/** What each refusal must say (after the file's name in curly quotes). From docs/file-format.md. */
export const MESSAGES = {
  tooLarge: /is too large to be an Outcomes Workshop file \(\d+\.\d MB; the limit is 32 MB\)\.$/,
  empty: /is empty\. Export the workshop again and import the new file\.$/,
  notOurs: /is not an Outcomes Workshop file\.$/,
  unreadable: /could not be read: it may be damaged or cut short\.$/,
  nested: /is damaged: it is nested far more deeply than any Outcomes Workshop file\.$/,
  newer: (v: string) =>
    new RegExp(
      `was made by a newer version of Outcomes Workshop \\(file format ${v}\\)\\. Update the app on this device, then import it again\\.$`,
    ),
  badVersion: /is damaged: its file format version \(.+\) is not one this app knows\.$/,
  missing: /is incomplete: .+ is missing\.$/,
  notText: /has a value that is not allowed: .+ must be text\.$/,
  notList: /has a value that is not allowed: .+ must be a list\.$/,
  notFields: /has a value that is not allowed: .+ must be a set of fields\.$/,
  notBoolean: /has a value that is not allowed: .+ must be true or false\.$/,
  emptyText: /has a value that is not allowed: .+ is empty\.$/,
  tooLong: (n: string) => new RegExp(`has a value that is not allowed: .+ is longer than ${n} characters\\.$`),
  score:
    /has a score that is not allowed: .+, (now|target) is .+ \(it must be a whole number from 1 to 5, or (“not sure”|blank)\)\.$/,
  date: /has a value that is not allowed: .+ must be a real date written like 2026-11-27\.$/,
  due: /has a value that is not allowed: .+ due date must be a real date written like 2026-11-27, or blank\.$/,
  timestamp: /has a value that is not allowed: .+ must be a date and time written like 2026-11-27T09:00:00\.000Z\.$/,
  future:
    /has a value that is not allowed: .+ is in the future \(.+\)\. Check the date and time on the tablet that made the file\.$/,
  before2000: /has a value that is not allowed: .+ is before the year 2000 \(.+\)\.$/,
  year: /has a value that is not allowed: .+ is \d{4}-\d{2}-\d{2} \(it must be in the years 2000 to 2100\)\.$/,
  backupNewer:
    /was made by a newer version of Outcomes Workshop \(backup format \d+\)\. Update the app on this device, then import it again\.$/,
  backupBadVersion: /is damaged: its backup format version \(.+\) is not one this app knows\.$/,
  backupNoList: /is damaged: it is a backup, but its list of workshops is missing\.$/,
  backupEmpty: /is a backup with no workshops in it, so there is nothing to import\.$/,
  backupDuplicate: /is damaged: two workshops in it have the same id \(“.+”\)\.$/,
  framework:
    /uses a scoring framework this app does not know \(“.*”\)\. Update the app on this device, then import it again\.$/,
  confidence:
    /has a value that is not allowed: .+ confidence is .+ \(it must be “low”, “medium” or “high”, or blank\)\.$/,
  status: /has a value that is not allowed: .+ status must be “not-started”, “in-progress” or “done”\.$/,
  unknownOutcome: {
    ratings: /has a score for an outcome this app does not know: .+\.$/,
    agreements: /has an agreed score for an outcome this app does not know: .+\.$/,
    actions: /has an action for an outcome this app does not know: .+\.$/,
  },
  groupNotInFile: /is damaged: a score belongs to a group that is not in the file \(group id “.*”\)\.$/,
  wrongId: /is damaged: .+ has the wrong id \(“.*”\)\.$/,
  twoGroups: /is damaged: two groups have the same id \(“.*”\)\.$/,
  twoScores: /is damaged: it has two scores for .+\.$/,
  twoAgreed: /is damaged: it has two agreed scores for outcome “.+”\.$/,
  twoActions: /is damaged: two actions have the same id \(“.*”\)\.$/,
} as const;

// ---- Building files.

const clone = (): Json => JSON.parse(sampleText) as Json;

/** Serialises a tree as the app writes it; `@@RAWn@@` strings become the raw JSON tokens given. */
function render(file: Json, raws: readonly string[] = []): string {
  let text = JSON.stringify(file, null, 2);
  raws.forEach((token, i) => {
    text = text.replace(`"@@RAW${i}@@"`, token);
  });
  return text;
}
const RAW = (i = 0) => `@@RAW${i}@@`;

/** An own property, even `__proto__` (a plain assignment would set the object's prototype instead). */
function setOwn(node: Json, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

type Path = readonly (string | number)[];
const nodeAt = (file: Json, path: Path): Json => path.reduce<Json>((node, key) => node[key], file);

/** Gives group `from` the id `to` everywhere (its scores' group ids and ids too). */
function renameGroup(file: Json, from: string, to: string): void {
  for (const g of file.workshop.groups) if (g.id === from) g.id = to;
  for (const r of file.workshop.ratings) {
    if (r.groupId === from) {
      r.groupId = to;
      r.id = `${to}/${r.outcomeId}`;
    }
  }
}

/** Gives the workshop the id `to`, and its agreed scores the ids that go with it. */
function renameWorkshop(file: Json, to: string): void {
  file.workshop.id = to;
  for (const a of file.workshop.agreements) a.id = `${to}/${a.outcomeId}`;
}

/** Changes a record's outcome, and its id to match (scores and agreed scores are named by outcome). */
function setOutcome(file: Json, section: Section, index: number, outcomeId: string): void {
  const record = file.workshop[section][index];
  record.outcomeId = outcomeId;
  if (section === 'ratings') record.id = `${record.groupId}/${outcomeId}`;
  if (section === 'agreements') record.id = `${file.workshop.id}/${outcomeId}`;
}

const encoder = new TextEncoder();
const concat = (...parts: (Uint8Array | number[] | string)[]): Uint8Array<ArrayBuffer> => {
  const chunks = parts.map((p) =>
    typeof p === 'string' ? encoder.encode(p) : p instanceof Uint8Array ? p : Uint8Array.from(p),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

function utf16(text: string, bigEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
}

// ---- The fields of each record and what kind of value each holds.

type Section = 'groups' | 'ratings' | 'agreements' | 'actions';
type Kind =
  | 'format'
  | 'version'
  | 'fields'
  | 'list'
  | 'id'
  | 'requiredText'
  | 'text'
  | 'longText'
  | 'date'
  | 'timestamp'
  | 'nullableTimestamp'
  | 'boolean'
  | 'now'
  | 'target'
  | 'confidence'
  | 'status'
  | 'due'
  | 'framework'
  | 'outcome'
  | 'groupRef'
  | 'recordId';

interface RecordSpec {
  label: string;
  path: Path;
  /** Where an import stores it (the envelope and app fields are not stored). */
  table?: Table;
  id?: string;
  fields: Record<string, Kind>;
}

const RECORDS: readonly RecordSpec[] = [
  {
    label: 'envelope',
    path: [],
    fields: { format: 'format', formatVersion: 'version', app: 'fields', exportedAt: 'timestamp', workshop: 'fields' },
  },
  { label: 'app', path: ['app'], fields: { name: 'text', version: 'text' } },
  {
    label: 'workshop',
    path: ['workshop'],
    table: 'workshops',
    id: WORKSHOP_ID,
    fields: {
      id: 'id',
      name: 'requiredText',
      organisation: 'text',
      date: 'date',
      facilitator: 'text',
      frameworkId: 'framework',
      frameworkVersion: 'text',
      createdAt: 'timestamp',
      updatedAt: 'timestamp',
      privateScoring: 'boolean',
      revealedAt: 'nullableTimestamp',
      groups: 'list',
      ratings: 'list',
      agreements: 'list',
      actions: 'list',
    },
  },
  {
    label: 'group',
    path: ['workshop', 'groups', 0],
    table: 'groups',
    id: BLUE,
    fields: { id: 'id', name: 'requiredText', createdAt: 'timestamp', updatedAt: 'timestamp' },
  },
  {
    label: 'rating',
    path: ['workshop', 'ratings', 0],
    table: 'ratings',
    id: RATING_ID,
    fields: {
      id: 'recordId',
      groupId: 'groupRef',
      outcomeId: 'outcome',
      now: 'now',
      target: 'target',
      confidence: 'confidence',
      evidence: 'longText',
      notes: 'longText',
      updatedAt: 'timestamp',
    },
  },
  {
    label: 'agreement',
    path: ['workshop', 'agreements', 0],
    table: 'agreements',
    id: AGREEMENT_ID,
    fields: {
      id: 'recordId',
      outcomeId: 'outcome',
      now: 'now',
      target: 'target',
      rationale: 'longText',
      dissent: 'longText',
      updatedAt: 'timestamp',
    },
  },
  {
    label: 'action',
    path: ['workshop', 'actions', 0],
    table: 'actions',
    id: ACTION_ID,
    fields: {
      id: 'id',
      outcomeId: 'outcome',
      what: 'text',
      owner: 'text',
      due: 'due',
      status: 'status',
      createdAt: 'timestamp',
      updatedAt: 'timestamp',
    },
  },
];

const sectionOf = (spec: RecordSpec): Section | undefined =>
  spec.path[1] === 'groups' || spec.path[1] === 'ratings' || spec.path[1] === 'agreements' || spec.path[1] === 'actions'
    ? spec.path[1]
    : undefined;

/** The refusal for a value of the wrong JSON type in a field of this kind; 'import' where it is allowed. */
function wrongTypeExpectation(kind: Kind, value: unknown): RegExp | 'import' {
  switch (kind) {
    case 'format':
      return MESSAGES.notOurs;
    case 'version':
      return typeof value === 'number' && Number.isInteger(value) && value > 2
        ? MESSAGES.newer(String(value))
        : MESSAGES.badVersion;
    case 'fields':
      // An empty set of fields is the right type, with every field missing.
      return Array.isArray(value) || typeof value !== 'object' || value === null
        ? MESSAGES.notFields
        : MESSAGES.missing;
    case 'list':
      return Array.isArray(value) ? 'import' : MESSAGES.notList; // an empty list: see the loop for groups
    case 'boolean':
      return typeof value === 'boolean' ? 'import' : MESSAGES.notBoolean;
    case 'now':
    case 'target':
      return value === null ? 'import' : MESSAGES.score;
    case 'confidence':
    case 'nullableTimestamp':
      return value === null ? 'import' : MESSAGES.notText;
    case 'status':
      return MESSAGES.status;
    default:
      return MESSAGES.notText;
  }
}

/** The refusal for a string that is not allowed in a field of this kind (HTML, a wrong word...); 'import' for free text. */
function badStringExpectation(kind: Kind, spec: RecordSpec): RegExp | 'import' {
  switch (kind) {
    case 'id':
    case 'requiredText':
    case 'text':
    case 'longText':
      return 'import';
    case 'format':
      return MESSAGES.notOurs;
    case 'version':
      return MESSAGES.badVersion;
    case 'fields':
      return MESSAGES.notFields;
    case 'list':
      return MESSAGES.notList;
    case 'boolean':
      return MESSAGES.notBoolean;
    case 'now':
    case 'target':
      return MESSAGES.score;
    case 'date':
      return MESSAGES.date;
    case 'timestamp':
    case 'nullableTimestamp':
      return MESSAGES.timestamp;
    case 'due':
      return MESSAGES.due;
    case 'confidence':
      return MESSAGES.confidence;
    case 'status':
      return MESSAGES.status;
    case 'framework':
      return MESSAGES.framework;
    case 'outcome':
      return MESSAGES.unknownOutcome[
        spec.label === 'agreement' ? 'agreements' : spec.label === 'action' ? 'actions' : 'ratings'
      ];
    case 'groupRef':
      return MESSAGES.groupNotInFile;
    case 'recordId':
      return MESSAGES.wrongId;
  }
}

/** A JSON value's type in words, for the case's description and file name. */
const typeWord = (value: unknown) =>
  Array.isArray(value)
    ? 'a list'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'a set of fields'
        : typeof value === 'string'
          ? 'text'
          : `a ${typeof value}`;

const TEXT_LIMIT: Partial<Record<Kind, number>> = {
  id: 200,
  requiredText: 200,
  text: 200,
  longText: 10_000,
  framework: 200,
  outcome: 200,
  groupRef: 200,
  recordId: 200,
  confidence: 200,
};

// ---- The corpus.

export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  const valid = render(clone());
  let n = 0;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48);
  const add = (c: Omit<HostileCase, 'name'> & { name?: string }) => {
    n += 1;
    cases.push({ ...c, name: c.name ?? `${c.category}-${String(n).padStart(3, '0')}-${slug(c.why)}.json` });
  };
  const refuse = (category: Category, why: string, text: string, message: RegExp) =>
    add({ category, why, text, expect: 'refuse', message });
  const accept = (category: Category, why: string, text: string, stored: StoredCheck[] = []) =>
    add({ category, why, text, expect: 'import', stored });
  /** One change to the sample; refused with `expectation`, or imported with the stored checks. */
  const mutation = (
    category: Category,
    why: string,
    change: (file: Json) => void,
    expectation: RegExp | 'import',
    stored: StoredCheck[] = [],
    raws: readonly string[] = [],
  ) => {
    const file = clone();
    change(file);
    const text = render(file, raws);
    if (expectation === 'import') accept(category, why, text, stored);
    else refuse(category, why, text, expectation);
  };

  // Truncated: cut at 40 places spread through the file, and one byte short of the end.
  for (let k = 1; k <= 40; k += 1) {
    const at = Math.floor((valid.length * k) / 41);
    refuse('truncated', `cut after ${at} of ${valid.length} characters`, valid.slice(0, at), MESSAGES.unreadable);
  }
  refuse('truncated', 'the closing brace is missing', valid.slice(0, -1), MESSAGES.unreadable);
  refuse(
    'truncated',
    'the version-1 sample cut in half',
    sampleV1Text.slice(0, Math.floor(sampleV1Text.length / 2)),
    MESSAGES.unreadable,
  );
  {
    const file = clone();
    file.workshop.name = 'Révision — 📊 budget';
    const bytes = encoder.encode(render(file));
    const emoji = bytes.indexOf(0xf0); // the first byte of the four-byte 📊
    add({
      category: 'truncated',
      why: 'cut in the middle of a multi-byte character',
      bytes: bytes.slice(0, emoji + 2),
      expect: 'refuse',
      message: MESSAGES.unreadable,
    });
  }

  // Empty.
  for (const [why, text] of [
    ['no bytes at all', ''],
    ['one space', ' '],
    ['line breaks only', '\n\n'],
    ['tabs, spaces and line breaks', '\r\n\t \r\n'],
    ['a byte-order mark only', '\uFEFF'],
    ['a byte-order mark and a line break', '\uFEFF\n'],
    ['non-breaking spaces only', '\u00A0\u00A0'],
  ] as const) {
    refuse('empty', why, text, MESSAGES.empty);
  }

  // Not JSON, or JSON that is not ours.
  for (const [why, text, message] of [
    ['plain words', 'hello, this is not a workshop', MESSAGES.notOurs],
    ['the JSON value null', 'null', MESSAGES.notOurs],
    ['an empty JSON list', '[]', MESSAGES.notOurs],
    ['a JSON list holding the workshop file', `[${valid}]`, MESSAGES.notOurs],
    ['a JSON string', '"outcomes-workshop"', MESSAGES.notOurs],
    ['a JSON number', '42', MESSAGES.notOurs],
    ['a JSON boolean', 'true', MESSAGES.notOurs],
    ['a CSV export', 'Workshop,Date,Group\r\nBudget review,2026-11-27,Blue\r\n', MESSAGES.notOurs],
    ['an HTML page', '<!doctype html><html><body><script>window.__xss=1</script></body></html>', MESSAGES.notOurs],
    ['an XML document', '<?xml version="1.0"?><workshop format="outcomes-workshop"/>', MESSAGES.notOurs],
    ['a JavaScript file', 'window.__xss = 1; export default {}', MESSAGES.notOurs],
    ['the Markdown documentation', '# The workshop file format\n\n```json\n{}\n```', MESSAGES.notOurs],
    ['an empty JSON object', '{}', MESSAGES.notOurs],
    ['another app’s JSON file', '{"type":"excalidraw","version":2,"elements":[]}', MESSAGES.notOurs],
    ['our format name with no version', '{"format":"outcomes-workshop"}', MESSAGES.badVersion],
    ['a brace and then nonsense', '{not json at all}', MESSAGES.unreadable],
    ['single-quoted JavaScript, not JSON', "{'format': 'outcomes-workshop', 'formatVersion': 2}", MESSAGES.unreadable],
    ['JSON with a comment', valid.replace('{', '{ // exported by hand\n'), MESSAGES.unreadable],
    ['JSON with a trailing comma', valid.replace(/\n}$/, ',\n}'), MESSAGES.unreadable],
    ['JSON with NaN', valid.replace('"now": 2', '"now": NaN'), MESSAGES.unreadable],
    ['JSON with undefined', valid.replace('"target": null', '"target": undefined'), MESSAGES.unreadable],
    ['the file followed by nonsense', `${valid}\n<script>window.__xss=1</script>`, MESSAGES.unreadable],
    ['two files joined together', `${valid}\n${valid}`, MESSAGES.unreadable],
    [
      'a raw control character inside a string',
      valid.replace('Budget review', 'Budget\u0001review'),
      MESSAGES.unreadable,
    ],
  ] as const) {
    refuse('not-json', why, text, message);
  }
  for (const [why, bytes] of [
    ['a PNG picture', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]],
    ['a PDF document', [...encoder.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n')]],
    ['a gzip-compressed file', [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0]],
    ['a zip archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]],
    ['random bytes', Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)],
  ] as const) {
    add({ category: 'not-json', why, bytes: Uint8Array.from(bytes), expect: 'refuse', message: MESSAGES.notOurs });
  }

  // Byte-order marks and other encodings.
  accept('bom', 'a UTF-8 byte-order mark before the file', `\uFEFF${valid}`, [
    { table: 'workshops', id: WORKSHOP_ID, field: 'name', value: 'Budget review' },
  ]);
  add({
    category: 'bom',
    why: 'a UTF-8 byte-order mark, as bytes',
    bytes: concat([0xef, 0xbb, 0xbf], valid),
    expect: 'import',
    stored: [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: 'Budget review' }],
  });
  // Reading the file as UTF-8 drops one mark and the app another: a third is left in the text.
  accept('bom', 'two byte-order marks', `\uFEFF\uFEFF${valid}`);
  refuse('bom', 'three byte-order marks', `\uFEFF\uFEFF\uFEFF${valid}`, MESSAGES.unreadable);
  refuse('bom', 'a byte-order mark before a file that is not ours', '\uFEFF{"type":"excalidraw"}', MESSAGES.notOurs);
  refuse('bom', 'a byte-order mark before a cut-short file', `\uFEFF${valid.slice(0, 300)}`, MESSAGES.unreadable);
  refuse(
    'bom',
    'a byte-order mark in the middle of the file',
    valid.replace('"workshop":', '\uFEFF"workshop":'),
    MESSAGES.unreadable,
  );
  // UTF-16 (Windows Notepad's "Unicode") is read as such, told by its byte-order mark or by the zero bytes of its first characters.
  for (const bigEndian of [false, true]) {
    for (const mark of ['\uFEFF', '']) {
      add({
        category: 'encoding',
        why: `saved as UTF-16 ${bigEndian ? 'big' : 'little'}-endian ${mark ? 'with' : 'without'} a mark`,
        bytes: utf16(`${mark}${valid}`, bigEndian),
        expect: 'import',
        stored: [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: 'Budget review' }],
      });
    }
  }
  {
    // Latin-1 bytes are not UTF-8: each becomes U+FFFD, which is harmless text.
    const [before, after] = valid.split('Budget review') as [string, string];
    add({
      category: 'encoding',
      why: 'a name saved in Latin-1, not UTF-8',
      bytes: concat(before, [0x52, 0xe9, 0x76, 0x69, 0x73, 0x69, 0x6f, 0x6e], after),
      expect: 'import',
      stored: [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: 'R\uFFFDvision' }],
    });
    add({
      category: 'encoding',
      why: 'an invalid UTF-8 sequence in a name',
      bytes: concat(before, [0xc3, 0x28, 0xa0, 0xa1], after),
      expect: 'import',
      stored: [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: '\uFFFD(\uFFFD\uFFFD' }],
    });
  }

  // Size: refused before reading above 32 MB; exactly 32 MB is allowed, and so is a file over the 5 MB
  // limit of earlier versions (a device's backup outgrew it).
  const MB = 1024 * 1024;
  const padded = (size: number) => {
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set(encoder.encode(valid));
    return bytes;
  };
  add({
    category: 'size',
    why: 'a 50 MB file (a valid workshop padded with spaces)',
    name: 'huge-50mb.json',
    bytes: padded(50 * MB),
    expect: 'refuse',
    message: /is too large to be an Outcomes Workshop file \(50\.0 MB; the limit is 32 MB\)\.$/,
  });
  add({
    category: 'size',
    why: 'one byte over 32 MB',
    bytes: padded(32 * MB + 1),
    expect: 'refuse',
    message: /is too large to be an Outcomes Workshop file \(32\.1 MB; the limit is 32 MB\)\.$/,
  });
  add({
    category: 'size',
    why: 'a 6.2 MB file (a valid workshop padded with spaces; over the old 5 MB limit)',
    bytes: padded(Math.round(6.2 * MB)),
    expect: 'import',
    stored: [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: 'Budget review' }],
  });
  add({
    category: 'size',
    why: 'exactly 32 MB (a valid workshop padded with spaces)',
    bytes: padded(32 * MB),
    expect: 'import',
    stored: [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: 'Budget review' }],
  });

  // Deep nesting: a real file is nested 5 levels deep.
  refuse('nested', '100,000 nested objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, MESSAGES.nested);
  refuse(
    'nested',
    '2,000,000 nested lists in an unknown field (4 MB)',
    valid.replace(/\n}$/, `,\n  "extra": ${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}\n}`),
    MESSAGES.nested,
  );
  refuse(
    'nested',
    'a name made of 10,000 nested objects',
    render({ ...clone(), workshop: { ...clone().workshop, name: RAW() } }, [
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    ]),
    MESSAGES.nested,
  );
  mutation(
    'nested',
    'the groups list holding lists nested 1,000 deep',
    (f) => (f.workshop.groups = RAW()),
    MESSAGES.nested,
    [],
    [`${'['.repeat(1000)}${']'.repeat(1000)}`],
  );
  mutation(
    'nested',
    'an unknown field nested 20 deep is ignored',
    (f) => (f.workshop.extra = RAW()),
    'import',
    [{ table: 'workshops', id: WORKSHOP_ID, field: 'extra', absent: true }],
    [`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`],
  );
  mutation('nested', 'a list where the workshop should be', (f) => (f.workshop = [f.workshop]), MESSAGES.notFields);
  mutation(
    'nested',
    'a list where a group should be',
    (f) => (f.workshop.groups[0] = [f.workshop.groups[0]]),
    MESSAGES.notFields,
  );

  // Every field of every record: missing, and each JSON type it must not be.
  const WRONG_VALUES: readonly unknown[] = [42, true, null, [], {}, 'text'];
  for (const spec of RECORDS) {
    for (const [field, kind] of Object.entries(spec.fields)) {
      const where = `${spec.label}.${field}`;
      const missing =
        kind === 'format' ? MESSAGES.notOurs : kind === 'version' ? MESSAGES.badVersion : MESSAGES.missing;
      mutation('missing', `${where} missing`, (f) => delete nodeAt(f, spec.path)[field], missing);
      for (const value of WRONG_VALUES) {
        const textKind = [
          'id',
          'requiredText',
          'text',
          'longText',
          'date',
          'timestamp',
          'nullableTimestamp',
          'due',
          'framework',
          'outcome',
          'groupRef',
          'recordId',
          'confidence',
        ].includes(kind);
        if (value === 'text' && textKind) continue; // text is the right type there: see the bad strings below
        let expectation = value === 'text' ? badStringExpectation(kind, spec) : wrongTypeExpectation(kind, value);
        // No groups, but scores of the groups that were there.
        if (where === 'workshop.groups' && Array.isArray(value)) expectation = MESSAGES.groupNotInFile;
        const stored: StoredCheck[] =
          expectation === 'import' && spec.table && spec.id && kind !== 'list'
            ? [{ table: spec.table, id: spec.id, field, value }]
            : [];
        mutation(
          'wrong-type',
          `${where} is ${typeWord(value)} ${JSON.stringify(value)}`,
          (f) => (nodeAt(f, spec.path)[field] = value),
          expectation,
          stored,
        );
      }
    }
  }
  // Whole records of the wrong type.
  for (const section of ['groups', 'ratings', 'agreements', 'actions'] as const) {
    for (const value of [42, 'text', null]) {
      mutation(
        'wrong-type',
        `${section}[0] is ${typeWord(value)} ${JSON.stringify(value)}`,
        (f) => (f.workshop[section][0] = value),
        MESSAGES.notFields,
      );
    }
  }

  // HTML and script in every field: free text is stored as it is; anything else is refused.
  for (const spec of RECORDS) {
    for (const [field, kind] of Object.entries(spec.fields)) {
      if (['fields', 'list', 'boolean', 'version', 'now', 'target'].includes(kind)) continue; // not text: see the wrong types
      for (const [p, payload] of PAYLOADS.entries()) {
        if (p > 0 && badStringExpectation(kind, spec) !== 'import') continue; // one payload is enough for a refusal
        const where = `${spec.label}.${field}`;
        const expectation = badStringExpectation(kind, spec);
        const stored: StoredCheck[] = [];
        const change = (f: Json) => {
          if (spec.label === 'group' && field === 'id') renameGroup(f, BLUE, payload);
          else if (spec.label === 'workshop' && field === 'id') renameWorkshop(f, payload);
          else if (kind === 'outcome') setOutcome(f, sectionOf(spec)!, 0, payload);
          else nodeAt(f, spec.path)[field] = payload;
        };
        if (expectation === 'import' && spec.table && spec.id) {
          const id = field === 'id' ? payload : spec.id;
          stored.push({ table: spec.table, id, field, value: payload });
        }
        mutation('html', `${where} holds ${payload}`, change, expectation, stored);
      }
    }
  }
  // Markup in every free-text field at once, as the Chromium test imports it.
  mutation(
    'html',
    'markup in every free-text field at once',
    (f) => {
      const w = f.workshop;
      [w.name, w.organisation, w.facilitator] = PAYLOADS;
      w.groups[0].name = PAYLOADS[0];
      w.groups[1].name = PAYLOADS[1];
      Object.assign(w.ratings[0], { evidence: PAYLOADS[0], notes: PAYLOADS[1] });
      Object.assign(w.agreements[0], { rationale: PAYLOADS[1], dissent: PAYLOADS[2] });
      Object.assign(w.actions[0], { what: PAYLOADS[2], owner: PAYLOADS[0] });
    },
    'import',
    [
      { table: 'workshops', id: WORKSHOP_ID, field: 'name', value: PAYLOADS[0] },
      { table: 'groups', id: GREEN, field: 'name', value: PAYLOADS[1] },
      { table: 'ratings', id: RATING_ID, field: 'notes', value: PAYLOADS[1] },
      { table: 'agreements', id: AGREEMENT_ID, field: 'dissent', value: PAYLOADS[2] },
      { table: 'actions', id: ACTION_ID, field: 'owner', value: PAYLOADS[0] },
    ],
  );
  mutation(
    'html',
    'a spreadsheet formula in evidence',
    (f) => (f.workshop.ratings[0].evidence = '=HYPERLINK("https://example.com","Click")'),
    'import',
    [{ table: 'ratings', id: RATING_ID, field: 'evidence', value: '=HYPERLINK("https://example.com","Click")' }],
  );

  // Long text: one character over each limit is refused, the limit itself is stored whole.
  for (const spec of RECORDS) {
    for (const [field, kind] of Object.entries(spec.fields)) {
      const limit = TEXT_LIMIT[kind];
      if (limit === undefined) continue;
      const where = `${spec.label}.${field}`;
      const shown = limit.toLocaleString('en-GB');
      mutation(
        'long-text',
        `${where} one character over ${shown}`,
        (f) => (nodeAt(f, spec.path)[field] = 'x'.repeat(limit + 1)),
        MESSAGES.tooLong(shown),
      );
      if (['requiredText', 'text', 'longText'].includes(kind) && spec.table && spec.id) {
        const value = `${'é'.repeat(limit - 1)}!`;
        mutation(
          'long-text',
          `${where} exactly ${shown} characters`,
          (f) => (nodeAt(f, spec.path)[field] = value),
          'import',
          [{ table: spec.table, id: spec.id, field, value }],
        );
      }
    }
  }
  const FOUR_MB = 'A'.repeat(4 * MB);
  mutation('long-text', 'a 4 MB workshop name', (f) => (f.workshop.name = FOUR_MB), MESSAGES.tooLong('200'));
  mutation(
    'long-text',
    'a 4 MB piece of evidence',
    (f) => (f.workshop.ratings[0].evidence = FOUR_MB),
    MESSAGES.tooLong('10,000'),
  );
  mutation(
    'long-text',
    'a 4 MB confidence (shown shortened in the message)',
    (f) => (f.workshop.ratings[0].confidence = FOUR_MB),
    MESSAGES.tooLong('200'),
  );
  mutation('long-text', 'a 4 MB format version', (f) => (f.formatVersion = FOUR_MB), MESSAGES.badVersion);
  mutation('long-text', 'a 4 MB unknown field is ignored', (f) => (f.workshop.ratings[0].extra = FOUR_MB), 'import', [
    { table: 'ratings', id: RATING_ID, field: 'extra', absent: true },
  ]);
  mutation(
    'long-text',
    'a 4 MB field name is ignored',
    (f) => (f.workshop[FOUR_MB.slice(0, 4 * MB - 10)] = 1),
    'import',
  );

  // Scores: off the scale, fractional, of the wrong kind; whole numbers written as decimals are fine.
  for (const section of ['ratings', 'agreements'] as const) {
    for (const field of ['now', 'target'] as const) {
      const where = `${section}[0].${field}`;
      const bad: (readonly [string, unknown] | readonly [string, string, 'raw'])[] = [
        ['0', 0],
        ['6', 6],
        ['-1', -1],
        ['2.5', 2.5],
        ['100', 100],
        ['1e400 (Infinity)', '1e400', 'raw'],
        ['-0', '-0', 'raw'],
        ['1e-7', '1e-7', 'raw'],
        ['"3"', '3'],
        ['"NOT-SURE"', 'NOT-SURE'],
        ['"not sure"', 'not sure'],
        ['""', ''],
        ['true', true],
        ['a list', [3]],
        ['a set of fields', { level: 3 }],
      ];
      if (field === 'target') bad.push(['"not-sure"', 'not-sure']);
      for (const entry of bad) {
        const [label, value] = entry;
        const raw = entry.length === 3;
        mutation(
          'score',
          `${where} is ${label}`,
          (f) => (f.workshop[section][0][field] = raw ? RAW() : value),
          MESSAGES.score,
          [],
          raw ? [value as string] : [],
        );
      }
      const table = section === 'ratings' ? 'ratings' : 'agreements';
      const id = section === 'ratings' ? RATING_ID : AGREEMENT_ID;
      for (const [token, value] of [
        ['1.0', 1],
        ['5e0', 5],
        ['3.000', 3],
      ] as const) {
        mutation(
          'score',
          `${where} written ${token} is the whole number ${value}`,
          (f) => (f.workshop[section][0][field] = RAW()),
          'import',
          [{ table, id, field, value }],
          [token],
        );
      }
    }
  }
  mutation('score', 'ratings[0].now is "not-sure"', (f) => (f.workshop.ratings[0].now = 'not-sure'), 'import', [
    { table: 'ratings', id: RATING_ID, field: 'now', value: 'not-sure' },
  ]);
  refuse(
    'score',
    'a score given twice, the second off the scale',
    valid.replace('"now": 2,', '"now": 2, "now": 9,'),
    MESSAGES.score,
  );
  accept(
    'duplicate-id',
    'a name given twice: the last one counts',
    valid.replace('"name": "Budget review",', `"name": "Budget review", "name": ${JSON.stringify(PAYLOADS[0])},`),
    [{ table: 'workshops', id: WORKSHOP_ID, field: 'name', value: PAYLOADS[0] }],
  );

  // Confidence and status: only the listed words.
  for (const value of ['HIGH', 'very', ' high', 'high ', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    mutation(
      'choice',
      `ratings[0].confidence is ${JSON.stringify(value)}`,
      (f) => (f.workshop.ratings[0].confidence = value),
      MESSAGES.confidence,
    );
  }
  mutation('choice', 'ratings[0].confidence is ""', (f) => (f.workshop.ratings[0].confidence = ''), MESSAGES.emptyText);
  mutation('choice', 'ratings[0].confidence is "high"', (f) => (f.workshop.ratings[0].confidence = 'high'), 'import', [
    { table: 'ratings', id: RATING_ID, field: 'confidence', value: 'high' },
  ]);
  for (const value of ['Done', 'finished', '', 'not started', '__proto__', 'constructor', 'toString']) {
    mutation(
      'choice',
      `actions[0].status is ${JSON.stringify(value)}`,
      (f) => (f.workshop.actions[0].status = value),
      MESSAGES.status,
    );
  }

  // Dates and times that are not real, or not written the one standard way.
  for (const value of [
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-31',
    '26-11-27',
    '2026/11/27',
    '27/11/2026',
    '',
    '2026-11-27T00:00:00.000Z',
    ' 2026-11-27',
    '+02026-11-27',
    'today',
  ]) {
    mutation('date', `workshop.date is ${JSON.stringify(value)}`, (f) => (f.workshop.date = value), MESSAGES.date);
  }
  for (const value of ['2024-02-29', '2000-01-01', '2100-12-31']) {
    mutation('date', `workshop.date is ${value} (a real date)`, (f) => (f.workshop.date = value), 'import', [
      { table: 'workshops', id: WORKSHOP_ID, field: 'date', value },
    ]);
  }
  // Real dates in implausible years (a date field turns a mistyped year into 0027).
  for (const value of ['0027-12-11', '9999-12-31', '1999-12-31', '2101-01-01']) {
    mutation(
      'date',
      `workshop.date is ${value} (a real date, an implausible year)`,
      (f) => (f.workshop.date = value),
      MESSAGES.year,
    );
  }
  for (const value of ['0028-03-31', '2207-03-31']) {
    mutation(
      'date',
      `actions[0].due is ${value} (an implausible year)`,
      (f) => (f.workshop.actions[0].due = value),
      MESSAGES.year,
    );
  }
  for (const value of ['2027-02-29', '2027-3-31', '31/03/2027', 'tomorrow', '2027-03-31T00:00:00.000Z', ' ']) {
    mutation(
      'date',
      `actions[0].due is ${JSON.stringify(value)}`,
      (f) => (f.workshop.actions[0].due = value),
      MESSAGES.due,
    );
  }
  for (const value of ['', '2028-02-29']) {
    mutation(
      'date',
      `actions[0].due is ${JSON.stringify(value)}`,
      (f) => (f.workshop.actions[0].due = value),
      'import',
      [{ table: 'actions', id: ACTION_ID, field: 'due', value }],
    );
  }
  const BAD_TIMES = [
    '2026-11-27T09:00:00Z',
    '2026-02-30T09:00:00.000Z',
    '2026-11-27T24:00:00.000Z',
    '2026-11-27T09:60:00.000Z',
    '2026-11-27T09:00:00.000+01:00',
    '2026-11-27 09:00:00.000Z',
    '2026-11-27',
    '',
    'yesterday',
    '+010000-01-01T00:00:00.000Z',
  ];
  const TIME_FIELDS: readonly [string, Path][] = [
    ['exportedAt', ['exportedAt']],
    ['workshop.createdAt', ['workshop', 'createdAt']],
    ['workshop.updatedAt', ['workshop', 'updatedAt']],
    ['workshop.revealedAt', ['workshop', 'revealedAt']],
    ['groups[0].createdAt', ['workshop', 'groups', 0, 'createdAt']],
    ['groups[0].updatedAt', ['workshop', 'groups', 0, 'updatedAt']],
    ['ratings[0].updatedAt', ['workshop', 'ratings', 0, 'updatedAt']],
    ['agreements[0].updatedAt', ['workshop', 'agreements', 0, 'updatedAt']],
    ['actions[0].createdAt', ['workshop', 'actions', 0, 'createdAt']],
    ['actions[0].updatedAt', ['workshop', 'actions', 0, 'updatedAt']],
  ];
  for (const [i, [where, path]] of TIME_FIELDS.entries()) {
    // Every bad time in two fields, and three of them (rotating) in each of the others.
    const values = i < 2 ? BAD_TIMES : [0, 1, 2].map((k) => BAD_TIMES[(i * 3 + k) % BAD_TIMES.length]!);
    for (const value of values) {
      mutation(
        'date',
        `${where} is ${JSON.stringify(value)}`,
        (f) => (nodeAt(f, path.slice(0, -1))[path.at(-1)!] = value),
        MESSAGES.timestamp,
      );
    }
  }
  // A change time far ahead would win every later merge; one before 2000 is a clock that was never set.
  for (const [i, [where, path]] of TIME_FIELDS.entries()) {
    if (where === 'exportedAt') continue; // when the file was written: not stored, merges never compare it
    const future = [
      '9999-12-31T23:59:59.999Z',
      '2999-01-01T00:00:00.000Z',
      new Date(Date.now() + 3 * 86_400_000).toISOString(),
    ][i % 3]!;
    mutation(
      'date',
      `${where} is in the future (${future})`,
      (f) => (nodeAt(f, path.slice(0, -1))[path.at(-1)!] = future),
      MESSAGES.future,
    );
    const past = ['1970-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z'][i % 2]!;
    mutation(
      'date',
      `${where} is before 2000 (${past})`,
      (f) => (nodeAt(f, path.slice(0, -1))[path.at(-1)!] = past),
      MESSAGES.before2000,
    );
  }
  mutation(
    'date',
    'a score changed two hours ahead of this device (a clock a little fast)',
    (f) => (f.workshop.ratings[0].updatedAt = new Date(Date.now() + 2 * 3_600_000).toISOString()),
    'import',
  );

  // Backups ("Export everything"): refused whole when anything in them is wrong.
  {
    const backup = (workshops: unknown, over: Record<string, unknown> = {}) =>
      JSON.stringify(
        {
          format: 'outcomes-workshop-backup',
          formatVersion: 1,
          app: { name: 'Outcomes Workshop', version: '0.1.0' },
          exportedAt: '2026-11-27T15:00:00.000Z',
          workshops,
          ...over,
        },
        null,
        2,
      );
    const good = clone();
    const bad = clone();
    bad.workshop.ratings[0].now = 7;
    const otherWorkshop = clone();
    otherWorkshop.workshop.ratings[0].updatedAt = '9999-01-01T00:00:00.000Z';
    refuse('backup', 'a backup from a newer app', backup([good], { formatVersion: 2 }), MESSAGES.backupNewer);
    refuse(
      'backup',
      'a backup whose version is text',
      backup([good], { formatVersion: '1' }),
      MESSAGES.backupBadVersion,
    );
    refuse('backup', 'a backup with no list of workshops', backup(undefined), MESSAGES.backupNoList);
    refuse('backup', 'a backup whose workshops are a set of fields', backup({ 0: good }), MESSAGES.backupNoList);
    refuse('backup', 'a backup with an empty list', backup([]), MESSAGES.backupEmpty);
    refuse('backup', 'a backup with the same workshop twice', backup([good, good]), MESSAGES.backupDuplicate);
    refuse('backup', 'a backup whose second workshop has a score of 7', backup([good, bad]), MESSAGES.score);
    refuse('backup', 'a backup whose workshop changed in the year 9999', backup([otherWorkshop]), MESSAGES.future);
    refuse('backup', 'a backup holding null', backup([null]), MESSAGES.notOurs);
    refuse('backup', 'a backup holding a backup', backup([JSON.parse(backup([good]))]), MESSAGES.notOurs);
    refuse(
      'backup',
      'a backup holding a workshop file from a newer app',
      backup([{ ...good, formatVersion: 3 }]),
      MESSAGES.newer('3'),
    );
    accept('backup', 'a backup of the sample workshop', backup([good]));
  }

  // Unknown outcomes and frameworks.
  for (const section of ['ratings', 'agreements', 'actions'] as const) {
    for (const outcome of [
      'teleportation',
      'Data',
      'data ',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
    ]) {
      mutation(
        'unknown-outcome',
        `${section}[0] is for outcome ${JSON.stringify(outcome)}`,
        (f) => setOutcome(f, section, 0, outcome),
        MESSAGES.unknownOutcome[section],
      );
    }
  }
  for (const framework of [
    'other-framework',
    'LGA-DIGITALISATION-OUTCOMES',
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
  ]) {
    mutation(
      'unknown-framework',
      `workshop.frameworkId is ${JSON.stringify(framework)}`,
      (f) => (f.workshop.frameworkId = framework),
      MESSAGES.framework,
    );
  }

  // Duplicate ids.
  mutation('duplicate-id', 'two groups with one id', (f) => (f.workshop.groups[1].id = BLUE), MESSAGES.twoGroups);
  mutation(
    'duplicate-id',
    'the same group listed twice',
    (f) => f.workshop.groups.push(f.workshop.groups[0]),
    MESSAGES.twoGroups,
  );
  mutation(
    'duplicate-id',
    'two scores for one group and outcome',
    (f) => f.workshop.ratings.push({ ...f.workshop.ratings[0], now: 5 }),
    MESSAGES.twoScores,
  );
  mutation(
    'duplicate-id',
    'two agreed scores for one outcome',
    (f) => f.workshop.agreements.push({ ...f.workshop.agreements[0], now: 5 }),
    MESSAGES.twoAgreed,
  );
  mutation(
    'duplicate-id',
    'two actions with one id',
    (f) => (f.workshop.actions[1].id = ACTION_ID),
    MESSAGES.twoActions,
  );
  mutation(
    'duplicate-id',
    'a group whose id another workshop on the device uses (left out)',
    (f) => renameGroup(f, BLUE, OTHER.groupId),
    'import',
    [
      { table: 'groups', id: OTHER.groupId, field: 'workshopId', value: OTHER.workshopId },
      { table: 'groups', id: OTHER.groupId, field: 'name', value: OTHER.groupName },
    ],
  );
  mutation(
    'duplicate-id',
    'a group and an action with one id (different kinds)',
    (f) => (f.workshop.actions[0].id = BLUE),
    'import',
    [{ table: 'actions', id: BLUE, field: 'what', value: SAMPLE.workshop.actions[0].what }],
  );

  // Ids that do not match between groups, scores and the workshop.
  mutation(
    'mismatched-id',
    'a score for a group not in the file',
    (f) => {
      f.workshop.ratings[0].groupId = 'no-such-group';
      f.workshop.ratings[0].id = 'no-such-group/connectivity';
    },
    MESSAGES.groupNotInFile,
  );
  mutation(
    'mismatched-id',
    'a score whose group id differs only in case',
    (f) => {
      f.workshop.ratings[0].groupId = BLUE.toUpperCase();
      f.workshop.ratings[0].id = `${BLUE.toUpperCase()}/connectivity`;
    },
    MESSAGES.groupNotInFile,
  );
  mutation(
    'mismatched-id',
    'a score whose id names another group',
    (f) => (f.workshop.ratings[0].id = `${GREEN}/connectivity`),
    MESSAGES.wrongId,
  );
  mutation(
    'mismatched-id',
    'a score whose id names another outcome',
    (f) => (f.workshop.ratings[0].id = `${BLUE}/data`),
    MESSAGES.wrongId,
  );
  mutation(
    'mismatched-id',
    'a score whose id is only the group id',
    (f) => (f.workshop.ratings[0].id = BLUE),
    MESSAGES.wrongId,
  );
  mutation(
    'mismatched-id',
    'a score whose id has an extra part',
    (f) => (f.workshop.ratings[0].id = `${RATING_ID}/extra`),
    MESSAGES.wrongId,
  );
  mutation(
    'mismatched-id',
    'a score moved to another outcome without its id',
    (f) => (f.workshop.ratings[0].outcomeId = 'data'),
    MESSAGES.wrongId,
  );
  mutation('mismatched-id', 'scores but no groups', (f) => (f.workshop.groups = []), MESSAGES.groupNotInFile);
  mutation(
    'mismatched-id',
    'a group renamed without its scores',
    (f) => (f.workshop.groups[0].id = 'renamed-group'),
    MESSAGES.groupNotInFile,
  );
  mutation(
    'mismatched-id',
    'an agreed score whose id names another workshop',
    (f) => (f.workshop.agreements[0].id = `${OTHER.workshopId}/connectivity`),
    MESSAGES.wrongId,
  );
  mutation(
    'mismatched-id',
    'an agreed score whose id names another outcome',
    (f) => (f.workshop.agreements[0].id = `${WORKSHOP_ID}/data`),
    MESSAGES.wrongId,
  );
  mutation(
    'mismatched-id',
    'a workshop renamed without its agreed scores',
    (f) => (f.workshop.id = 'renamed-workshop'),
    MESSAGES.wrongId,
  );

  // Prototype keys: ignored wherever they appear; values of that name are plain text.
  const LEVELS: readonly [string, Path, Table | undefined, string | undefined][] = [
    ['the envelope', [], undefined, undefined],
    ['the app field', ['app'], undefined, undefined],
    ['the workshop', ['workshop'], 'workshops', WORKSHOP_ID],
    ['a group', ['workshop', 'groups', 0], 'groups', BLUE],
    ['a score', ['workshop', 'ratings', 0], 'ratings', RATING_ID],
    ['an agreed score', ['workshop', 'agreements', 0], 'agreements', AGREEMENT_ID],
    ['an action', ['workshop', 'actions', 0], 'actions', ACTION_ID],
  ];
  for (const [where, path, table, id] of LEVELS) {
    const absent = (field: string): StoredCheck[] => (table && id ? [{ table, id, field, absent: true }] : []);
    mutation(
      'prototype',
      `a "__proto__" key in ${where}`,
      (f) => setOwn(nodeAt(f, path), '__proto__', { polluted: 'yes', isAdmin: true, name: 'From the prototype' }),
      'import',
      [...absent('polluted'), ...absent('isAdmin')],
    );
    mutation(
      'prototype',
      `a "constructor" key in ${where}`,
      (f) => setOwn(nodeAt(f, path), 'constructor', { prototype: { polluted: 'yes' } }),
      'import',
      absent('constructor'),
    );
    mutation(
      'prototype',
      `a "prototype" key in ${where}`,
      (f) => setOwn(nodeAt(f, path), 'prototype', { polluted: 'yes' }),
      'import',
      absent('prototype'),
    );
    mutation(
      'unknown-field',
      `an unknown field holding markup in ${where}`,
      (f) => (nodeAt(f, path).extra = PAYLOADS[0]),
      'import',
      absent('extra'),
    );
  }
  // A record whose fields are all hidden under "__proto__": it must not be read through its prototype.
  const shadow = (path: Path) => (f: Json) => {
    const parent = nodeAt(f, path.slice(0, -1));
    const key = path.at(-1)!;
    const hidden = {};
    setOwn(hidden, '__proto__', parent[key]);
    parent[key] = hidden;
  };
  mutation('prototype', 'the workshop hidden under "__proto__"', shadow(['workshop']), MESSAGES.missing);
  mutation('prototype', 'the app field hidden under "__proto__"', shadow(['app']), MESSAGES.missing);
  mutation('prototype', 'a group hidden under "__proto__"', shadow(['workshop', 'groups', 0]), MESSAGES.missing);
  mutation('prototype', 'a score hidden under "__proto__"', shadow(['workshop', 'ratings', 0]), MESSAGES.missing);
  mutation(
    'prototype',
    'an agreed score hidden under "__proto__"',
    shadow(['workshop', 'agreements', 0]),
    MESSAGES.missing,
  );
  mutation('prototype', 'an action hidden under "__proto__"', shadow(['workshop', 'actions', 0]), MESSAGES.missing);
  mutation(
    'prototype',
    'a version-1 workshop hidden under "__proto__"',
    (f) => {
      f.formatVersion = 1;
      shadow(['workshop'])(f);
    },
    MESSAGES.missing,
  );
  {
    // The header hidden under "__proto__": the file does not even say it is ours.
    const file = clone();
    const hidden = {};
    setOwn(hidden, '__proto__', file);
    refuse('prototype', 'the whole file hidden under "__proto__"', render(hidden), MESSAGES.notOurs);
  }
  for (const word of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
    mutation('prototype', `group id ${JSON.stringify(word)}`, (f) => renameGroup(f, BLUE, word), 'import', [
      { table: 'groups', id: word, field: 'name', value: 'Blue' },
    ]);
  }
  for (const word of ['__proto__', 'constructor']) {
    mutation('prototype', `workshop id ${JSON.stringify(word)}`, (f) => renameWorkshop(f, word), 'import', [
      { table: 'workshops', id: word, field: 'name', value: 'Budget review' },
    ]);
    mutation('prototype', `action id ${JSON.stringify(word)}`, (f) => (f.workshop.actions[0].id = word), 'import', [
      { table: 'actions', id: word, field: 'status', value: 'in-progress' },
    ]);
    mutation('prototype', `workshop name ${JSON.stringify(word)}`, (f) => (f.workshop.name = word), 'import', [
      { table: 'workshops', id: WORKSHOP_ID, field: 'name', value: word },
    ]);
  }

  // Format versions: newer ones are refused with their own message; anything not a whole number from 1 is damaged.
  for (const [label, token, shown] of [
    ['3', '3', '3'],
    ['4', '4', '4'],
    ['99', '99', '99'],
    ['1000000', '1000000', '1000000'],
    ['3.0 (the whole number 3)', '3.0', '3'],
    ['2^53 + 1', '9007199254740993', '9007199254740992'],
  ] as const) {
    mutation('version', `formatVersion ${label}`, (f) => (f.formatVersion = RAW()), MESSAGES.newer(shown), [], [token]);
  }
  for (const [label, token] of [
    ['"2"', '"2"'],
    ['"3"', '"3"'],
    ['2.5', '2.5'],
    ['0', '0'],
    ['-1', '-1'],
    ['-0', '-0'],
    ['1e400 (Infinity)', '1e400'],
    ['1e-300', '1e-300'],
    ['"2.0"', '"2.0"'],
  ] as const) {
    mutation('version', `formatVersion ${label}`, (f) => (f.formatVersion = RAW()), MESSAGES.badVersion, [], [token]);
  }
  mutation(
    'version',
    'formatVersion 2.0 (the whole number 2)',
    (f) => (f.formatVersion = RAW()),
    'import',
    [],
    ['2.0'],
  );
  for (const format of ['Outcomes-Workshop', 'outcomes-workshop ', 'outcomes_workshop', '', '__proto__']) {
    mutation('version', `format ${JSON.stringify(format)}`, (f) => (f.format = format), MESSAGES.notOurs);
  }
  refuse(
    'version',
    'a file from version 3 with a new kind of record',
    render({ ...clone(), formatVersion: 3, workshop: { ...clone().workshop, votes: [{ id: 'v1' }] } }),
    MESSAGES.newer('3'),
  );

  // Unicode that is easy to mishandle: stored exactly as written.
  for (const [why, value] of [
    ['a right-to-left override', 'Budget \u202Eweiver'],
    ['emoji and joiners', 'Budget 👩🏽‍💻 review 🏳️‍🌈'],
    ['zero-width characters', 'Bud\u200Bget\u200D review\uFEFF'],
    ['an escaped NUL character', 'Budget\u0000review'],
    ['a lone surrogate', 'Budget \uD800 review'],
    ['combining marks', 'Z̷̢̛a̵̧͝l̶g̸o̵ review'],
    ['line breaks and tabs', 'Budget\r\n\treview\n'],
  ] as const) {
    mutation('unicode', `a group name with ${why}`, (f) => (f.workshop.groups[0].name = value), 'import', [
      { table: 'groups', id: BLUE, field: 'name', value },
    ]);
  }

  // Many records: valid, and imported whole.
  mutation(
    'many-records',
    '1,000 groups',
    (f) => {
      for (let i = 0; i < 998; i += 1) {
        f.workshop.groups.push({
          id: `many-${i}`,
          name: `Group ${i}`,
          createdAt: '2026-11-27T09:07:00.000Z',
          updatedAt: '2026-11-27T09:07:00.000Z',
        });
      }
    },
    'import',
    [{ table: 'groups', id: 'many-997', field: 'name', value: 'Group 997' }],
  );

  return cases;
}
