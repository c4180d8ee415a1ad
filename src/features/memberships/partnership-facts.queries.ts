import { and, count, countDistinct, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { clusters } from '../clusters/clusters.table';
import { membershipActiveOn, memberships } from './memberships.table';

// Facts about partnerships that features before memberships need: the programme counts them, an
// organisation's classification and the register import ask whether organisations are or were
// partners. Forming networks are not in the programme, so the programme's count leaves them out
// (their status is on the clusters' table, which comes before this one).

/** Partnerships today outside forming networks, and the organisations in them. */
export async function countActiveMemberships(db: Db, today: string) {
  const formingNetworks = db.select({ id: clusters.id }).from(clusters).where(eq(clusters.status, 'forming'));
  const [row] = await db
    .select({ memberships: count(), organisations: countDistinct(memberships.organisationId) })
    .from(memberships)
    .where(and(membershipActiveOn(today), notInArray(memberships.clusterId, formingNetworks)));
  return row ?? { memberships: 0, organisations: 0 };
}

/** Whether the organisation is or was a partner in any of these clusters. */
export async function hasMembershipInClusters(db: Db, organisationId: string, clusterIds: string[]) {
  if (clusterIds.length === 0) return false;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.clusterId, clusterIds)));
  return (row?.n ?? 0) > 0;
}

/** The organisations among these that have ever been a partner of any cluster. */
export async function listOrganisationIdsWithMemberships(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(inArray(memberships.organisationId, organisationIds));
  return rows.map((row) => row.organisationId);
}
