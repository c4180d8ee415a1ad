/**
 * Whether committed amounts fit the frames: pure arithmetic, shared by the frame check a decision
 * runs and by the cut scenarios.
 */

/** A year's frame and its split per level (a level without a part is held only to the whole frame). */
export type YearFrame = { year: number; frameNok: number; levelParts: ReadonlyMap<string, number> };

/** An amount in one year at one level. */
export type YearLevelAmount = { year: number; levelId: string; amountNok: number };

/**
 * One limit passed: the whole frame of a year (`levelId` null) or one level's part of it.
 * `committedNok` is what was committed before, `addingNok` what comes on top.
 */
export type Overrun = {
  year: number;
  levelId: string | null;
  frameNok: number;
  committedNok: number;
  addingNok: number;
  overNok: number;
};

function add(map: Map<string, number>, key: string, amount: number) {
  map.set(key, (map.get(key) ?? 0) + amount);
}

const key = (year: number, levelId: string | null) => `${year}:${levelId ?? ''}`;

/**
 * Every limit the committed amounts plus the additions pass, in the years given. A year without a
 * frame has no limit, so it never goes over. Within a year the whole frame comes first, then the
 * levels' parts in the order of the split.
 */
export function overrunsOf(
  years: readonly number[],
  frames: readonly YearFrame[],
  committed: readonly YearLevelAmount[],
  adding: readonly YearLevelAmount[],
): Overrun[] {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const row of committed) {
    add(before, key(row.year, null), row.amountNok);
    add(before, key(row.year, row.levelId), row.amountNok);
  }
  for (const row of adding) {
    add(after, key(row.year, null), row.amountNok);
    add(after, key(row.year, row.levelId), row.amountNok);
  }
  const frameOf = new Map(frames.map((frame) => [frame.year, frame]));
  const result: Overrun[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const frame = frameOf.get(year);
    if (!frame) continue;
    const limits: [string | null, number][] = [[null, frame.frameNok], ...frame.levelParts];
    for (const [levelId, limitNok] of limits) {
      const committedNok = before.get(key(year, levelId)) ?? 0;
      const addingNok = after.get(key(year, levelId)) ?? 0;
      const overNok = committedNok + addingNok - limitNok;
      if (overNok > 0) result.push({ year, levelId, frameNok: limitNok, committedNok, addingNok, overNok });
    }
  }
  return result;
}

/**
 * One overrun per year for those who ask only "which years, by how much": the limit passed by most
 * (the whole frame when it ties with a level's part).
 */
export function worstPerYear(overruns: readonly Overrun[]): Overrun[] {
  const worst = new Map<number, Overrun>();
  for (const overrun of overruns) {
    const current = worst.get(overrun.year);
    if (!current || overrun.overNok > current.overNok) worst.set(overrun.year, overrun);
  }
  return [...worst.values()].sort((a, b) => a.year - b.year);
}

/** Kroner of the index's base year (the year whose index is 100); null when the year has no index. */
export function deflate(nominalNok: number, index: number | undefined): number | null {
  if (index === undefined || index <= 0) return null;
  return Math.round((nominalNok * 100) / index);
}
