/** How close a clock is to its cap: within two years is near enough to warn staff before deciding. */
export type Standing = 'clear' | 'near' | 'over';

/** The years between the warning and the cap. */
export const WARNING_YEARS = 2;

export function standingOf(clock: { usedYears: number; capYears: number }): Standing {
  if (clock.usedYears > clock.capYears) return 'over';
  // One decimal, as the clock counts: 8.0 of 10 is near, 7.9 is not.
  return Math.round((clock.capYears - clock.usedYears) * 10) / 10 <= WARNING_YEARS ? 'near' : 'clear';
}

/** The years left before the cap, to one decimal; none once it is passed. */
export function yearsLeft(clock: { usedYears: number; capYears: number }): number {
  return Math.max(0, Math.round((clock.capYears - clock.usedYears) * 10) / 10);
}
