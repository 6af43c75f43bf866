/**
 * Dates as the sources write them: often partial ("1937", "09.1937"), sometimes
 * ISO. Pure: the importer's row validation and the records service both use it.
 * The normalised form (YYYY, YYYY-MM or YYYY-MM-DD) sorts correctly as text and
 * never claims more precision than the source gave.
 */
export type PartialDateResult = { ok: true; normalised: string } | { ok: false; message: string };

const DOTTED = /^(?:(\d{1,2})\.)?(?:(\d{1,2})\.)?(\d{4})$/; // 17.05.1938, 05.1938, 1938
const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/; // 1938-05-17, 1938-05, 1938

export interface DateBounds {
  minYear: number;
  maxYear: number;
}

export const DEFAULT_DATE_BOUNDS: DateBounds = { minYear: 1800, maxYear: 2100 };

export function normalisePartialDate(text: string, bounds: DateBounds = DEFAULT_DATE_BOUNDS): PartialDateResult {
  const value = text.trim();
  const parts = splitDate(value);
  if (!parts) {
    return { ok: false, message: `"${truncate(value)}" is not a date (expected 1937, 09.1937, 17.05.1938 or 1938-05-17)` };
  }
  const { year, month, day } = parts;
  if (year < bounds.minYear || year > bounds.maxYear) {
    return { ok: false, message: `year ${year} is outside ${bounds.minYear}–${bounds.maxYear}` };
  }
  if (month !== undefined && (month < 1 || month > 12)) {
    return { ok: false, message: `month ${month} does not exist in "${value}"` };
  }
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return { ok: false, message: `day ${day} does not exist in ${pad(month)}.${year}` };
  }
  const normalised = [String(year), month && pad(month), day && pad(day)].filter(Boolean).join('-');
  return { ok: true, normalised };
}

function splitDate(value: string): { year: number; month?: number; day?: number } | undefined {
  const iso = ISO.exec(value);
  if (iso) return toParts(iso[1], iso[2], iso[3]);
  const dotted = DOTTED.exec(value);
  if (!dotted) return undefined;
  // "05.1938" matches the first group only: one leading number is a month.
  const [first, second, year] = [dotted[1], dotted[2], dotted[3]];
  return second === undefined ? toParts(year, first, undefined) : toParts(year, second, first);
}

function toParts(year?: string, month?: string, day?: string) {
  return {
    year: Number(year),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(day === undefined ? {} : { day: Number(day) }),
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');
const truncate = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
