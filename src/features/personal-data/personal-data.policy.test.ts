import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs } from '../../testing/actors';
import {
  canErasePerson,
  canManagePersons,
  requireErasePerson,
  requirePersonsManager,
} from './personal-data.policy';

const SOMEONE = { id: 'person-someone' };

const ROLES: [string, Actor, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, false],
  ['an operator', actorAs('operator_admin'), true],
  ['programme staff', actorAs('programme_staff'), false],
  ['an assessor', actorAs('assessor'), false],
  ['a cluster manager', actorAs('cluster_manager', { clusterId: 'cluster' }), false],
  ['cluster staff', actorAs('cluster_staff', { clusterId: 'cluster' }), false],
  ['a partner contact', actorAs('partner_contact', { organisationId: 'organisation' }), false],
];

describe('the personal-data policy', () => {
  it.each(ROLES)('%s manages personal data and erases someone else: %s', (_who, actor, allowed) => {
    expect(canManagePersons(actor)).toBe(allowed);
    expect(canErasePerson(actor, SOMEONE)).toBe(allowed);
    const refused = expect.objectContaining({ code: 'forbidden' });
    for (const attempt of [() => requirePersonsManager(actor), () => requireErasePerson(actor, SOMEONE)]) {
      if (allowed) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(refused);
    }
  });

  it('lets an operator do everything but erase themselves, which another operator must do', () => {
    const operator = actorAs('operator_admin');
    const self = { id: operator.kind === 'account' ? operator.personId : '' };
    expect(canManagePersons(operator)).toBe(true);
    expect(canErasePerson(operator, self)).toBe(false);
    expect(() => requireErasePerson(operator, self)).toThrow(
      expect.objectContaining({
        code: 'invalid_state',
        detail: 'You cannot erase yourself. Ask another operator to do it.',
      }),
    );
  });
});
