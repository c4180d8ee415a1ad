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
  'accounts.invite',
  'mail.read',
  'persons.manage',
  'organisations.contact',
  'calls.manage',
  'calls.extend_deadline',
  'programme.manage',
  'affiliations.read',
  'applications.write',
  'applications.review',
  'assessments.score',
  'assessments.manage',
  'budget.read',
  'budget.frames',
  'budget.payments',
  'decisions.draft',
  'decisions.publish',
  'decisions.override',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type RoleGrant = {
  role: Role;
  clusterId: string | null;
  organisationId: string | null;
  /**
   * Set when a cluster gave the role through its partnership with the organisation (a partner
   * contact a cluster manager invited): the role ends with the partnership.
   */
  membershipId?: string | null;
};

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      personId: string;
      name: string;
      email: string;
      grants: RoleGrant[];
      /** Set when the caller uses an API token: the token's permissions, a subset of the grants'. */
      tokenPermissions?: Permission[];
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
    'accounts.invite',
    'mail.read',
    // Exporting and erasing a person's data answers data-protection requests: operators only.
    'persons.manage',
    'organisations.contact',
    'calls.manage',
    // Moving a deadline applicants have planned for is an operator's decision, recorded with a reason.
    'calls.extend_deadline',
    // Setting the programme up (its operators, levels, brands and cap) is the operators' own.
    'programme.manage',
    'affiliations.read',
    'applications.review',
    'assessments.manage',
    'budget.read',
    // The yearly frames and the price index are the programme's money: operators set them.
    'budget.frames',
    'budget.payments',
    'decisions.draft',
    'decisions.publish',
    // Going past a year's frame or the state-aid cap takes an operator's recorded reason.
    'decisions.override',
  ],
  programme_staff: [
    'clusters.edit',
    'memberships.manage',
    'organisations.classify',
    'organisations.contact',
    'audit.read',
    'calls.manage',
    // The organisations a person belongs to: what assessors' conflicts of interest are found from.
    'affiliations.read',
    // Every application, and asking an applicant for more information.
    'applications.review',
    // Assigning assessors, reading the panel, recommending and closing the panel.
    'assessments.manage',
    // The ledger, the payments made, and the round's decisions up to their publication.
    'budget.read',
    'budget.payments',
    'decisions.draft',
    'decisions.publish',
  ],
  // Scores the applications they are assigned, after declaring whether they have a conflict.
  assessor: ['assessments.score'],
  cluster_manager: [
    'clusters.edit',
    'memberships.manage',
    'organisations.classify',
    'audit.read',
    'accounts.invite',
    'applications.write',
  ],
  // A cluster's staff write its applications with its manager.
  cluster_staff: ['applications.write'],
  // Held for one organisation: its own contact details.
  partner_contact: ['organisations.contact'],
};

const PROGRAMME_WIDE: ReadonlySet<Role> = new Set(['operator_admin', 'programme_staff']);

/** Whether a grant carries a permission for this actor: an API token narrows what its owner holds. */
function grantPermits(actor: Actor & { kind: 'account' }, grant: RoleGrant, permission: Permission): boolean {
  if (actor.tokenPermissions && !actor.tokenPermissions.includes(permission)) return false;
  // A cluster cannot give itself a say over an organisation's own record: a partner contact the
  // cluster gave through its partnership is the cluster's contact there, not the organisation's
  // voice. That takes the organisation's consent, which a grant by the programme's operators records.
  if (grant.membershipId && permission === 'organisations.contact') return false;
  return ROLE_PERMISSIONS[grant.role].includes(permission);
}

/**
 * The actor as a reader. An API token narrows what its owner may do, not what they may see: a
 * read-only token reads what its owner reads. Rules about seeing ask this; rules about doing ask
 * the actor as it came.
 */
export function asReader(actor: Actor): Actor {
  if (actor.kind !== 'account' || !actor.tokenPermissions) return actor;
  const { tokenPermissions: _narrowed, ...owner } = actor;
  return owner;
}

/** The route gate's question: may this actor use the permission anywhere at all? */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'account' && actor.grants.some((g) => grantPermits(actor, g, permission));
}

/** The policy's question: may this actor use the permission on this cluster? */
export function hasClusterPermission(actor: Actor, permission: Permission, clusterId: string): boolean {
  if (actor.kind !== 'account') return false;
  return actor.grants.some(
    (g) => grantPermits(actor, g, permission) && (PROGRAMME_WIDE.has(g.role) || g.clusterId === clusterId),
  );
}

/** The policy's question: may this actor use the permission on this organisation? */
export function hasOrganisationPermission(
  actor: Actor,
  permission: Permission,
  organisationId: string,
): boolean {
  if (actor.kind !== 'account') return false;
  return actor.grants.some(
    (g) =>
      grantPermits(actor, g, permission) &&
      (PROGRAMME_WIDE.has(g.role) || g.organisationId === organisationId),
  );
}

/** Whether the actor holds the permission for the whole programme, not only for some clusters. */
export function hasProgrammePermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind !== 'account') return false;
  return actor.grants.some((g) => grantPermits(actor, g, permission) && PROGRAMME_WIDE.has(g.role));
}

/** Clusters where the actor holds the permission through a cluster role; 'all' for programme-wide roles. */
export function clustersWithPermission(actor: Actor, permission: Permission): 'all' | string[] {
  if (actor.kind !== 'account') return [];
  const grants = actor.grants.filter((g) => grantPermits(actor, g, permission));
  if (grants.some((g) => PROGRAMME_WIDE.has(g.role))) return 'all';
  return grants.flatMap((g) => (g.clusterId ? [g.clusterId] : []));
}

/**
 * Clusters the actor holds any role for (manager or staff), whatever the role permits; 'all' for
 * programme-wide roles. Who belongs to a cluster, as opposed to what they may do there.
 */
export function clustersWithAnyRole(actor: Actor): 'all' | string[] {
  if (actor.kind !== 'account') return [];
  if (actor.grants.some((g) => PROGRAMME_WIDE.has(g.role))) return 'all';
  return actor.grants.flatMap((g) => (g.clusterId ? [g.clusterId] : []));
}

/** Every permission the actor holds somewhere: what an API token of theirs may be given. */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((permission) => hasPermission(actor, permission));
}
