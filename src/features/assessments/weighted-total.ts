// Isomorphic: the service computes totals with it and the scoring form shows the same total live.

/** A criterion as the total weighs it. */
export type WeighedCriterion = { id: string; weight: number; scaleMin: number; scaleMax: number };

/** A score on a criterion: a number on its scale, not applicable, or neither yet (null, false). */
export type CriterionScore = { criterionId: string; score: number | null; notApplicable: boolean };

/**
 * The weighted total as a percentage: Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ over the criteria
 * scored, so criteria on different scales weigh as their weights say. Not applicable and unscored
 * criteria are left out of both sums, never counted as zero. Null when nothing is scored.
 */
export function weightedTotal(
  criteria: readonly WeighedCriterion[],
  scores: readonly CriterionScore[],
): number | null {
  const byId = new Map(scores.map((entry) => [entry.criterionId, entry]));
  let weighed = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const entry = byId.get(criterion.id);
    if (!entry || entry.notApplicable || entry.score === null) continue;
    const span = criterion.scaleMax - criterion.scaleMin;
    weighed += (criterion.weight * (entry.score - criterion.scaleMin)) / span;
    weights += criterion.weight;
  }
  return weights === 0 ? null : roundTo((weighed / weights) * 100, 2);
}

/** Rounds half away from zero to this many decimals, so the same total reads the same everywhere. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.sign(value) * (Math.round(Math.abs(value) * factor + Number.EPSILON) / factor);
}

/** The mean of the numbers, or null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundTo(values.reduce((sum, value) => sum + value, 0) / values.length, 2);
}

/** The spread of the numbers: the highest less the lowest, or null for none. */
export function spread(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.max(...values) - Math.min(...values);
}

/**
 * Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 1, 3).
 * An item without a total has no rank.
 */
export function rankByTotal<T extends { total: number | null }>(items: readonly T[]): Map<T, number> {
  const ranked = items.filter((item) => item.total !== null).sort((a, b) => b.total! - a.total!);
  const ranks = new Map<T, number>();
  ranked.forEach((item, index) => {
    const previous = ranked[index - 1];
    ranks.set(item, previous && previous.total === item.total ? ranks.get(previous)! : index + 1);
  });
  return ranks;
}
