import { describe, expect, it } from 'vitest';
import {
  computeClock,
  coveredDays,
  coveredYears,
  proposalPeriod,
  yearsIn,
  yearsOfDays,
} from './state-aid-years';

const aid = (from: string, to: string) => ({ from, to, operatingAid: true });
const project = (from: string, to: string) => ({ from, to, operatingAid: false });

describe('the years of one period', () => {
  it('counts both the first and the last day', () => {
    expect(coveredDays([{ from: '2024-01-01', to: '2024-01-01' }])).toBe(1);
  });

  it('counts a calendar year as one year whether or not it holds a 29 February', () => {
    expect(yearsIn({ from: '2023-01-01', to: '2023-12-31' })).toBe(1);
    expect(yearsIn({ from: '2024-01-01', to: '2024-12-31' })).toBe(1);
  });

  it('counts ten calendar years across leap years as exactly ten', () => {
    expect(yearsIn({ from: '2015-01-01', to: '2024-12-31' })).toBe(10);
    expect(yearsIn({ from: '2016-07-01', to: '2026-06-30' })).toBe(10);
  });

  it('rounds to one decimal: half a year is 0.5, a quarter 0.2 or 0.3', () => {
    expect(yearsIn({ from: '2025-01-01', to: '2025-06-30' })).toBe(0.5);
    expect(yearsIn({ from: '2025-01-01', to: '2025-03-31' })).toBe(0.2);
    expect(yearsOfDays(92)).toBe(0.3);
  });

  it('counts nothing for a period that ends before it starts', () => {
    expect(coveredDays([{ from: '2025-01-02', to: '2025-01-01' }])).toBe(0);
  });
});

describe('the years several periods cover', () => {
  it('adds periods that follow each other', () => {
    expect(
      coveredYears([
        { from: '2014-07-01', to: '2018-06-30' },
        { from: '2018-07-01', to: '2023-06-30' },
      ]),
    ).toBe(9);
  });

  it('counts a stretch covered by two overlapping engagements once', () => {
    // Admitted to Arena Pro on 1 July 2020 while the Arena engagement ran to 31 December 2020.
    expect(
      coveredYears([
        { from: '2017-01-01', to: '2020-12-31' },
        { from: '2020-07-01', to: '2025-06-30' },
      ]),
    ).toBe(8.5);
  });

  it('counts a period inside another once', () => {
    expect(
      coveredYears([
        { from: '2015-01-01', to: '2024-12-31' },
        { from: '2018-01-01', to: '2019-12-31' },
      ]),
    ).toBe(10);
  });

  it('does not count a gap between engagements', () => {
    expect(
      coveredYears([
        { from: '2010-01-01', to: '2012-12-31' },
        { from: '2016-01-01', to: '2017-12-31' },
      ]),
    ).toBe(5);
  });

  it('takes the periods in any order', () => {
    expect(
      coveredDays([
        { from: '2020-01-10', to: '2020-01-19' },
        { from: '2020-01-01', to: '2020-01-05' },
        { from: '2020-01-04', to: '2020-01-12' },
      ]),
    ).toBe(19);
  });

  it('joins periods that meet day to day into one', () => {
    expect(
      coveredDays([
        { from: '2020-01-01', to: '2020-01-31' },
        { from: '2020-02-01', to: '2020-02-29' },
      ]),
    ).toBe(60);
  });
});

describe('the period a proposed grant covers', () => {
  it('runs to the day before the same date the years later', () => {
    expect(proposalPeriod('2025-01-01', 3)).toEqual({ from: '2025-01-01', to: '2027-12-31' });
    expect(proposalPeriod('2025-07-01', 5)).toEqual({ from: '2025-07-01', to: '2030-06-30' });
  });

  it('ends a period started on 29 February on 28 February of a common year', () => {
    expect(proposalPeriod('2024-02-29', 1)).toEqual({ from: '2024-02-29', to: '2025-02-28' });
  });

  it('ends a period started on 29 February on 28 February of a leap year too', () => {
    expect(proposalPeriod('2024-02-29', 4)).toEqual({ from: '2024-02-29', to: '2028-02-28' });
  });
});

describe('the clock', () => {
  it('counts only the levels that are operating aid', () => {
    const clock = computeClock({
      capYears: 10,
      engagements: [aid('2012-01-01', '2021-12-31'), project('2022-01-01', '2025-12-31')],
    });
    expect(clock).toEqual({ capYears: 10, usedYears: 10, withProposalYears: 10, overCap: false });
  });

  it('counts an extension to its extended end and an early end to the day it ended', () => {
    // An Arena engagement planned to 2020 and extended to 2022, then Arena Pro ended early in 2024.
    const clock = computeClock({
      capYears: 10,
      engagements: [aid('2017-01-01', '2022-12-31'), aid('2023-01-01', '2024-06-30')],
    });
    expect(clock.usedYears).toBe(7.5);
  });

  it('adds an operating-aid proposal, with its overlap counted once', () => {
    const clock = computeClock({
      capYears: 10,
      engagements: [aid('2016-01-01', '2022-12-31')],
      proposal: aid('2022-01-01', '2026-12-31'),
    });
    expect(clock).toEqual({ capYears: 10, usedYears: 7, withProposalYears: 11, overCap: true });
  });

  it('adds nothing for a proposal at a level that is not operating aid', () => {
    const clock = computeClock({
      capYears: 10,
      engagements: [aid('2014-01-01', '2023-12-31')],
      proposal: project('2024-01-01', '2027-12-31'),
    });
    expect(clock).toEqual({ capYears: 10, usedYears: 10, withProposalYears: 10, overCap: false });
  });

  it('is not over a cap it reaches exactly, and is over a year later', () => {
    const at = computeClock({ capYears: 10, engagements: [], proposal: aid('2025-01-01', '2034-12-31') });
    expect(at.overCap).toBe(false);
    const past = computeClock({ capYears: 10, engagements: [], proposal: aid('2025-01-01', '2035-12-31') });
    expect(past).toMatchObject({ usedYears: 0, withProposalYears: 11, overCap: true });
  });

  it('judges against the programme cap, whatever it is', () => {
    expect(computeClock({ capYears: 6, engagements: [aid('2018-01-01', '2024-12-31')] }).overCap).toBe(true);
  });
});
