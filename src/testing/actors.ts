import type { Actor, Permission, Role } from '../shared/access';

/** A signed-in actor holding one role, for policy tests: programme-wide, or for a cluster or organisation. */
export function actorAs(role: Role, scope: { clusterId?: string; organisationId?: string } = {}): Actor {
  return {
    kind: 'account',
    accountId: `account-${role}`,
    personId: `person-${role}`,
    name: role,
    email: `${role}@example.no`,
    grants: [{ role, clusterId: scope.clusterId ?? null, organisationId: scope.organisationId ?? null }],
  };
}

/** The same actor calling with an API token that carries only these permissions. */
export const withToken = (actor: Actor, tokenPermissions: Permission[]): Actor =>
  actor.kind === 'account' ? { ...actor, tokenPermissions } : actor;
