import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import {
  canExtendCallDeadline,
  canManageCalls,
  canSeeCall,
  requireManageCalls,
  requireSeeCall,
} from './calls.policy';

const DRAFT = { id: 'call-draft', status: 'draft' };

// who, actor, writes and opens calls, extends deadlines
const ROLES: [string, Actor, boolean, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, false, false],
  ['an operator', actorAs('operator_admin'), true, true],
  ['programme staff', actorAs('programme_staff'), true, false],
  ['an assessor', actorAs('assessor'), false, false],
  ['a cluster manager', actorAs('cluster_manager', { clusterId: 'cluster' }), false, false],
  ['cluster staff', actorAs('cluster_staff', { clusterId: 'cluster' }), false, false],
  ['a partner contact', actorAs('partner_contact', { organisationId: 'organisation' }), false, false],
  [
    'an operator with a token for the audit trail only',
    withToken(actorAs('operator_admin'), ['audit.read']),
    false,
    false,
  ],
  [
    'an operator with a token that may write calls but not extend them',
    withToken(actorAs('operator_admin'), ['calls.manage']),
    true,
    false,
  ],
];

describe('the calls policy', () => {
  it.each(ROLES)('%s: writes calls %s, extends deadlines %s', (_who, actor, manage, extend) => {
    expect(canManageCalls(actor)).toBe(manage);
    expect(canExtendCallDeadline(actor)).toBe(extend);
    if (manage) expect(() => requireManageCalls(actor)).not.toThrow();
    else expect(() => requireManageCalls(actor)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it.each(ROLES)(
    '%s sees a draft exactly when they write calls, and it is missing otherwise',
    (_who, actor, manage) => {
      expect(canSeeCall(actor, DRAFT)).toBe(manage);
      if (manage) expect(() => requireSeeCall(actor, DRAFT)).not.toThrow();
      else expect(() => requireSeeCall(actor, DRAFT)).toThrow(expect.objectContaining({ code: 'not_found' }));
    },
  );

  it.each(ROLES)('%s sees open, closed and decided calls', (_who, actor) => {
    for (const status of ['open', 'closed', 'decided']) {
      expect(canSeeCall(actor, { status })).toBe(true);
      expect(() => requireSeeCall(actor, { id: 'call', status })).not.toThrow();
    }
  });
});
