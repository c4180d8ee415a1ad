import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs } from '../../testing/actors';
import {
  canClassifyOrganisation,
  canEditOrganisationContact,
  canReadOrganisationContact,
  clustersWhereActorClassifies,
  requireClassifyOrganisation,
  requireEditOrganisationContact,
} from './organisations.policy';

const ORGANISATION = { id: 'organisation-own' };
const PARTNER = { partnerInActorsCluster: true };
const STRANGER = { partnerInActorsCluster: false };

const manager = actorAs('cluster_manager', { clusterId: 'cluster-own' });

// who, actor, classifies a partner of their cluster, classifies any other, edits the contact, reads it
const ROLES: [string, Actor, boolean, boolean, boolean, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, false, false, false, false],
  ['an operator', actorAs('operator_admin'), true, true, true, true],
  ['programme staff', actorAs('programme_staff'), true, true, true, true],
  ['an assessor', actorAs('assessor'), false, false, false, true],
  ['a cluster manager', manager, true, false, false, true],
  ['cluster staff', actorAs('cluster_staff', { clusterId: 'cluster-own' }), false, false, false, true],
  [
    "the organisation's partner contact",
    actorAs('partner_contact', { organisationId: ORGANISATION.id }),
    false,
    false,
    true,
    true,
  ],
  [
    "another organisation's partner contact",
    actorAs('partner_contact', { organisationId: 'organisation-other' }),
    false,
    false,
    false,
    true,
  ],
];

describe('the organisations policy', () => {
  it.each(ROLES)(
    '%s: classifies a partner %s, anyone %s; edits the contact %s, reads it %s',
    (_who, actor, partner, anyone, edit, read) => {
      expect(canClassifyOrganisation(actor, PARTNER)).toBe(partner);
      expect(canClassifyOrganisation(actor, STRANGER)).toBe(anyone);
      expect(canEditOrganisationContact(actor, ORGANISATION)).toBe(edit);
      expect(canReadOrganisationContact(actor)).toBe(read);
    },
  );

  it.each(ROLES)('%s is refused exactly what the policy denies', (_who, actor, partner, anyone, edit) => {
    const refused = expect.objectContaining({ code: 'forbidden' });
    const cases: [() => void, boolean][] = [
      [() => requireClassifyOrganisation(actor, PARTNER), partner],
      [() => requireClassifyOrganisation(actor, STRANGER), anyone],
      [() => requireEditOrganisationContact(actor, ORGANISATION), edit],
    ];
    for (const [attempt, allowed] of cases) {
      if (allowed) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(refused);
    }
  });

  it('asks about partnerships only in the clusters where the actor classifies', () => {
    expect(clustersWhereActorClassifies(manager)).toEqual(['cluster-own']);
    expect(clustersWhereActorClassifies(actorAs('programme_staff'))).toBe('all');
    expect(clustersWhereActorClassifies({ kind: 'anonymous' })).toEqual([]);
  });
});
