// The pages take and show times as Norwegian wall time; the API speaks instants with offsets.
// Converting needs the rules of Europe/Oslo for the day in question (summer time or not), which
// the browser's and Node's Intl know; the reader's own time zone plays no part.

const WALL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallOf(ms: number): Wall {
  const parts = WALL.formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const asUtc = (wall: Wall) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** How many minutes Norway is ahead of UTC at this instant: 60 in winter, 120 in summer. */
function offsetMinutesAt(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc(wallOf(whole)) - whole) / MINUTE_MS);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Norwegian wall time of an instant as a datetime-local field holds it: `YYYY-MM-DDTHH:mm`. */
export function osloWallTime(instant: string | Date): string {
  const wall = wallOf(new Date(instant).getTime());
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a Norwegian wall time (`YYYY-MM-DDTHH:mm`, as a datetime-local field gives it) names,
 * written with its offset: `2026-09-01T12:00` is `2026-09-01T12:00:00+02:00`. In the hour that
 * repeats when clocks go back, the first is meant; a time in the hour skipped when they go forward
 * is read an hour later — Temporal's "compatible" choice. Undefined for text that is no wall time.
 */
export function osloInstant(wallTime: string): string | undefined {
  const found = WALL_TIME.exec(wallTime);
  if (!found) return undefined;
  const [year, month, day, hour, minute, second] = found.slice(1).map((digits) => Number(digits ?? 0));
  const local = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (Number.isNaN(local) || new Date(local).getUTCDate() !== day) return undefined;
  const before = offsetMinutesAt(local - DAY_MS);
  const after = offsetMinutesAt(local + DAY_MS);
  const fits = [before, after]
    .map((offset) => local - offset * MINUTE_MS)
    .filter((ms) => asUtc(wallOf(ms)) === local)
    .sort((a, b) => a - b);
  // No instant shows this wall time: it falls in the skipped hour, so keep the offset before it.
  const chosen = fits[0] ?? local - before * MINUTE_MS;
  const offset = offsetMinutesAt(chosen);
  const wall = wallOf(chosen);
  const sign = offset < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(offset) / 60));
  const minutes = pad(Math.abs(offset) % 60);
  return `${osloWallTime(new Date(chosen))}:${pad(wall.second)}${sign}${hours}:${minutes}`;
}
