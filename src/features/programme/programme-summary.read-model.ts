import { and, count, countDistinct, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { clusterBrands, clusters, engagementActiveOn, engagements } from '../clusters/clusters.table';
import { membershipActiveOn, memberships } from '../memberships/memberships.table';
import { brands, levels } from './programme.table';

// The programme page's counts: how many clusters are at each level and hold each brand today, and
// how many partnerships there are. Counted in the database, across the clusters' and memberships'
// tables, because the programme comes before both features and a count needs no rows.

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

/** Partnerships today, and the organisations in them. */
export async function countActiveMemberships(db: Db, today: string) {
  const [row] = await db
    .select({ memberships: count(), organisations: countDistinct(memberships.organisationId) })
    .from(memberships)
    .where(and(membershipActiveOn(today), notInArray(memberships.clusterId, formingNetworkIds(db))));
  return row ?? { memberships: 0, organisations: 0 };
}
