/**
 * Roles and what they permit. Isomorphic: the server enforces it, the browser uses it to decide
 * what to offer. A role is held for the whole programme, for one cluster or for one organisation.
 */
export const ROLES = [
  'operator_admin',
  'programme_staff',
  'assessor',
  'cluster_manager',
  'cluster_staff',
  'partner_contact',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'clusters.edit',
  'memberships.manage',
  'organisations.classify',
  'audit.read',
  'accounts.manage',
  'persons.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type RoleGrant = { role: Role; clusterId: string | null; organisationId: string | null };

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      personId: string;
      name: string;
      email: string;
      grants: RoleGrant[];
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Programme-wide roles reach every cluster; cluster roles reach their own cluster. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  operator_admin: [
    'clusters.edit',
    'memberships.manage',
    'organisations.classify',
    'audit.read',
    'accounts.manage',
    // Exporting and erasing a person's data answers data-protection requests: operators only.
    'persons.manage',
  ],
  programme_staff: ['clusters.edit', 'memberships.manage', 'organisations.classify', 'audit.read'],
  assessor: [],
  cluster_manager: ['clusters.edit', 'memberships.manage', 'organisations.classify', 'audit.read'],
  cluster_staff: [],
  partner_contact: [],
};

const PROGRAMME_WIDE: ReadonlySet<Role> = new Set(['operator_admin', 'programme_staff']);

/** The route gate's question: may this actor use the permission anywhere at all? */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

/** The policy's question: may this actor use the permission on this cluster? */
export function hasClusterPermission(actor: Actor, permission: Permission, clusterId: string): boolean {
  if (actor.kind !== 'account') return false;
  return actor.grants.some(
    (g) =>
      ROLE_PERMISSIONS[g.role].includes(permission) &&
      (PROGRAMME_WIDE.has(g.role) || g.clusterId === clusterId),
  );
}

/** Clusters where the actor holds the permission through a cluster role; 'all' for programme-wide roles. */
export function clustersWithPermission(actor: Actor, permission: Permission): 'all' | string[] {
  if (actor.kind !== 'account') return [];
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  if (grants.some((g) => PROGRAMME_WIDE.has(g.role))) return 'all';
  return grants.flatMap((g) => (g.clusterId ? [g.clusterId] : []));
}
