/**
 * A date as the .INS record stores it: raw components, never normalised.
 * SMS 1.0/1.1 stored months 0-11 (Q153369), so "1994-11-31" is a real stored value, not an error;
 * we only check that each component fits the range the format can hold.
 */
export interface StoredDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type StoredDateComponent = keyof StoredDateParts;

/** Component ranges the format holds. Month 0 is allowed because SMS 1.0/1.1 wrote January as 0. */
export const STORED_DATE_RANGES: Readonly<Record<StoredDateComponent, readonly [number, number]>> = {
  year: [0, 9999],
  month: [0, 12],
  day: [0, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
};

export const STORED_DATE_COMPONENTS: readonly StoredDateComponent[] = [
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
];

const STORED_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const NO_DATE_TEXT = "0000-00-00T00:00:00";

export const NO_DATE: Readonly<StoredDateParts> = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };

/** Why a component is out of range, or undefined when every component fits. */
export function storedDatePartsProblem(parts: StoredDateParts): string | undefined {
  for (const component of STORED_DATE_COMPONENTS) {
    const [min, max] = STORED_DATE_RANGES[component];
    const value = parts[component];
    if (!Number.isInteger(value) || value < min || value > max) {
      return `has ${component} ${value}, outside ${min}-${max}`;
    }
  }
  return undefined;
}

/** Why a JSON date string is not acceptable, or undefined when it is. */
export function storedDateTextProblem(text: string): string | undefined {
  if (text === NO_DATE_TEXT) return "is all zeros; use null for no date";
  const parts = matchStoredDate(text);
  if (!parts) return "must look like YYYY-MM-DDTHH:MM:SS";
  return storedDatePartsProblem(parts);
}

/** The stored components of a JSON date; null (no date) is all zeros. Assumes the text passed validation. */
export function storedDateParts(value: string | null): StoredDateParts {
  if (value === null) return { ...NO_DATE };
  const parts = matchStoredDate(value);
  if (!parts) throw new TypeError(`not a stored date: ${value}`);
  return parts;
}

/** The JSON form of stored components: null when all are zero (the format's "no date"). */
export function storedDateText(parts: StoredDateParts): string | null {
  if (STORED_DATE_COMPONENTS.every((component) => parts[component] === 0)) return null;
  const { year, month, day, hour, minute, second } = parts;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
}

function matchStoredDate(text: string): StoredDateParts | undefined {
  const match = STORED_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const group = (index: number) => Number(match[index]);
  return { year: group(1), month: group(2), day: group(3), hour: group(4), minute: group(5), second: group(6) };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
