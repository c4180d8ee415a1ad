import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import { canManageProgramme, requireManageProgramme } from './programme.policy';

// who, actor, may set the programme up
const ROLES: [string, Actor, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, false],
  ['an operator admin', actorAs('operator_admin'), true],
  ['programme staff', actorAs('programme_staff'), false],
  ['an assessor', actorAs('assessor'), false],
  ['a cluster manager', actorAs('cluster_manager', { clusterId: 'cluster' }), false],
  ['cluster staff', actorAs('cluster_staff', { clusterId: 'cluster' }), false],
  ['a partner contact', actorAs('partner_contact', { organisationId: 'organisation' }), false],
  [
    'an operator admin with a token that may set the programme up',
    withToken(actorAs('operator_admin'), ['programme.manage']),
    true,
  ],
  [
    'an operator admin with a token that may only read the audit trail',
    withToken(actorAs('operator_admin'), ['audit.read']),
    false,
  ],
];

describe('the programme policy', () => {
  it.each(ROLES)('%s: sets the programme up %s', (_who, actor, may) => {
    expect(canManageProgramme(actor)).toBe(may);
    if (may) expect(() => requireManageProgramme(actor)).not.toThrow();
    else
      expect(() => requireManageProgramme(actor)).toThrow(
        expect.objectContaining({
          code: 'forbidden',
          detail: 'Only operator admins may set the programme up.',
        }),
      );
  });
});
