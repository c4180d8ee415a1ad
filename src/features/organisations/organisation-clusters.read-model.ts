import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { memberships } from '../memberships/memberships.table';

// Whether organisations are or were partners in clusters, read from the memberships table:
// organisations come before memberships, and the classification rule and the register import
// each need this one fact about partnerships. The organisation's page lists its partnerships
// through organisation-page.read-model.ts.

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
