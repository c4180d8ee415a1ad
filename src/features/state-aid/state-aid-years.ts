import { addDays, toDayNumber } from '../../shared/dates';

/** A period of operating aid, first and last day inclusive (YYYY-MM-DD). */
export type AidPeriod = { from: string; to: string };

/**
 * The length of a year in days, averaged over the leap cycle: a period from 1 January to 31
 * December is one year whether or not it holds a 29 February, and ten such years are ten years.
 */
export const DAYS_PER_YEAR = 365.25;

/** Years to one decimal, as the clock shows and compares them. */
export function yearsOfDays(days: number): number {
  return Math.round((days / DAYS_PER_YEAR) * 10) / 10;
}

/** The days a period covers, both ends included; an empty or reversed period covers none. */
export function daysIn(period: AidPeriod): number {
  return Math.max(0, toDayNumber(period.to) - toDayNumber(period.from) + 1);
}

/** The years one period covers, to one decimal. */
export function yearsIn(period: AidPeriod): number {
  return yearsOfDays(daysIn(period));
}

/**
 * The days covered by any of the periods, a day covered by several counted once: aid for two
 * engagements that overlap (a higher level starting before the lower one formally ends) is still
 * aid for one period of time.
 */
export function coveredDays(periods: readonly AidPeriod[]): number {
  const sorted = periods
    .map((period) => ({ from: toDayNumber(period.from), to: toDayNumber(period.to) }))
    .filter((period) => period.to >= period.from)
    .sort((a, b) => a.from - b.from);
  let days = 0;
  let current: { from: number; to: number } | undefined;
  for (const period of sorted) {
    if (current && period.from <= current.to + 1) {
      current.to = Math.max(current.to, period.to);
      continue;
    }
    if (current) days += current.to - current.from + 1;
    current = { ...period };
  }
  if (current) days += current.to - current.from + 1;
  return days;
}

/** The years covered by any of the periods, overlaps counted once, to one decimal. */
export function coveredYears(periods: readonly AidPeriod[]): number {
  return yearsOfDays(coveredDays(periods));
}

/**
 * The period a proposed grant of whole years covers: from its first day to the day before the
 * same date `years` later (2025-01-01 for three years runs to 2027-12-31). A start on 29 February
 * ends on 28 February of a common year.
 */
export function proposalPeriod(startsOn: string, years: number): AidPeriod {
  const [year, month, day] = startsOn.split('-').map(Number) as [number, number, number];
  const endYear = year + years;
  const leap = endYear % 4 === 0 && (endYear % 100 !== 0 || endYear % 400 === 0);
  const sameDay =
    month === 2 && day === 29 && !leap
      ? `${String(endYear).padStart(4, '0')}-03-01`
      : `${String(endYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { from: startsOn, to: addDays(sameDay, -1) };
}

/** What the clock is computed from: the cap, the engagements' periods, and a proposal's. */
export type ClockInput = {
  capYears: number;
  engagements: readonly (AidPeriod & { operatingAid: boolean })[];
  proposal?: AidPeriod & { operatingAid: boolean };
};

/**
 * Years used, and years with the proposal, of operating aid only; over the cap when the years with
 * the proposal, to one decimal, pass it.
 */
export function computeClock(input: ClockInput): {
  capYears: number;
  usedYears: number;
  withProposalYears: number;
  overCap: boolean;
} {
  const used = input.engagements.filter((period) => period.operatingAid);
  const proposed = input.proposal?.operatingAid ? [input.proposal] : [];
  const withProposalYears = coveredYears([...used, ...proposed]);
  return {
    capYears: input.capYears,
    usedYears: coveredYears(used),
    withProposalYears,
    overCap: withProposalYears > input.capYears,
  };
}
