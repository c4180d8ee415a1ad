import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/http/app-error';
import { type Actor, ANONYMOUS, type Permission, ROLES, type Role } from '../../shared/access';
import { canReadOutbox, requireMayReadOutbox } from './mail.policy';

function holding(role: Role, tokenPermissions?: Permission[]): Actor {
  return {
    kind: 'account',
    accountId: `account-${role}`,
    personId: `person-${role}`,
    name: role,
    email: `${role}@example.test`,
    grants: [
      {
        role,
        clusterId: role === 'cluster_manager' || role === 'cluster_staff' ? 'cluster' : null,
        organisationId: role === 'partner_contact' ? 'organisation' : null,
      },
    ],
    ...(tokenPermissions ? { tokenPermissions } : {}),
  };
}

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe('who may read the outbox', () => {
  const readers: Role[] = ['operator_admin'];

  it.each(ROLES.map((role) => [role, readers.includes(role)] as const))(
    '%s reads it: %s',
    (role, allowed) => {
      expect(canReadOutbox(holding(role))).toBe(allowed);
      expect(codeOf(() => requireMayReadOutbox(holding(role)))).toBe(allowed ? undefined : 'forbidden');
    },
  );

  it("follows an operator's API token: only with mail.read among its permissions", () => {
    expect(canReadOutbox(holding('operator_admin', ['mail.read']))).toBe(true);
    expect(canReadOutbox(holding('operator_admin', ['audit.read']))).toBe(false);
  });

  it('asks an anonymous visitor to sign in', () => {
    expect(canReadOutbox(ANONYMOUS)).toBe(false);
    expect(codeOf(() => requireMayReadOutbox(ANONYMOUS))).toBe('unauthenticated');
  });
});
