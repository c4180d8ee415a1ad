import { systemClock } from '../../server/clock';
import type { Database } from '../../server/db/client';
import { systemContext } from '../../server/service-context';
import type { Role, RoleGrant } from '../../shared/access';
import { createAccount } from './accounts.service';

/** A password that passes the strength rule, for tests and factories. */
export const TEST_PASSWORD = 'correct horse battery staple';

let sequence = 0;

export async function createTestAccount(
  db: Database,
  role: Role,
  scope: { clusterId?: string; organisationId?: string } = {},
  overrides: { name?: string; email?: string; password?: string } = {},
) {
  sequence += 1;
  const email = overrides.email ?? `${role.replace('_', '-')}-${process.pid}-${sequence}@example.test`;
  const grant: RoleGrant = {
    role,
    clusterId: scope.clusterId ?? null,
    organisationId: scope.organisationId ?? null,
  };
  const account = await createAccount(systemContext(db, systemClock), {
    name: overrides.name ?? `Test ${role} ${sequence}`,
    email,
    password: overrides.password ?? TEST_PASSWORD,
    grants: [grant],
  });
  return { account, email, password: overrides.password ?? TEST_PASSWORD };
}
