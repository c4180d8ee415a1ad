/** Time is passed in, so tests can fix "today". */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

// Made once: building a formatter costs far more than using one, and this runs on every request.
const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });

/** Today's date in Norway (Europe/Oslo) as YYYY-MM-DD: the day rules about levels are judged on. */
export function osloDate(at: Date): string {
  return OSLO_DAY.format(at);
}
