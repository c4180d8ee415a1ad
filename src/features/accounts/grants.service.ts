import type { Db } from '../../server/db/client';
import { AppError, type FieldError } from '../../server/http/app-error';
import { type Actor, hasProgrammePermission, type RoleGrant } from '../../shared/access';
import { clusterIdsBySlug, clusterRefsById } from '../clusters/clusters.service';
import { findActivePartnership, isActivePartnerInAny } from '../memberships/memberships.service';
import { organisationIdsByOrgnr, organisationRefsById } from '../organisations/organisations.service';
import { type GrantToGive, invitingClusters, requireMayGrant } from './accounts.policy';
import type { GrantView, InvitedGrant } from './invitations.contract';

const CLUSTER_ROLES = new Set(['cluster_manager', 'cluster_staff']);

/**
 * Turns roles as people name them (a cluster's slug, an organisation's number) into grants,
 * with a field error for each one that names nothing or names the wrong kind of scope.
 */
export async function resolveGrants(db: Db, grants: InvitedGrant[], field: string): Promise<RoleGrant[]> {
  const [clusterIds, organisationIds] = await Promise.all([
    clusterIdsBySlug(
      { db },
      grants.flatMap((g) => (g.cluster ? [g.cluster] : [])),
    ),
    organisationIdsByOrgnr(
      { db },
      grants.flatMap((g) => (g.organisation ? [g.organisation] : [])),
    ),
  ]);
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
 * The grants with the fact the policy needs about each: whether a partner-contact role's
 * organisation is, on `today`, an active partner of a cluster the actor invites for. An operator
 * invites for no cluster in particular, so for them nothing is asked.
 */
export async function grantsToGive(
  db: Db,
  actor: Actor,
  grants: RoleGrant[],
  today: string,
): Promise<GrantToGive[]> {
  const clusters = invitingClusters(actor);
  const toGive: GrantToGive[] = [];
  for (const grant of grants) {
    const isPartner =
      grant.role === 'partner_contact' && grant.organisationId !== null
        ? await isActivePartnerInAny({ db }, grant.organisationId, clusters, today)
        : false;
    toGive.push({ ...grant, organisationIsPartnerOfActorsCluster: isPartner });
  }
  return toGive;
}

/**
 * The grants as the actor gives them: a partner-contact role given through a cluster role (not by
 * the programme's operators) hangs on the cluster's partnership with the organisation, and ends
 * with it (`membershipId`). Call after `requireMayGrantRoles`, which makes sure there is one.
 */
export async function bindToPartnerships(
  db: Db,
  actor: Actor,
  grants: RoleGrant[],
  today: string,
): Promise<RoleGrant[]> {
  if (hasProgrammePermission(actor, 'accounts.invite')) return grants;
  const clusters = invitingClusters(actor);
  const bound: RoleGrant[] = [];
  for (const grant of grants) {
    const partnership =
      grant.role === 'partner_contact' && grant.organisationId !== null
        ? await findActivePartnership({ db }, grant.organisationId, clusters, today)
        : undefined;
    bound.push(partnership ? { ...grant, membershipId: partnership.id } : grant);
  }
  return bound;
}

/** Throws unless the actor may give every one of these roles (see `canGrant`). */
export async function requireMayGrantRoles(
  db: Db,
  actor: Actor,
  grants: RoleGrant[],
  today: string,
): Promise<void> {
  requireMayGrant(actor, await grantsToGive(db, actor, grants, today));
}

/** Roles as the audit trail records them: with the name of the cluster or organisation, never its id. */
export function auditedGrants(grants: GrantView[]) {
  return grants.map((g) => ({
    role: g.role,
    cluster: g.cluster?.name ?? null,
    organisation: g.organisation?.name ?? null,
  }));
}

/** Grants with the names of their cluster or organisation, for people to read. */
export async function describeGrants(db: Db, grants: RoleGrant[]): Promise<GrantView[]> {
  const [clusters, organisations] = await Promise.all([
    clusterRefsById({ db }, [...new Set(grants.flatMap((g) => (g.clusterId ? [g.clusterId] : [])))]),
    organisationRefsById({ db }, [
      ...new Set(grants.flatMap((g) => (g.organisationId ? [g.organisationId] : []))),
    ]),
  ]);
  return grants.map((g) => {
    const cluster = g.clusterId ? clusters.get(g.clusterId) : undefined;
    const organisation = g.organisationId ? organisations.get(g.organisationId) : undefined;
    return {
      role: g.role,
      cluster: cluster && g.clusterId ? { id: g.clusterId, ...cluster } : null,
      organisation: organisation && g.organisationId ? { id: g.organisationId, ...organisation } : null,
    };
  });
}
