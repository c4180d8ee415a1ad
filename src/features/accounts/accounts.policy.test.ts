import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/http/app-error';
import { type Actor, ANONYMOUS, type Permission, type Role, type RoleGrant } from '../../shared/access';
import {
  canAcceptInvitation,
  canGrant,
  canInvite,
  canLinkIdentity,
  canManageApiTokens,
  canReadAffiliationsOf,
  canRevokeInvitation,
  canSignIn,
  type GrantToGive,
  invitationScope,
  requireMayAcceptInvitation,
  requireMayGrant,
  requireMayInvite,
  requireMayManageApiTokens,
  requireMayRevokeInvitation,
  requireTokenWithinOwnersPermissions,
} from './accounts.policy';

const HOME = 'cluster-home';
const ELSEWHERE = 'cluster-elsewhere';
const PARTNER = 'organisation-partner';

/** An account holding one role: cluster roles for HOME, partner contact for PARTNER. */
function holding(role: Role, extra: { tokenPermissions?: Permission[] } = {}): Actor {
  const grant: RoleGrant = {
    role,
    clusterId: role === 'cluster_manager' || role === 'cluster_staff' ? HOME : null,
    organisationId: role === 'partner_contact' ? PARTNER : null,
  };
  return {
    kind: 'account',
    accountId: `account-${role}`,
    personId: `person-${role}`,
    name: role,
    email: `${role}@example.test`,
    grants: [grant],
    ...extra,
  };
}

function toGive(role: Role, scope: { cluster?: string; partnerOfActorsCluster?: boolean } = {}): GrantToGive {
  return {
    role,
    clusterId: scope.cluster ?? null,
    organisationId: role === 'partner_contact' ? PARTNER : null,
    organisationIsPartnerOfActorsCluster: scope.partnerOfActorsCluster ?? false,
  };
}

function errorOf(run: () => unknown): AppError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return undefined;
}

describe('who may give which role', () => {
  const manager = holding('cluster_manager');
  const cases: { who: string; actor: Actor; what: string; grant: GrantToGive; allowed: boolean }[] = [
    {
      who: 'an operator',
      actor: holding('operator_admin'),
      what: 'operator',
      grant: toGive('operator_admin'),
      allowed: true,
    },
    {
      who: 'an operator',
      actor: holding('operator_admin'),
      what: "another cluster's manager",
      grant: toGive('cluster_manager', { cluster: ELSEWHERE }),
      allowed: true,
    },
    {
      who: 'an operator',
      actor: holding('operator_admin'),
      what: 'partner contact for an organisation that is no partner of theirs',
      grant: toGive('partner_contact'),
      allowed: true,
    },
    {
      who: 'a cluster manager',
      actor: manager,
      what: 'cluster staff on their own cluster',
      grant: toGive('cluster_staff', { cluster: HOME }),
      allowed: true,
    },
    {
      who: 'a cluster manager',
      actor: manager,
      what: 'cluster staff on another cluster',
      grant: toGive('cluster_staff', { cluster: ELSEWHERE }),
      allowed: false,
    },
    {
      who: 'a cluster manager',
      actor: manager,
      what: 'cluster manager on their own cluster',
      grant: toGive('cluster_manager', { cluster: HOME }),
      allowed: false,
    },
    {
      who: 'a cluster manager',
      actor: manager,
      what: 'partner contact for an active partner of their cluster',
      grant: toGive('partner_contact', { partnerOfActorsCluster: true }),
      allowed: true,
    },
    {
      who: 'a cluster manager',
      actor: manager,
      what: 'partner contact for an organisation that is not an active partner of their cluster',
      grant: toGive('partner_contact'),
      allowed: false,
    },
    {
      who: 'a cluster manager',
      actor: manager,
      what: 'programme staff',
      grant: toGive('programme_staff'),
      allowed: false,
    },
    { who: 'a cluster manager', actor: manager, what: 'assessor', grant: toGive('assessor'), allowed: false },
    {
      who: "a cluster manager's API token without accounts.invite",
      actor: holding('cluster_manager', { tokenPermissions: ['clusters.edit'] }),
      what: 'cluster staff on their own cluster',
      grant: toGive('cluster_staff', { cluster: HOME }),
      allowed: false,
    },
    {
      who: 'programme staff',
      actor: holding('programme_staff'),
      what: 'cluster staff',
      grant: toGive('cluster_staff', { cluster: HOME }),
      allowed: false,
    },
    {
      who: 'cluster staff',
      actor: holding('cluster_staff'),
      what: 'cluster staff on their own cluster',
      grant: toGive('cluster_staff', { cluster: HOME }),
      allowed: false,
    },
    {
      who: 'a partner contact',
      actor: holding('partner_contact'),
      what: 'partner contact for an active partner',
      grant: toGive('partner_contact', { partnerOfActorsCluster: true }),
      allowed: false,
    },
    {
      who: 'an assessor',
      actor: holding('assessor'),
      what: 'assessor',
      grant: toGive('assessor'),
      allowed: false,
    },
    {
      who: 'an anonymous visitor',
      actor: ANONYMOUS,
      what: 'assessor',
      grant: toGive('assessor'),
      allowed: false,
    },
  ];

  it.each(cases)('$who giving $what: allowed is $allowed', ({ actor, grant, allowed }) => {
    expect(canGrant(actor, grant)).toBe(allowed);
    expect(errorOf(() => requireMayGrant(actor, [grant]))?.code).toBe(allowed ? undefined : 'forbidden');
  });

  it('names the first role the actor may not give', () => {
    const error = errorOf(() =>
      requireMayGrant(holding('cluster_manager'), [
        toGive('cluster_staff', { cluster: HOME }),
        toGive('partner_contact'),
        toGive('assessor'),
      ]),
    );
    expect(error?.code).toBe('forbidden');
    expect(error?.detail).toContain('partner_contact');
  });
});

describe('who may invite, and which invitations they see', () => {
  it.each([
    ['operator_admin', true],
    ['cluster_manager', true],
    ['programme_staff', false],
    ['assessor', false],
    ['cluster_staff', false],
    ['partner_contact', false],
  ] as const)('%s invites: %s', (role, allowed) => {
    expect(canInvite(holding(role))).toBe(allowed);
    expect(errorOf(() => requireMayInvite(holding(role)))?.code).toBe(allowed ? undefined : 'forbidden');
  });

  it('asks an anonymous visitor to sign in', () => {
    expect(canInvite(ANONYMOUS)).toBe(false);
    expect(errorOf(() => requireMayInvite(ANONYMOUS))?.code).toBe('unauthenticated');
  });

  it('shows an operator every invitation, and a cluster manager their own and their cluster', () => {
    expect(invitationScope(holding('operator_admin'))).toBe('all');
    expect(invitationScope(holding('cluster_manager'))).toEqual({
      invitedByAccountId: 'account-cluster_manager',
      clusterIds: [HOME],
    });
    expect(invitationScope(holding('cluster_staff'))).toEqual({
      invitedByAccountId: 'account-cluster_staff',
      clusterIds: [],
    });
    expect(invitationScope(ANONYMOUS)).toEqual({ invitedByAccountId: null, clusterIds: [] });
  });
});

describe('who may withdraw an invitation', () => {
  const manager = holding('cluster_manager');
  const managerId = 'account-cluster_manager';
  const cases: [what: string, invitation: Parameters<typeof canRevokeInvitation>[1], allowed: boolean][] = [
    [
      'their own, even to a role they could not give now',
      { invitedByAccountId: managerId, grants: [toGive('partner_contact')] },
      true,
    ],
    [
      "someone else's, to roles they could have given",
      { invitedByAccountId: 'someone-else', grants: [toGive('cluster_staff', { cluster: HOME })] },
      true,
    ],
    [
      "someone else's, to a role they could not give",
      {
        invitedByAccountId: 'someone-else',
        grants: [toGive('cluster_staff', { cluster: HOME }), toGive('cluster_manager', { cluster: HOME })],
      },
      false,
    ],
    [
      'one whose inviter is gone, to a role they could not give',
      { invitedByAccountId: null, grants: [toGive('cluster_manager', { cluster: HOME })] },
      false,
    ],
  ];

  it.each(cases)('a cluster manager withdrawing %s: allowed is %s', (_what, invitation, allowed) => {
    expect(canRevokeInvitation(manager, invitation)).toBe(allowed);
    expect(errorOf(() => requireMayRevokeInvitation(manager, invitation))?.code).toBe(
      allowed ? undefined : 'forbidden',
    );
  });

  it('lets an operator withdraw any invitation', () => {
    const invitation = {
      invitedByAccountId: 'someone-else',
      grants: [toGive('operator_admin'), toGive('cluster_manager', { cluster: ELSEWHERE })],
    };
    expect(canRevokeInvitation(holding('operator_admin'), invitation)).toBe(true);
  });
});

describe('who may use an invitation', () => {
  it('lets anyone use one to an address without an account', () => {
    for (const actor of [ANONYMOUS, holding('assessor')]) {
      expect(canAcceptInvitation(actor, { existingAccountId: null })).toBe(true);
    }
  });

  it('lets only the account that has the address use one to it, signed in', () => {
    const owner = holding('assessor');
    const invitation = { email: 'assessor@example.test', existingAccountId: 'account-assessor' };
    expect(canAcceptInvitation(owner, invitation)).toBe(true);
    expect(canAcceptInvitation(holding('cluster_staff'), invitation)).toBe(false);
    const error = errorOf(() => requireMayAcceptInvitation(ANONYMOUS, invitation));
    expect(error?.code).toBe('invalid_state');
    expect(error?.detail).toContain('assessor@example.test');
  });
});

describe('who may manage API tokens', () => {
  it.each([
    ['a person in a browser session', holding('assessor'), undefined],
    ['an API token', holding('operator_admin', { tokenPermissions: ['mail.read'] }), 'forbidden'],
    ['an anonymous visitor', ANONYMOUS, 'unauthenticated'],
  ] as const)('%s: refused with %s', (_who, actor, code) => {
    expect(canManageApiTokens(actor)).toBe(code === undefined);
    expect(errorOf(() => requireMayManageApiTokens(actor))?.code).toBe(code);
  });

  it('gives a token no permission its owner does not hold, naming each one refused', () => {
    const manager = holding('cluster_manager');
    expect(errorOf(() => requireTokenWithinOwnersPermissions(manager, ['clusters.edit']))).toBeUndefined();
    const error = errorOf(() =>
      requireTokenWithinOwnersPermissions(manager, ['clusters.edit', 'mail.read', 'persons.manage']),
    );
    expect(error?.code).toBe('validation_failed');
    expect(error?.fieldErrors.map((e) => e.path)).toEqual([
      ['body', 'permissions', 1],
      ['body', 'permissions', 2],
    ]);
  });
});

describe('who may sign in', () => {
  it.each([
    ['active', false, false, true],
    ['active', true, true, true],
    ['active', true, false, false],
    ['disabled', false, true, false],
  ] as const)(
    'an %s account, demo %s, demo accounts allowed %s: %s',
    (status, isDemo, allowDemoAccounts, allowed) => {
      expect(canSignIn({ status, isDemo }, { allowDemoAccounts })).toBe(allowed);
    },
  );

  it('links a provider identity only from a browser session', () => {
    expect(canLinkIdentity(holding('assessor'))).toBe(true);
    expect(canLinkIdentity(holding('assessor', { tokenPermissions: [] }))).toBe(false);
    expect(canLinkIdentity(ANONYMOUS)).toBe(false);
  });
});

describe("reading a person's organisations", () => {
  // role, may read another person's
  const READERS: [Role, boolean][] = [
    ['operator_admin', true],
    ['programme_staff', true],
    ['assessor', false],
    ['cluster_manager', false],
    ['cluster_staff', false],
    ['partner_contact', false],
  ];

  it.each(READERS)("%s reads another person's: %s", (role, reads) => {
    expect(canReadAffiliationsOf(holding(role), { id: 'person-someone-else' })).toBe(reads);
  });

  it('lets everyone read their own, and nobody anonymous read any', () => {
    for (const [role] of READERS)
      expect(canReadAffiliationsOf(holding(role), { id: `person-${role}` })).toBe(true);
    expect(canReadAffiliationsOf(ANONYMOUS, { id: 'person-assessor' })).toBe(false);
  });

  it('lets programme staff read them with a token only if the token may', () => {
    const staff = (tokenPermissions: Permission[]) => holding('programme_staff', { tokenPermissions });
    expect(canReadAffiliationsOf(staff(['affiliations.read']), { id: 'person-x' })).toBe(true);
    expect(canReadAffiliationsOf(staff(['audit.read']), { id: 'person-x' })).toBe(false);
  });
});
