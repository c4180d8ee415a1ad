import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import {
  canChangeClusterName,
  canChangeClusterNameOrStatus,
  canChangeClusterStatus,
  canEditClusterProfile,
  requireEditClusterProfile,
  requireSeeCluster,
} from './clusters.policy';

const OWN = { id: 'cluster-own', status: 'active' as const };
const OTHER = 'cluster-other';

// who, actor, may edit the profile, may change its name or status
const ROLES: [string, Actor, boolean, boolean][] = [
  ['an anonymous visitor', { kind: 'anonymous' }, false, false],
  ['an operator', actorAs('operator_admin'), true, true],
  ['programme staff', actorAs('programme_staff'), true, true],
  ['an assessor', actorAs('assessor'), false, false],
  ["the cluster's manager", actorAs('cluster_manager', { clusterId: OWN.id }), true, false],
  ["another cluster's manager", actorAs('cluster_manager', { clusterId: OTHER }), false, false],
  ["the cluster's staff", actorAs('cluster_staff', { clusterId: OWN.id }), false, false],
  ['a partner contact', actorAs('partner_contact', { organisationId: 'organisation' }), false, false],
  [
    "the cluster's manager with a token that may not edit",
    withToken(actorAs('cluster_manager', { clusterId: OWN.id }), ['audit.read']),
    false,
    false,
  ],
  [
    'programme staff with a token that may not edit',
    withToken(actorAs('programme_staff'), ['memberships.manage']),
    false,
    false,
  ],
];

describe('the clusters policy', () => {
  it.each(ROLES)('%s: edits the profile %s, changes name or status %s', (_who, actor, edit, rename) => {
    expect(canEditClusterProfile(actor, OWN)).toBe(edit);
    expect(canChangeClusterNameOrStatus(actor)).toBe(rename);
  });

  it.each(ROLES)(
    '%s is refused a profile change exactly when the policy says no',
    (_who, actor, edit, rename) => {
      // A change that sets neither the name nor the status: the description, say.
      const describing = () => requireEditClusterProfile(actor, OWN, {});
      const renaming = () => requireEditClusterProfile(actor, OWN, { name: 'Nytt navn' });
      const ending = () => requireEditClusterProfile(actor, OWN, { status: 'ended' });
      if (edit) expect(describing).not.toThrow();
      else expect(describing).toThrow(expect.objectContaining({ code: 'forbidden' }));
      for (const change of [renaming, ending]) {
        if (edit && rename) expect(change).not.toThrow();
        else expect(change).toThrow(expect.objectContaining({ code: 'forbidden' }));
      }
    },
  );

  it("tells a cluster's manager that the name is the programme's to change", () => {
    expect(() =>
      requireEditClusterProfile(actorAs('cluster_manager', { clusterId: OWN.id }), OWN, {
        name: 'Nytt navn',
      }),
    ).toThrow(
      expect.objectContaining({ detail: "Only programme staff may change a cluster's name or status." }),
    );
  });
});

describe('a forming network in the clusters policy', () => {
  const FORMING = { id: OWN.id, slug: 'gront-nettverk', status: 'forming' as const };
  const manager = actorAs('cluster_manager', { clusterId: OWN.id });

  // who, actor, sees it
  const SEEING: [string, Actor, boolean][] = [
    ['an anonymous visitor', { kind: 'anonymous' }, false],
    ['an operator', actorAs('operator_admin'), true],
    ['programme staff', actorAs('programme_staff'), true],
    ['an assessor', actorAs('assessor'), false],
    ['its manager', manager, true],
    ['its staff', actorAs('cluster_staff', { clusterId: OWN.id }), true],
    ["another cluster's manager", actorAs('cluster_manager', { clusterId: OTHER }), false],
    ['a partner contact', actorAs('partner_contact', { organisationId: 'organisation' }), false],
    ['its manager with a token that may read only', withToken(manager, []), true],
  ];

  it.each(SEEING)('%s: sees it %s, and is told it is not there otherwise', (_who, actor, sees) => {
    const seeing = () => requireSeeCluster(actor, FORMING);
    if (sees) expect(seeing).not.toThrow();
    else expect(seeing).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => requireSeeCluster(actor, { ...FORMING, status: 'active' })).not.toThrow();
  });

  it('may be renamed by its own manager, who may not rename it once it is in the programme', () => {
    expect(canChangeClusterName(manager, FORMING)).toBe(true);
    expect(() => requireEditClusterProfile(manager, FORMING, { name: 'Grønt nettverk Nord' })).not.toThrow();
    expect(canChangeClusterName(manager, { ...FORMING, status: 'active' })).toBe(false);
    expect(canChangeClusterName(actorAs('cluster_staff', { clusterId: OWN.id }), FORMING)).toBe(false);
  });

  it('changes status only through a decision, not even by programme staff', () => {
    expect(canChangeClusterStatus(actorAs('programme_staff'), FORMING)).toBe(false);
    expect(() =>
      requireEditClusterProfile(actorAs('programme_staff'), FORMING, { status: 'active' }),
    ).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });
});
