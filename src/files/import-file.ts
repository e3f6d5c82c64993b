// Importing workshop files: every check runs before anything is stored, and each refusal says in
// plain English what is wrong. Three steps: import-read.ts reads each file's bytes and parses its
// JSON, import-check.ts checks (and migrates) what it says, and this module builds the records that
// import returns. Loaded lazily (checking pulls in valibot), never on the first screen.
import type { Action, Agreement, Group, Rating, Workshop, WorkshopBundle } from '../domain/types.ts';
import { checkFile } from './import-check.ts';
import { parseJson, readFileTexts } from './import-read.ts';
import { FILE_FIELDS, pick } from './format.ts';
import type { FileEnvelope } from './schema.ts';

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
  const texts = await readFileTexts(files);
  files.forEach((file, i) => {
    const read = texts[i]!;
    const result = 'message' in read ? read : parseImportText(read.text, file.name);
    if ('bundles' in result) ok.push(...result.bundles.map((bundle) => ({ fileName: file.name, bundle })));
    else errors.push({ fileName: file.name, message: result.message });
  });
  return { ok, errors };
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
  const json = parseJson(text, name);
  if ('message' in json) return json;
  const checked = checkFile(json.raw, name, now);
  return 'message' in checked ? checked : { bundles: checked.envelopes.map(toBundle) };
}

/** Builds the app's records from a checked file: new plain objects, field by field (FILE_FIELDS). */
function toBundle(envelope: FileEnvelope): WorkshopBundle {
  const w = envelope.workshop;
  const workshopId = w.id;
  const workshop: Workshop = { ...pick(w, FILE_FIELDS.workshop), deletedAt: null };
  const groups: Group[] = w.groups.map((g) => ({ ...pick(g, FILE_FIELDS.group), workshopId }));
  const ratings: Rating[] = w.ratings.map((r) => ({ ...pick(r, FILE_FIELDS.rating), workshopId }));
  const agreements: Agreement[] = w.agreements.map((a) => ({ ...pick(a, FILE_FIELDS.agreement), workshopId }));
  const actions: Action[] = w.actions.map((a) => ({ ...pick(a, FILE_FIELDS.action), workshopId }));
  return { workshop, groups, ratings, agreements, actions };
}
