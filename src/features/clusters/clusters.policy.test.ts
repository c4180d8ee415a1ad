import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import {
  canChangeClusterNameOrStatus,
  canEditClusterProfile,
  requireEditClusterProfile,
} from './clusters.policy';

const OWN = { id: 'cluster-own' };
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
