import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { brands, levels } from '../programme/programme.table';
import { clusterBrands, clusters, engagementActiveOn, engagements } from './clusters.table';

// The programme's counts of clusters, which the programme's page and its set-up show: how many
// clusters are at each of its levels and hold each of its brands. Counted in the database (a
// count needs no rows), reading the programme's levels and brands, which come before clusters.

/** Forming networks are not in the programme: whatever rows they have, they count nowhere here. */
function formingNetworkIds(db: Db) {
  return db.select({ id: clusters.id }).from(clusters).where(eq(clusters.status, 'forming'));
}

/** Clusters at each of the programme's levels today; a cluster counts once per level. */
export function countActiveClustersByLevel(db: Db, programmeId: string, today: string) {
  return db
    .select({ level: levels.code, clusters: sql<number>`count(distinct ${engagements.clusterId})::int` })
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(
      and(
        eq(levels.programmeId, programmeId),
        engagementActiveOn(today),
        notInArray(engagements.clusterId, formingNetworkIds(db)),
      ),
    )
    .groupBy(levels.code);
}

/** Clusters at any of the programme's levels today. */
export async function countActiveClusters(db: Db, programmeId: string, today: string) {
  const [row] = await db
    .select({ clusters: sql<number>`count(distinct ${engagements.clusterId})::int` })
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(
      and(
        eq(levels.programmeId, programmeId),
        engagementActiveOn(today),
        notInArray(engagements.clusterId, formingNetworkIds(db)),
      ),
    );
  return row?.clusters ?? 0;
}

/** Clusters holding each of the programme's brands today. */
export function countActiveClustersByBrand(db: Db, programmeId: string, today: string) {
  return db
    .select({ code: brands.code, clusters: sql<number>`count(distinct ${clusterBrands.clusterId})::int` })
    .from(clusterBrands)
    .innerJoin(brands, eq(brands.id, clusterBrands.brandId))
    .where(
      and(
        eq(brands.programmeId, programmeId),
        sql`${clusterBrands.startsOn} <= ${today}::date and (${clusterBrands.endsOn} is null or ${clusterBrands.endsOn} >= ${today}::date)`,
        notInArray(clusterBrands.clusterId, formingNetworkIds(db)),
      ),
    )
    .groupBy(brands.code);
}

/** Clusters that hold or ever held each of the programme's brands: a brand with any stays. */
export function countClustersEverHoldingBrand(db: Db, programmeId: string) {
  return db
    .select({ code: brands.code, clusters: sql<number>`count(distinct ${clusterBrands.clusterId})::int` })
    .from(clusterBrands)
    .innerJoin(brands, eq(brands.id, clusterBrands.brandId))
    .where(eq(brands.programmeId, programmeId))
    .groupBy(brands.code);
}
