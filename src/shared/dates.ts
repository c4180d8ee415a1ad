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

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  // A month or day out of range ("2026-13-01") parses to NaN, which has no ISO form to compare.
  const day = toDayNumber(text);
  return Number.isFinite(day) && fromDayNumber(day) === text;
}
