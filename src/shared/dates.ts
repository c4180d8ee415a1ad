/** Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no time zone shifts them. */
const DAY_MS = 86_400_000;

export function toDayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * A real calendar day written YYYY-MM-DD: no 2023-02-29, no month 13, and no year 0000, which the
 * proleptic Gregorian calendar has but PostgreSQL's `date` refuses (it counts 1 BC, not year 0).
 * Judged by arithmetic rather than through Date, since a register import checks several dates in
 * each of millions of records.
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DASH = 0x2d;
const ZERO = 0x30;

/** The number that text[from..to) spells in ASCII digits, or -1 when any character is not one. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** In the proleptic Gregorian calendar, as Date and PostgreSQL's date both count. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
