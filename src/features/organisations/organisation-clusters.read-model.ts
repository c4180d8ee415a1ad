import { and, asc, count, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { clusters } from '../clusters/clusters.table';
import { memberships } from '../memberships/memberships.table';

// The clusters an organisation is or was a partner in, read from the memberships and clusters
// tables: organisations come before both features, and an organisation's page, the
// classification rule and the register import each need this one fact about partnerships.

/** The clusters a reader is shown: none of the forming networks but those in `formingSeen`. */
function shownClusters(formingSeen: 'all' | string[]): SQL | undefined {
  if (formingSeen === 'all') return undefined;
  return or(
    ne(clusters.status, 'forming'),
    formingSeen.length > 0 ? inArray(clusters.id, formingSeen) : undefined,
  );
}

/**
 * Every partnership of the organisation, past and present, by cluster name in Norwegian order,
 * in the clusters the reader is shown (`formingSeen`: the forming networks they may see).
 */
export function listPartnershipsOfOrganisation(
  db: Db,
  organisationId: string,
  formingSeen: 'all' | string[],
) {
  return db
    .select({
      slug: clusters.slug,
      name: clusters.name,
      role: memberships.role,
      joinedOn: memberships.joinedOn,
      leftOn: memberships.leftOn,
    })
    .from(memberships)
    .innerJoin(clusters, eq(clusters.id, memberships.clusterId))
    .where(and(eq(memberships.organisationId, organisationId), shownClusters(formingSeen)))
    .orderBy(sql`${clusters.nameSortKey} collate "C"`, asc(memberships.joinedOn));
}

/** Whether the organisation is or was a partner in any of these clusters. */
export async function isPartnerInAnyCluster(db: Db, organisationId: string, clusterIds: string[]) {
  if (clusterIds.length === 0) return false;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.clusterId, clusterIds)));
  return (row?.n ?? 0) > 0;
}

/** The organisations among these that have ever been a partner of any cluster. */
export async function listOrganisationIdsWithPartnerships(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(inArray(memberships.organisationId, organisationIds));
  return rows.map((row) => row.organisationId);
}
