/** What the workshop form collects. */
export interface WorkshopInput {
  name: string;
  organisation: string;
  date: string;
  facilitator: string;
}

export type WorkshopInputErrors = Partial<Record<keyof WorkshopInput, string>>;

export const MAX_NAME_LENGTH = 200;

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD` (of the Gregorian calendar, as
 * `Date` counts days): by arithmetic on the digits, not by parsing it with `Date`, which is slow on
 * first use and an import checks thousands of dates (in its timestamps).
 */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** True for a date in the years 2000-2100: a date field can turn a mistyped year into 0027. */
export function isPlausibleYear(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= 2000 && year <= 2100;
}

/** Trims the form's text and checks it; returns the cleaned input and an error message per bad field. */
export function validateWorkshopInput(raw: WorkshopInput): { input: WorkshopInput; errors: WorkshopInputErrors } {
  const input: WorkshopInput = {
    name: raw.name.trim(),
    organisation: raw.organisation.trim(),
    date: raw.date.trim(),
    facilitator: raw.facilitator.trim(),
  };
  const errors: WorkshopInputErrors = {};
  if (input.name === '') errors.name = 'Enter a name for the workshop';
  else if (input.name.length > MAX_NAME_LENGTH)
    errors.name = `Workshop name must be ${MAX_NAME_LENGTH} characters or fewer`;
  if (input.organisation.length > MAX_NAME_LENGTH)
    errors.organisation = `Organisation must be ${MAX_NAME_LENGTH} characters or fewer`;
  if (input.facilitator.length > MAX_NAME_LENGTH)
    errors.facilitator = `Facilitator must be ${MAX_NAME_LENGTH} characters or fewer`;
  if (!isIsoDate(input.date)) errors.date = 'Enter a real date, for example 27/11/2026';
  else if (!isPlausibleYear(input.date)) errors.date = 'The date must be between the years 2000 and 2100';
  return { input, errors };
}

/** How group names are compared: two names with the same key read as the same name (trimmed, in any case). */
export function groupNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en-GB');
}

/** Checks a group name: the trimmed name, or an error message. */
export function validateGroupName(raw: string, takenNames: readonly string[] = []): { name: string; error?: string } {
  const name = raw.trim();
  if (name === '') return { name, error: 'Enter a name for the group' };
  if (name.length > MAX_NAME_LENGTH)
    return { name, error: `Group name must be ${MAX_NAME_LENGTH} characters or fewer` };
  if (takenNames.some((t) => groupNameKey(t) === groupNameKey(name)))
    return { name, error: `There is already a group called “${name}”` };
  return { name };
}

/** Today's date in the device's time zone, as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// Made once, when first needed: building a formatter costs far more than using one (it was most of
// the time of listing 1,000 workshops).
let ukDate: Intl.DateTimeFormat | undefined;

/** A date `YYYY-MM-DD` written for people in the UK, e.g. "27 November 2026". */
export function formatDate(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  ukDate ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return ukDate.format(new Date(`${iso}T00:00:00Z`));
}

// Made on first use: the first Intl formatter loads the browser's locale data (about 100 ms on a
// 4x-throttled CPU, measured), which must not delay the first screen.
let dateTime: Intl.DateTimeFormat | undefined;

/** A moment (an ISO timestamp) in the device's time zone, for people in the UK: "27 November 2026 at 14:05". */
export function formatDateTime(iso: string): string {
  const time = new Date(iso);
  dateTime ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return Number.isNaN(time.getTime()) ? iso : dateTime.format(time).replace(', ', ' at ');
}
