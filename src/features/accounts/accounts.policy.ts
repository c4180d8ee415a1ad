import { AppError } from '../../server/http/app-error';
import {
  type Actor,
  clustersWithPermission,
  hasPermission,
  hasProgrammePermission,
  type Permission,
  type RoleGrant,
} from '../../shared/access';
import type { AccountStatus } from './accounts.table';

/**
 * Who may do what with accounts, invitations, sessions and API tokens. Isomorphic: the services
 * enforce it through the `require*` guards, and the browser may ask the `can*` questions to
 * decide what to offer. Facts that need the database arrive as part of the resource.
 */

export type SignedInActor = Actor & { kind: 'account' };

/** Anything done to one's own account needs an account. */
export function requireSignedIn(actor: Actor): SignedInActor {
  if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to do this.');
  return actor;
}

// Signing in

/** An active account signs in; a demo seed account only where demo accounts are allowed (never in production). */
export function canSignIn(
  account: { status: AccountStatus; isDemo: boolean },
  options: { allowDemoAccounts: boolean },
): boolean {
  return account.status === 'active' && (options.allowDemoAccounts || !account.isDemo);
}

/** Linking a provider's identity is done from one's own browser session, never with an API token. */
export function canLinkIdentity(actor: Actor): actor is SignedInActor {
  return actor.kind === 'account' && !actor.tokenPermissions;
}

// Giving roles

/**
 * A role someone wants to give, with the one fact the rule needs from the database: whether the
 * organisation of a partner-contact role is today an active partner of one of the clusters in
 * `invitingClusters(actor)`.
 */
export type GrantToGive = RoleGrant & { organisationIsPartnerOfActorsCluster: boolean };

/** The clusters the actor invites people to through a cluster role (none for an operator, who needs none). */
export function invitingClusters(actor: Actor): string[] {
  const own = clustersWithPermission(actor, 'accounts.invite');
  return own === 'all' ? [] : own;
}

/**
 * Who may give which role. An operator gives any role. A cluster manager gives cluster staff on
 * their own cluster, and partner contact for an organisation that is an active partner of it.
 */
export function canGrant(actor: Actor, grant: GrantToGive): boolean {
  if (hasProgrammePermission(actor, 'accounts.invite')) return true;
  switch (grant.role) {
    case 'cluster_staff':
      return grant.clusterId !== null && invitingClusters(actor).includes(grant.clusterId);
    case 'partner_contact':
      // The fact alone is not enough: it must be about a cluster the actor invites for.
      return invitingClusters(actor).length > 0 && grant.organisationIsPartnerOfActorsCluster;
    default:
      return false;
  }
}

export function requireMayGrant(actor: Actor, grants: GrantToGive[]): void {
  for (const grant of grants) {
    if (!canGrant(actor, grant)) {
      throw new AppError('forbidden', `Your roles do not allow giving the role ${grant.role} there.`);
    }
  }
}

// Invitations

/** Where the actor may see invitations: every one, or those they sent and those to their clusters. */
export type InvitationScope = 'all' | { invitedByAccountId: string | null; clusterIds: string[] };

export function invitationScope(actor: Actor): InvitationScope {
  if (hasProgrammePermission(actor, 'accounts.invite')) return 'all';
  return {
    invitedByAccountId: actor.kind === 'account' ? actor.accountId : null,
    clusterIds: invitingClusters(actor),
  };
}

/** Operators and cluster managers invite, and see the invitations in their `invitationScope`. */
export function canInvite(actor: Actor): boolean {
  return hasPermission(actor, 'accounts.invite');
}

export function requireMayInvite(actor: Actor): SignedInActor {
  const account = requireSignedIn(actor);
  if (!canInvite(account)) throw new AppError('forbidden', 'Your roles do not allow inviting people.');
  return account;
}

export const requireMayListInvitations = requireMayInvite;

/**
 * Seeing an invitation to one's cluster is not the right to withdraw it: the actor withdraws
 * their own invitations and those to roles they could have given themselves.
 */
export function canRevokeInvitation(
  actor: Actor,
  invitation: { invitedByAccountId: string | null; grants: GrantToGive[] },
): boolean {
  const own = actor.kind === 'account' && invitation.invitedByAccountId === actor.accountId;
  return own || invitation.grants.every((grant) => canGrant(actor, grant));
}

export function requireMayRevokeInvitation(
  actor: Actor,
  invitation: { invitedByAccountId: string | null; grants: GrantToGive[] },
): void {
  if (!canRevokeInvitation(actor, invitation)) requireMayGrant(actor, invitation.grants);
}

/**
 * An invitation to an address that already has an account adds the roles to that account, so
 * only that account, signed in, may use it.
 */
export function canAcceptInvitation(actor: Actor, invitation: { existingAccountId: string | null }): boolean {
  if (invitation.existingAccountId === null) return true;
  return actor.kind === 'account' && actor.accountId === invitation.existingAccountId;
}

export function requireMayAcceptInvitation(
  actor: Actor,
  invitation: { email: string; existingAccountId: string | null },
): void {
  if (!canAcceptInvitation(actor, invitation)) {
    throw new AppError(
      'invalid_state',
      `An account for ${invitation.email} already exists. Sign in to it, then open the invitation link again.`,
    );
  }
}

// Sessions

/** Sessions are seen and ended by their person in a browser session, never with an API token. */
export function canManageSessions(actor: Actor): boolean {
  return actor.kind === 'account' && !actor.tokenPermissions;
}

export function requireMayManageSessions(actor: Actor): SignedInActor {
  const account = requireSignedIn(actor);
  if (!canManageSessions(account)) {
    throw new AppError(
      'forbidden',
      'An API token cannot see or end sessions. Sign in with a browser session.',
    );
  }
  return account;
}

// API tokens

/** Tokens are made and withdrawn by a person in a browser session, never by another token. */
export function canManageApiTokens(actor: Actor): boolean {
  return actor.kind === 'account' && !actor.tokenPermissions;
}

export function requireMayManageApiTokens(actor: Actor): SignedInActor {
  const account = requireSignedIn(actor);
  if (!canManageApiTokens(account)) {
    throw new AppError('forbidden', 'An API token cannot manage API tokens.');
  }
  return account;
}

/** A token acts as its owner with at most the owner's permissions. */
export function canGiveTokenPermission(actor: Actor, permission: Permission): boolean {
  return hasPermission(actor, permission);
}

export function requireTokenWithinOwnersPermissions(actor: Actor, permissions: Permission[]): void {
  const beyond = permissions.filter((p) => !canGiveTokenPermission(actor, p));
  if (beyond.length > 0) {
    throw new AppError('validation_failed', 'A token cannot hold permissions its owner does not have.', {
      fieldErrors: beyond.map((p) => ({
        path: ['body', 'permissions', permissions.indexOf(p)],
        message: `you do not hold ${p}`,
      })),
    });
  }
}

// Affiliations

/**
 * A person keeps their own list of the organisations they belong to. Programme staff read
 * anyone's: they are what an assessor's conflicts of interest are found from.
 */
export function canReadAffiliationsOf(actor: Actor, person: { id: string }): boolean {
  if (actor.kind === 'account' && actor.personId === person.id) return true;
  return hasProgrammePermission(actor, 'affiliations.read');
}

export function requireReadAffiliationsOf(actor: Actor, person: { id: string }): void {
  if (!canReadAffiliationsOf(actor, person)) {
    throw new AppError('forbidden', "Only programme staff read another person's organisations.");
  }
}
