import type { Db } from '../../server/db/client';
import type { LevelCode } from '../programme/levels';
import {
  countActiveClusters,
  countActiveClustersByBrand,
  countActiveClustersByLevel,
  countClustersEverHoldingBrand,
} from './programme-counts.queries';

// The clusters' part of the programme's counts (`ProgrammeCounts` in programme.service.ts). The
// programme comes before clusters, so src/server/features.ts hands these to it. Each takes the
// database or the caller's transaction: the programme's set-up asks inside its own.

/** How many clusters are at each of the programme's levels today, by level code. */
export async function clustersAtLevelsToday(
  db: Db,
  programmeId: string,
  today: string,
): Promise<Map<LevelCode, number>> {
  const rows = await countActiveClustersByLevel(db, programmeId, today);
  return new Map(rows.map((row) => [row.level, row.clusters]));
}

/** How many clusters are at any of the programme's levels today. */
export function clustersInProgrammeToday(db: Db, programmeId: string, today: string): Promise<number> {
  return countActiveClusters(db, programmeId, today);
}

/** How many clusters hold each of the programme's brands today, by brand code. */
export async function clustersWithBrandsToday(
  db: Db,
  programmeId: string,
  today: string,
): Promise<Map<string, number>> {
  const rows = await countActiveClustersByBrand(db, programmeId, today);
  return new Map(rows.map((row) => [row.code, row.clusters]));
}

/** How many clusters hold or ever held each of the programme's brands, by brand code. */
export async function clustersEverHoldingBrands(db: Db, programmeId: string): Promise<Map<string, number>> {
  const rows = await countClustersEverHoldingBrand(db, programmeId);
  return new Map(rows.map((row) => [row.code, row.clusters]));
}
