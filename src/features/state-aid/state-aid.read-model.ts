import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { clusters, engagementEnd, engagements } from '../clusters/clusters.table';
import { levels, programmes } from '../programme/programme.table';

// The state-aid clock is computed, never stored: from a cluster's engagements (clusters), the
// levels that count as operating aid and the programme's cap (programme). State aid comes after
// both, so it reads their tables here rather than through a service for each.

const clusterColumns = {
  id: clusters.id,
  slug: clusters.slug,
  name: clusters.name,
  status: clusters.status,
  programmeId: clusters.programmeId,
  capYears: programmes.operatingAidCapYears,
};

/** A cluster with its programme's cap on operating aid, by id. */
export async function findClusterWithCap(db: Db, clusterId: string) {
  const [row] = await db
    .select(clusterColumns)
    .from(clusters)
    .innerJoin(programmes, eq(programmes.id, clusters.programmeId))
    .where(eq(clusters.id, clusterId));
  return row;
}

/** A cluster with its programme's cap on operating aid, by slug. */
export async function findClusterWithCapBySlug(db: Db, slug: string) {
  const [row] = await db
    .select(clusterColumns)
    .from(clusters)
    .innerJoin(programmes, eq(programmes.id, clusters.programmeId))
    .where(eq(clusters.slug, slug));
  return row;
}

/** Every engagement of a cluster with its level and the day it ends, all changes considered. */
export function listEngagementsWithLevels(db: Db, clusterId: string) {
  return db
    .select({
      id: engagements.id,
      levelId: levels.id,
      levelCode: levels.code,
      levelNameNb: levels.nameNb,
      levelNameEn: levels.nameEn,
      operatingAid: levels.operatingAid,
      startsOn: engagements.startsOn,
      endsOn: engagementEnd,
    })
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(eq(engagements.clusterId, clusterId))
    .orderBy(asc(engagements.startsOn), asc(engagements.id));
}

/** A level, with its programme and whether it is operating aid. */
export async function findLevelAid(db: Db, levelId: string) {
  const [row] = await db
    .select({ id: levels.id, programmeId: levels.programmeId, operatingAid: levels.operatingAid })
    .from(levels)
    .where(eq(levels.id, levelId));
  return row;
}
