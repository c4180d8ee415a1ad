/**
 * The kinds of level a programme can configure. A programme names them, sets their durations and
 * the years they were open; the codes and their ordering are fixed because rules depend on them.
 */
export const LEVEL_CODES = [
  'pre_project',
  'hub_node',
  'arena',
  'arena_pro',
  'nce',
  'mature_project',
  'global',
] as const;

export type LevelCode = (typeof LEVEL_CODES)[number];

/**
 * Rank orders levels by maturity. NCE was the funded level between Arena and Global until 2018
 * and stands where Arena Pro stands now; the sub-programme for mature clusters follows those.
 */
const RANK: Record<LevelCode, number> = {
  pre_project: 0,
  hub_node: 1,
  arena: 2,
  arena_pro: 3,
  nce: 3,
  mature_project: 3,
  global: 4,
};

export function levelRank(code: LevelCode): number {
  return RANK[code];
}

export function isLevelCode(value: string): value is LevelCode {
  return (LEVEL_CODES as readonly string[]).includes(value);
}

/** A hub must be at Arena Pro or higher on the day a node is linked to it. */
export function canBeHub(level: LevelCode | undefined): boolean {
  return level !== undefined && level !== 'hub_node' && levelRank(level) >= RANK.arena_pro;
}

/** Was the level open for new engagements in this year? */
export function levelOpenIn(
  level: { openFromYear: number; openToYear: number | null },
  year: number,
): boolean {
  return year >= level.openFromYear && (level.openToYear === null || year <= level.openToYear);
}
