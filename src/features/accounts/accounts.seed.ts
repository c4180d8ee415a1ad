import { systemClock } from '../../server/clock';
import type { Database } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import { systemContext } from '../../server/service-context';
import type { Role, RoleGrant } from '../../shared/access';
import { createAccount, createAccountInTransaction } from './accounts.service';

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

/**
 * One account per role for trying Klynge; documented in the README. They are marked as demo
 * accounts and cannot sign in when Klynge runs with NODE_ENV=production.
 */
export const DEMO_ACCOUNTS = [
  {
    role: 'operator_admin',
    name: 'Ola Operatør',
    email: 'ola@demo.klynge.example',
    password: 'demo-operator-2026',
  },
  {
    role: 'programme_staff',
    name: 'Pia Programmet',
    email: 'pia@demo.klynge.example',
    password: 'demo-programme-2026',
  },
  {
    role: 'assessor',
    name: 'Aud Assessor',
    email: 'aud@demo.klynge.example',
    password: 'demo-assessor-2026',
  },
  {
    role: 'cluster_manager',
    name: 'Kim Klyngeleder',
    email: 'kim@demo.klynge.example',
    password: 'demo-manager-2026',
  },
  {
    role: 'cluster_staff',
    name: 'Siri Stab',
    email: 'siri@demo.klynge.example',
    password: 'demo-staff-2026',
  },
  {
    role: 'partner_contact',
    name: 'Per Partner',
    email: 'per@demo.klynge.example',
    password: 'demo-partner-2026',
  },
] as const satisfies readonly { role: Role; name: string; email: string; password: string }[];

/** The cluster the demo's cluster manager, staff and partner contact belong to. */
export const DEMO_HOME_CLUSTER = 'arctic-cluster-team';

/** The demo accounts, the cluster roles at the home cluster and the partner contact at one of its partners. */
export const seedAccountsDemo: DemoSeed = async (demo) => {
  const home = demo.fact('clusters').get(DEMO_HOME_CLUSTER);
  if (!home) throw new Error(`Demo data: the home cluster ${DEMO_HOME_CLUSTER} is missing.`);
  const partner = demo.fact('partnerships').find((p) => p.clusterId === home.id && p.leftOn === null);
  if (!partner) throw new Error(`Demo data: ${DEMO_HOME_CLUSTER} has no partner for the partner contact.`);
  for (const account of DEMO_ACCOUNTS) {
    const clusterScoped = account.role === 'cluster_manager' || account.role === 'cluster_staff';
    await createAccountInTransaction(demo.tx, systemContext(demo.tx, demo.clock), {
      name: account.name,
      email: account.email,
      password: account.password,
      isDemo: true,
      grants: [
        {
          role: account.role,
          clusterId: clusterScoped ? home.id : null,
          organisationId: account.role === 'partner_contact' ? partner.organisationId : null,
        },
      ],
    });
  }
  demo.count('accounts', DEMO_ACCOUNTS.length);
};
