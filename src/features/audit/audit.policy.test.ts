import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import { auditReadScope, canReadAuditEvent, canReadAuditTrail, requireAuditReader } from './audit.policy';

const OWN = 'cluster-own';

// who, actor, their scope (null: none of the trail), reads an event about their cluster, about another, about none
const ROLES: [string, Actor, 'all' | string[] | null, boolean, boolean, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, null, false, false, false],
  ['an operator', actorAs('operator_admin'), 'all', true, true, true],
  ['programme staff', actorAs('programme_staff'), 'all', true, true, true],
  ['an assessor', actorAs('assessor'), null, false, false, false],
  ['a cluster manager', actorAs('cluster_manager', { clusterId: OWN }), [OWN], true, false, false],
  ['cluster staff', actorAs('cluster_staff', { clusterId: OWN }), null, false, false, false],
  [
    'a partner contact',
    actorAs('partner_contact', { organisationId: 'organisation' }),
    null,
    false,
    false,
    false,
  ],
  [
    'programme staff with a token that may not read the trail',
    withToken(actorAs('programme_staff'), ['clusters.edit']),
    null,
    false,
    false,
    false,
  ],
];

describe('the audit policy', () => {
  it.each(ROLES)('%s reads the trail in the scope %j', (_who, actor, scope, own, other, none) => {
    expect(canReadAuditTrail(actor)).toBe(scope !== null);
    expect(canReadAuditEvent(actor, { clusterId: OWN })).toBe(own);
    expect(canReadAuditEvent(actor, { clusterId: 'cluster-other' })).toBe(other);
    expect(canReadAuditEvent(actor, { clusterId: null })).toBe(none);
    if (scope === null) {
      expect(() => requireAuditReader(actor)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    } else {
      expect(requireAuditReader(actor)).toEqual(scope);
      expect(auditReadScope(actor)).toEqual(scope);
    }
  });
});
