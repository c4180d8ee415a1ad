import { describe, expect, it } from 'vitest';
import { criterionShares } from './criterion-weights';

describe("criteria's shares of the weight", () => {
  it('normalise weights that do not add up to 100', () => {
    const shares = criterionShares(
      [
        { weight: 3, level: null },
        { weight: 1, level: null },
      ],
      ['arena'],
    );
    expect(shares).toEqual([[{ level: 'arena', share: 0.75 }], [{ level: 'arena', share: 0.25 }]]);
  });

  it('count a criterion for one level only in that level’s total', () => {
    const shares = criterionShares(
      [
        { weight: 30, level: null },
        { weight: 30, level: null },
        { weight: 20, level: 'arena_pro' },
      ],
      ['arena_pro', 'arena'],
    );
    expect(shares).toEqual([
      [
        { level: 'arena_pro', share: 30 / 80 },
        { level: 'arena', share: 0.5 },
      ],
      [
        { level: 'arena_pro', share: 30 / 80 },
        { level: 'arena', share: 0.5 },
      ],
      [{ level: 'arena_pro', share: 20 / 80 }],
    ]);
  });

  it('give a criterion for a level the call lacks no share at all', () => {
    expect(criterionShares([{ weight: 5, level: 'global' }], ['arena'])).toEqual([[]]);
  });
});
