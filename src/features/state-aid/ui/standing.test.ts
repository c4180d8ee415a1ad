import { describe, expect, it } from 'vitest';
import { standingOf, yearsLeft } from './standing';

describe('the standing of a clock', () => {
  it('is clear more than two years before the cap', () => {
    expect(standingOf({ usedYears: 7.9, capYears: 10 })).toBe('clear');
    expect(standingOf({ usedYears: 0, capYears: 10 })).toBe('clear');
  });

  it('is near two years or less before the cap, and at the cap', () => {
    expect(standingOf({ usedYears: 8, capYears: 10 })).toBe('near');
    expect(standingOf({ usedYears: 9.7, capYears: 10 })).toBe('near');
    expect(standingOf({ usedYears: 10, capYears: 10 })).toBe('near');
  });

  it('is over past the cap', () => {
    expect(standingOf({ usedYears: 10.1, capYears: 10 })).toBe('over');
  });

  it('leaves whole tenths of years, and none past the cap', () => {
    expect(yearsLeft({ usedYears: 6.8, capYears: 10 })).toBe(3.2);
    expect(yearsLeft({ usedYears: 11.5, capYears: 10 })).toBe(0);
  });
});
