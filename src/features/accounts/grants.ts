import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { AppError, type FieldError } from '../../server/http/app-error';
import {
  type Actor,
  clustersWithPermission,
  hasProgrammePermission,
  type RoleGrant,
} from '../../shared/access';
import { clusters } from '../clusters/clusters.table';
import { membershipActiveOn, memberships } from '../memberships/memberships.table';
import { organisations } from '../organisations/organisations.table';
import type { GrantView, InvitedGrant } from './invitations.contract';

const CLUSTER_ROLES = new Set(['cluster_manager', 'cluster_staff']);

/**
 * Turns roles as people name them (a cluster's slug, an organisation's number) into grants,
 * with a field error for each one that names nothing or names the wrong kind of scope.
 */
export async function resolveGrants(db: Db, grants: InvitedGrant[], field: string): Promise<RoleGrant[]> {
  const slugs = grants.flatMap((g) => (g.cluster ? [g.cluster] : []));
  const orgnrs = grants.flatMap((g) => (g.organisation ? [g.organisation] : []));
  const [clusterRows, organisationRows] = await Promise.all([
    slugs.length
      ? db
          .select({ id: clusters.id, slug: clusters.slug })
          .from(clusters)
          .where(inArray(clusters.slug, slugs))
      : [],
    orgnrs.length
      ? db
          .select({ id: organisations.id, orgnr: organisations.orgnr })
          .from(organisations)
          .where(inArray(organisations.orgnr, orgnrs))
      : [],
  ]);
  const clusterIds = new Map(clusterRows.map((r) => [r.slug, r.id]));
  const organisationIds = new Map(organisationRows.map((r) => [r.orgnr, r.id]));
  const errors: FieldError[] = [];
  const resolved = grants.map((grant, index): RoleGrant => {
    const at = (key: string, message: string) => errors.push({ path: ['body', field, index, key], message });
    const clusterId = grant.cluster ? clusterIds.get(grant.cluster) : undefined;
    const organisationId = grant.organisation ? organisationIds.get(grant.organisation) : undefined;
    if (CLUSTER_ROLES.has(grant.role)) {
      if (!grant.cluster) at('cluster', `is required for the role ${grant.role}`);
      else if (!clusterId) at('cluster', `no cluster has the slug ${grant.cluster}`);
      if (grant.organisation) at('organisation', `must be left out for the role ${grant.role}`);
    } else if (grant.role === 'partner_contact') {
      if (!grant.organisation) at('organisation', 'is required for the role partner_contact');
      else if (!organisationId)
        at('organisation', `no organisation with number ${grant.organisation} is known`);
      if (grant.cluster) at('cluster', 'must be left out for the role partner_contact');
    } else {
      if (grant.cluster) at('cluster', `must be left out for the programme role ${grant.role}`);
      if (grant.organisation) at('organisation', `must be left out for the programme role ${grant.role}`);
    }
    return { role: grant.role, clusterId: clusterId ?? null, organisationId: organisationId ?? null };
  });
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'Some of the roles name nothing Klynge knows.', {
      fieldErrors: errors,
    });
  }
  return resolved;
}

/**
 * Who may give which role. An operator gives any role. A cluster manager gives cluster staff on
 * their own cluster, and partner contact for an organisation that is a partner of their cluster.
 */
export async function assertMayGrant(
  db: Db,
  actor: Actor,
  grants: RoleGrant[],
  today: string,
): Promise<void> {
  if (hasProgrammePermission(actor, 'accounts.invite')) return;
  const own = clustersWithPermission(actor, 'accounts.invite');
  const ownClusters = own === 'all' ? [] : own;
  for (const grant of grants) {
    const allowed =
      grant.role === 'cluster_staff'
        ? ownClusters.includes(grant.clusterId!)
        : grant.role === 'partner_contact'
          ? await isPartnerOfAny(db, grant.organisationId!, ownClusters, today)
          : false;
    if (!allowed) {
      throw new AppError('forbidden', `Your roles do not allow giving the role ${grant.role} there.`);
    }
  }
}

async function isPartnerOfAny(
  db: Db,
  organisationId: string,
  clusterIds: string[],
  today: string,
): Promise<boolean> {
  if (clusterIds.length === 0) return false;
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.clusterId, clusterIds),
        membershipActiveOn(today),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Grants with the names of their cluster or organisation, for people to read. */
export async function describeGrants(db: Db, grants: RoleGrant[]): Promise<GrantView[]> {
  const clusterIds = [...new Set(grants.flatMap((g) => (g.clusterId ? [g.clusterId] : [])))];
  const organisationIds = [...new Set(grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
  const [clusterRows, organisationRows] = await Promise.all([
    clusterIds.length
      ? db
          .select({ id: clusters.id, slug: clusters.slug, name: clusters.name })
          .from(clusters)
          .where(inArray(clusters.id, clusterIds))
      : [],
    organisationIds.length
      ? db
          .select({ id: organisations.id, orgnr: organisations.orgnr, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, organisationIds))
      : [],
  ]);
  const clusterById = new Map(clusterRows.map((r) => [r.id, r]));
  const organisationById = new Map(organisationRows.map((r) => [r.id, r]));
  return grants.map((g) => ({
    role: g.role,
    cluster: (g.clusterId && clusterById.get(g.clusterId)) || null,
    organisation: (g.organisationId && organisationById.get(g.organisationId)) || null,
  }));
}
