import { and, count, countDistinct, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
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

/** The clusters a reader is shown: none of the forming networks but those in `formingSeen`. */
function shownCluster(formingSeen: 'all' | string[]): SQL {
  if (formingSeen === 'all') return sql`true`;
  if (formingSeen.length === 0) return sql`c.status <> 'forming'`;
  return sql`(c.status <> 'forming' or c.id in ${formingSeen})`;
}

/**
 * Every partnership, past and present, of the organisation `organisationId` names in the
 * statement it goes into, as JSON: by cluster name in Norwegian order, then joining day. For the
 * organisations feature's page, which reads it in its own statement.
 */
export function partnershipsOf(organisationId: SQL, formingSeen: 'all' | string[]) {
  return sql<
    {
      slug: string;
      name: string;
      status: 'forming' | 'active' | 'ended';
      role: 'core_partner' | 'partner' | 'associate';
      joinedOn: string;
      leftOn: string | null;
    }[]
  >`coalesce((
    select json_agg(json_build_object(
        'slug', c.slug, 'name', c.name, 'status', c.status, 'role', m.role,
        'joinedOn', m.joined_on, 'leftOn', m.left_on)
      order by c.name_sort_key collate "C", m.joined_on, c.slug)
    from ${memberships} m join ${clusters} c on c.id = m.cluster_id
    where m.organisation_id = ${organisationId} and ${shownCluster(formingSeen)}), '[]'::json)`;
}
