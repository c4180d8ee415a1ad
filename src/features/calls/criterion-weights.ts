import type { LevelCode } from '../programme/levels';

type Weighted = { weight: number; level: LevelCode | null };

/** Whether a criterion is scored for applications at this level. */
export function criterionAppliesTo(criterion: { level: LevelCode | null }, level: LevelCode): boolean {
  return criterion.level === null || criterion.level === level;
}

/**
 * Each criterion's share of the weight at each level of the call it applies to: its weight over
 * the weights of every criterion that applies to that level. Weights need not add up to anything;
 * this is where they are normalised. The answer lists, per criterion in order, its levels in the
 * call's order.
 */
export function criterionShares(
  criteria: readonly Weighted[],
  levels: readonly LevelCode[],
): { level: LevelCode; share: number }[][] {
  const totals = new Map(
    levels.map((level) => [
      level,
      criteria.filter((c) => criterionAppliesTo(c, level)).reduce((sum, c) => sum + c.weight, 0),
    ]),
  );
  return criteria.map((criterion) =>
    levels
      .filter((level) => criterionAppliesTo(criterion, level))
      .map((level) => ({ level, share: criterion.weight / totals.get(level)! })),
  );
}
