import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createAccount } from '../features/accounts/accounts.service';
import { getClusterId } from '../features/clusters/clusters.service';
import { findOrganisationId } from '../features/organisations/organisations.service';
import { systemClock } from '../server/clock';
import type { Database } from '../server/db/client';
import { AppError } from '../server/http/app-error';
import { systemContext } from '../server/service-context';
import { ROLES, type Role } from '../shared/access';
import { checkOrgnr } from '../shared/orgnr';

async function askPassword(): Promise<string> {
  if (process.env.KLYNGE_PASSWORD) return process.env.KLYNGE_PASSWORD;
  if (!process.stdin.isTTY)
    throw new Error('Set KLYNGE_PASSWORD, or run the command in a terminal to be asked.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 12 characters): ');
  } finally {
    rl.close();
  }
}

/** `klynge create-user`: the first operator of a production installation, or any account. */
export async function createUser(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      cluster: { type: 'string' },
      orgnr: { type: 'string' },
    },
  });
  const role = values.role as Role | undefined;
  if (!values.email || !values.name || !role) {
    console.error('Usage: klynge create-user --email E --name N --role R [--cluster SLUG] [--orgnr ORGNR]');
    return 2;
  }
  if (!ROLES.includes(role)) {
    console.error(`--role must be one of: ${ROLES.join(', ')}.`);
    return 2;
  }
  const needsCluster = role === 'cluster_manager' || role === 'cluster_staff';
  if (needsCluster !== Boolean(values.cluster) || (role === 'partner_contact') !== Boolean(values.orgnr)) {
    console.error(
      'cluster_manager and cluster_staff need --cluster SLUG; partner_contact needs --orgnr; other roles neither.',
    );
    return 2;
  }
  const ctx = systemContext(db, systemClock);
  try {
    const clusterId = values.cluster ? await getClusterId(ctx, values.cluster) : null;
    let organisationId: string | null = null;
    if (values.orgnr) {
      const check = checkOrgnr(values.orgnr);
      if (!check.ok) throw new AppError('validation_failed', check.message);
      organisationId = (await findOrganisationId(ctx, check.orgnr)) ?? null;
      if (!organisationId)
        throw new AppError('not_found', `The organisation ${check.orgnr} is not in the register copy.`);
    }
    const password = await askPassword();
    await createAccount(systemContext(db, systemClock), {
      name: values.name,
      email: values.email,
      password,
      grants: [{ role, clusterId, organisationId }],
    });
    console.log(`Created ${values.email} (${role}${values.cluster ? ` of ${values.cluster}` : ''}).`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.detail);
      return 1;
    }
    throw error;
  }
}
