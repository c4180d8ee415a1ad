import { and, count, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { membershipActiveOn, memberships } from '../memberships/memberships.table';
import { organisations } from '../organisations/organisations.table';

// A cluster's partners as its profile and the registry count them, read from the memberships and
// organisations tables: memberships come after clusters, and a count of thousands of partners
// should leave the database as a few numbers, not as the partners.

/** Partners today of each of these clusters; a cluster without any is absent. */
export function countActivePartnersByCluster(db: Db, clusterIds: string[], today: string) {
  return db
    .select({ clusterId: memberships.clusterId, members: count() })
    .from(memberships)
    .where(and(inArray(memberships.clusterId, clusterIds), membershipActiveOn(today)))
    .groupBy(memberships.clusterId);
}

/** Organisations that were partners of the cluster and have left it (some may have rejoined). */
export async function countFormerPartners(db: Db, clusterId: string, today: string) {
  const [row] = await db
    .select({ former: sql<number>`count(distinct ${memberships.organisationId})::int` })
    .from(memberships)
    .where(and(eq(memberships.clusterId, clusterId), lte(memberships.leftOn, today)));
  return row?.former ?? 0;
}

export type PartnerDimension = 'role' | 'actorType' | 'county' | 'size' | 'division';

/** Headcount below which each size class ends, smallest first; anything above is 'large'. */
export type SizeLimits = readonly { size: string; below: number }[];

/** The partner organisation's size class, by the limits the organisations feature sets. */
function sizeOfPartner(limits: SizeLimits) {
  return sql`case when ${organisations.employees} is null then 'unknown' ${sql.join(
    limits.map(
      (limit) =>
        sql`when ${organisations.employees} < ${sql.raw(String(limit.below))} then '${sql.raw(limit.size)}'`,
    ),
    sql` `,
  )} else 'large' end`;
}

/**
 * An organisation entered by hand that the register has not confirmed has no actor type anyone
 * stated, unless the person who added it set one: it counts as unknown, not as the placeholder.
 */
const actorTypeOfPartner = sql`case when ${organisations.source} = 'unverified' and ${organisations.actorTypeOverride} is null then 'unknown' else ${organisations.actorType} end`;

/**
 * How many of the cluster's partners today fall under each key of each dimension, counted in the
 * database: a large cluster has thousands of partners, and only a few dozen counts leave it.
 * Every partner appears once per dimension (the lateral VALUES), so each dimension sums to the total.
 */
export function countActivePartnersByDimension(db: Db, clusterId: string, today: string, sizes: SizeLimits) {
  return db
    .select({
      dimension: sql<PartnerDimension>`d.dimension`,
      key: sql<string | null>`d.key`,
      count: sql<number>`count(*)::int`,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(
      sql`lateral (values
        ('role', ${memberships.role}),
        ('actorType', ${actorTypeOfPartner}),
        ('county', ${organisations.countyCode}),
        ('size', ${sizeOfPartner(sizes)}),
        ('division', left(${organisations.naceCodes}[1], 2))
      ) as d(dimension, key)`,
      sql`true`,
    )
    .where(and(eq(memberships.clusterId, clusterId), membershipActiveOn(today)))
    .groupBy(sql`d.dimension`, sql`d.key`);
}
