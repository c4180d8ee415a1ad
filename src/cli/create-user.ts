import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
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

export const CREATE_USER_USAGE =
  'Usage: klynge create-user --email E --name N --role R [--cluster SLUG] [--orgnr ORGNR] [--password-stdin]';

/** Where the command reads and writes: the process's own, or a test's. */
export type CommandIo = {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
};

export const processIo = (): CommandIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

type Request = {
  email: string;
  name: string;
  role: Role;
  cluster?: string;
  orgnr?: string;
  password: string;
};

const line = (stream: Writable, text: string) => stream.write(`${text}\n`);

/** The first line a pipe gives, without the line break. */
async function firstLine(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * The password: `--password-stdin` reads the first line of standard input (for scripts and
 * pipes), KLYNGE_PASSWORD gives it outright, and a terminal asks for it. With none of them there is
 * nobody to ask, which the command says in one line rather than failing later.
 */
async function passwordFrom(io: CommandIo, fromStdin: boolean): Promise<string | undefined> {
  if (fromStdin) return firstLine(io.stdin);
  if (io.env.KLYNGE_PASSWORD) return io.env.KLYNGE_PASSWORD;
  if (!io.stdin.isTTY) return undefined;
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  try {
    return await rl.question('Password (at least 12 characters): ');
  } finally {
    rl.close();
  }
}

/**
 * Reads and checks what `klynge create-user` was asked, before any database is opened: an answer
 * of what to create, or the exit status after a one-line message.
 */
export async function readCreateUserRequest(args: string[], io: CommandIo): Promise<Request | number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        cluster: { type: 'string' },
        orgnr: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }));
  } catch (error) {
    line(io.stderr, `${(error as Error).message}\n${CREATE_USER_USAGE}`);
    return 2;
  }
  const { email, name, cluster, orgnr } = values as Record<string, string | undefined>;
  const role = values.role as Role | undefined;
  if (!email || !name || !role) {
    line(io.stderr, CREATE_USER_USAGE);
    return 2;
  }
  if (!ROLES.includes(role)) {
    line(io.stderr, `--role must be one of: ${ROLES.join(', ')}.`);
    return 2;
  }
  const needsCluster = role === 'cluster_manager' || role === 'cluster_staff';
  if (needsCluster !== Boolean(cluster) || (role === 'partner_contact') !== Boolean(orgnr)) {
    line(
      io.stderr,
      'cluster_manager and cluster_staff need --cluster SLUG; partner_contact needs --orgnr; other roles neither.',
    );
    return 2;
  }
  const password = await passwordFrom(io, values['password-stdin'] === true);
  if (password === undefined) {
    line(
      io.stderr,
      'No password: pipe it in with --password-stdin, set KLYNGE_PASSWORD, or run the command in a terminal.',
    );
    return 2;
  }
  return { email, name, role, cluster, orgnr, password };
}

/** `klynge create-user`: the first operator of a production installation, or any account. */
export async function createUser(db: Database, request: Request, io: CommandIo): Promise<number> {
  const ctx = systemContext(db, systemClock);
  try {
    const clusterId = request.cluster ? await getClusterId(ctx, request.cluster) : null;
    let organisationId: string | null = null;
    if (request.orgnr) {
      const check = checkOrgnr(request.orgnr);
      if (!check.ok) throw new AppError('validation_failed', check.message);
      organisationId = (await findOrganisationId(ctx, check.orgnr)) ?? null;
      if (!organisationId)
        throw new AppError('not_found', `The organisation ${check.orgnr} is not in the register copy.`);
    }
    await createAccount(ctx, {
      name: request.name,
      email: request.email,
      password: request.password,
      grants: [{ role: request.role, clusterId, organisationId }],
    });
    line(
      io.stdout,
      `Created ${request.email} (${request.role}${request.cluster ? ` of ${request.cluster}` : ''}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.fieldErrors.map((f) => `${String(f.path.at(-1))} ${f.message}`);
      line(io.stderr, [error.detail, ...fields].join(' '));
      return 1;
    }
    throw error;
  }
}
