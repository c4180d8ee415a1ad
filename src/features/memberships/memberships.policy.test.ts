import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import { canManagePartners, requireManagePartners } from './memberships.policy';

const CLUSTER = { id: 'cluster-own' };

const ROLES: [string, Actor, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, false],
  ['an operator', actorAs('operator_admin'), true],
  ['programme staff', actorAs('programme_staff'), true],
  ['an assessor', actorAs('assessor'), false],
  ["the cluster's manager", actorAs('cluster_manager', { clusterId: CLUSTER.id }), true],
  ["another cluster's manager", actorAs('cluster_manager', { clusterId: 'cluster-other' }), false],
  ["the cluster's staff", actorAs('cluster_staff', { clusterId: CLUSTER.id }), false],
  ['a partner contact', actorAs('partner_contact', { organisationId: 'organisation' }), false],
  [
    "the cluster's manager with a token for the audit trail only",
    withToken(actorAs('cluster_manager', { clusterId: CLUSTER.id }), ['audit.read']),
    false,
  ],
];

describe('the memberships policy', () => {
  it.each(ROLES)("%s manages the cluster's partners: %s", (_who, actor, allowed) => {
    expect(canManagePartners(actor, CLUSTER)).toBe(allowed);
    if (allowed) expect(() => requireManagePartners(actor, CLUSTER)).not.toThrow();
    else
      expect(() => requireManagePartners(actor, CLUSTER)).toThrow(
        expect.objectContaining({ code: 'forbidden' }),
      );
  });
});
