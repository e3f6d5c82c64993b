// Reading workshop files, the first of import's three steps: each file's bytes (within the size
// limit), decoded as UTF-8 or UTF-16, then parsed as JSON. Checking what the JSON says is
// import-check.ts; building the records from it is import-file.ts.
import { MAX_FILE_BYTES, MAX_FILE_MB, MAX_NESTING_DEPTH, megabytes } from './format.ts';

/** Files are read together, several megabytes at a time (see `readTexts`). */
const READ_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Each file's text, or why it was not read: too large (it is not read at all), or it could not be
 * read (it vanished, or is still in the cloud on iPadOS Files). Refused, not crashed.
 */
export async function readFileTexts(files: readonly File[]): Promise<({ text: string } | { message: string })[]> {
  const texts = await readTexts(files);
  return files.map((file, i) => {
    const name = `“${file.name}”`;
    if (file.size > MAX_FILE_BYTES) {
      return {
        message: `${name} is too large to be an Outcomes Workshop file (${megabytes(file.size)} MB; the limit is ${MAX_FILE_MB} MB).`,
      };
    }
    const text = texts[i];
    if (text === undefined)
      return { message: `${name} could not be opened on this device. Save it to the device, then import it again.` };
    return { text };
  });
}

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

/**
 * A file's text parsed as JSON, or why it cannot be: empty, not a JSON object (a picture, a
 * spreadsheet), nested too deeply, or not valid JSON. `name` is the file's name as messages show it.
 */
export function parseJson(text: string, name: string): { raw: unknown } | { message: string } {
  const body = text.replace(/^\uFEFF/, ''); // a byte-order mark some editors add on Windows
  if (body.trim() === '') return { message: `${name} is empty. Export the workshop again and import the new file.` };
  // Every workshop file is a JSON object: anything else (a picture, a spreadsheet) is not ours.
  if (!body.trimStart().startsWith('{')) return { message: `${name} is not an Outcomes Workshop file.` };
  if (nestedTooDeeply(body, MAX_NESTING_DEPTH)) {
    return { message: `${name} is damaged: it is nested far more deeply than any Outcomes Workshop file.` };
  }
  try {
    return { raw: JSON.parse(body) as unknown };
  } catch {
    return { message: `${name} could not be read: it may be damaged or cut short.` };
  }
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
