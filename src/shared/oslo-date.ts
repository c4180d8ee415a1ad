// Made once: building a formatter costs far more than using one, and this runs on every request.
const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });

/** The date in Norway (Europe/Oslo) as YYYY-MM-DD: the day rules about levels are judged on. */
export function osloDate(at: Date): string {
  return OSLO_DAY.format(at);
}
