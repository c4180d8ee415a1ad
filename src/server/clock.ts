/** Time is passed in, so tests can fix "today". */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/** Today's date in Norway (Europe/Oslo) as YYYY-MM-DD: the day rules about levels are judged on. */
export function osloDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(at);
}
