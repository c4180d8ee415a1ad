import { describe, expect, it } from 'vitest';
import { mean, rankByTotal, spread, weightedTotal } from './weighted-total';

const criteria = [
  { id: 'value', weight: 60, scaleMin: 1, scaleMax: 7 },
  { id: 'deliver', weight: 40, scaleMin: 0, scaleMax: 4 },
];

describe('weightedTotal', () => {
  it('weighs each score by its share of its own scale', () => {
    // 60·(4−1)/6 + 40·(4−0)/4 = 30 + 40 = 70, over 100.
    expect(
      weightedTotal(criteria, [
        { criterionId: 'value', score: 4, notApplicable: false },
        { criterionId: 'deliver', score: 4, notApplicable: false },
      ]),
    ).toBe(70);
  });

  it('leaves a criterion marked not applicable out of the total instead of counting it as zero', () => {
    const total = weightedTotal(criteria, [
      { criterionId: 'value', score: 7, notApplicable: false },
      { criterionId: 'deliver', score: null, notApplicable: true },
    ]);
    expect(total).toBe(100);
  });

  it('counts the lowest score on a scale as zero per cent, and an unscored criterion not at all', () => {
    expect(weightedTotal(criteria, [{ criterionId: 'deliver', score: 0, notApplicable: false }])).toBe(0);
    expect(weightedTotal(criteria, [{ criterionId: 'value', score: 5, notApplicable: false }])).toBe(66.67);
  });

  it('is null when nothing is scored', () => {
    expect(weightedTotal(criteria, [])).toBeNull();
    expect(weightedTotal(criteria, [{ criterionId: 'value', score: null, notApplicable: true }])).toBeNull();
  });

  it('ignores scores on criteria the level does not have', () => {
    expect(
      weightedTotal(criteria.slice(0, 1), [{ criterionId: 'deliver', score: 4, notApplicable: false }]),
    ).toBeNull();
  });
});

describe('mean, spread and rank', () => {
  it('gives the mean and the spread (highest less lowest) of scores', () => {
    expect(mean([3, 4, 6])).toBe(4.33);
    expect(spread([3, 4, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(spread([])).toBeNull();
  });

  it('ranks the highest total first, equal totals share a rank, and no total means no rank', () => {
    const a = { total: 80 };
    const b = { total: 90 };
    const c = { total: 80 };
    const d = { total: null };
    const ranks = rankByTotal([a, b, c, d]);
    expect([ranks.get(b), ranks.get(a), ranks.get(c), ranks.get(d)]).toEqual([1, 2, 2, undefined]);
  });
});
