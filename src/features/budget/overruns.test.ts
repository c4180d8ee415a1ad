import { describe, expect, it } from 'vitest';
import { deflate, overrunsOf, worstPerYear } from './overruns';

const frame = (year: number, frameNok: number, parts: [string, number][] = []) => ({
  year,
  frameNok,
  levelParts: new Map(parts),
});

describe('overrunsOf', () => {
  it('reports a year whose commitments plus additions pass its frame, with the amounts', () => {
    expect(
      overrunsOf(
        [2025],
        [frame(2025, 100)],
        [{ year: 2025, levelId: 'arena', amountNok: 80 }],
        [{ year: 2025, levelId: 'arena', amountNok: 30 }],
      ),
    ).toEqual([{ year: 2025, levelId: null, frameNok: 100, committedNok: 80, addingNok: 30, overNok: 10 }]);
  });

  it('lets commitments fill a frame exactly', () => {
    expect(
      overrunsOf([2025], [frame(2025, 100)], [], [{ year: 2025, levelId: 'a', amountNok: 100 }]),
    ).toEqual([]);
  });

  it('never reports a year without a frame', () => {
    expect(overrunsOf([2030], [], [], [{ year: 2030, levelId: 'a', amountNok: 10 ** 9 }])).toEqual([]);
  });

  it('holds a level to its part of the frame even when the whole frame has room', () => {
    const result = overrunsOf(
      [2025],
      [frame(2025, 1000, [['arena', 100]])],
      [{ year: 2025, levelId: 'arena', amountNok: 90 }],
      [{ year: 2025, levelId: 'arena', amountNok: 20 }],
    );
    expect(result).toEqual([
      { year: 2025, levelId: 'arena', frameNok: 100, committedNok: 90, addingNok: 20, overNok: 10 },
    ]);
  });

  it('keeps, per year, the limit passed by most', () => {
    const result = overrunsOf(
      [2025, 2026],
      [frame(2025, 100, [['arena', 50]]), frame(2026, 100)],
      [{ year: 2026, levelId: 'arena', amountNok: 101 }],
      [{ year: 2025, levelId: 'arena', amountNok: 120 }],
    );
    expect(worstPerYear(result).map((o) => [o.year, o.levelId, o.overNok])).toEqual([
      [2025, 'arena', 70],
      [2026, null, 1],
    ]);
  });
});

describe('deflate', () => {
  it('turns nominal kroner into kroner of the year whose index is 100', () => {
    expect(deflate(1_000_000, 125)).toBe(800_000);
    expect(deflate(1_000_000, 100)).toBe(1_000_000);
  });

  it('has no real value for a year without an index', () => {
    expect(deflate(1_000_000, undefined)).toBeNull();
  });
});
