import { describe, expect, it } from 'vitest';
import { ANONYMOUS, ROLES } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import { canRegisterFormingNetwork, requireRegisterFormingNetwork } from './forming-networks.policy';

describe('registering a forming network', () => {
  it.each(ROLES)('is open to a person holding %s, in their own session', (role) => {
    const actor = actorAs(role, { clusterId: 'cluster', organisationId: 'organisation' });
    expect(canRegisterFormingNetwork(actor)).toBe(true);
    expect(() => requireRegisterFormingNetwork(actor)).not.toThrow();
  });

  it('is open to a person with no role at all, as one who signed up themselves is', () => {
    const newcomer = { ...actorAs('assessor'), grants: [] };
    expect(canRegisterFormingNetwork(newcomer)).toBe(true);
  });

  it('asks an anonymous visitor to sign in, and refuses an API token whatever it may do', () => {
    expect(() => requireRegisterFormingNetwork(ANONYMOUS)).toThrow(
      expect.objectContaining({ code: 'unauthenticated' }),
    );
    const token = withToken(actorAs('operator_admin'), ['clusters.edit', 'accounts.invite']);
    expect(canRegisterFormingNetwork(token)).toBe(false);
    expect(() => requireRegisterFormingNetwork(token)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
