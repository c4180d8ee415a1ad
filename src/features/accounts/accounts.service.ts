import { osloDate } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { type Actor, ANONYMOUS, type RoleGrant } from '../../shared/access';
import { recordAudit } from '../audit/record-audit';
import { canSignIn, requireSignedIn } from './accounts.policy';
import {
  type AccountRow,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  insertGrants,
  insertPerson,
  listGrantsOfAccount,
  updateLastLogin,
} from './accounts.queries';
import { auditedGrants, describeGrants } from './grants.service';
import type { GrantView } from './invitations.contract';
import { decoyHash, hashNewPassword, verifyPassword } from './passwords';
import { hashSecret, newSecret } from './secret-tokens';
import { newSessionToken, SESSION_DAYS, sessionIdOf } from './sessions';
import { deleteSession, findLiveSession, insertSession, updateSessionSeen } from './sessions.queries';
import { deviceKeys, forgiveAttempts, takeAttempts, untrustedKeys } from './throttle';
import {
  findLoginDevice,
  insertLoginDevice,
  pruneLoginDevices,
  updateLoginDeviceUsed,
} from './throttle.queries';

/** Whether demo seed accounts may sign in (never in production), for the services that sign people in. */
export type SignInOptions = { allowDemoAccounts: boolean };

const DAY_MS = 86_400_000;
/** Seen-time is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** A browser's device cookie lasts this long after it was last used to sign in. */
export const DEVICE_DAYS = 365;
/** Browsers remembered per account; the least recently used are forgotten past this. */
const DEVICES_KEPT = 20;

const WRONG_LOGIN = 'The e-mail address or the password is wrong.';

/** The actor an account acts as at `now`: its person's name and every role it holds then. */
export async function getAccountActor(
  db: Db,
  account: Pick<AccountRow, 'id' | 'personId' | 'email'>,
  name: string,
  now: Date,
): Promise<Actor> {
  const grants = await listGrantsOfAccount(db, account.id, osloDate(now));
  return {
    kind: 'account',
    accountId: account.id,
    personId: account.personId,
    name,
    email: account.email,
    grants,
  };
}

/**
 * Who did what a single-use link (an invitation, a reset, a sign-up) allowed: its holder, as the
 * account the link is for, whoever (if anyone) is signed in in that browser. The roles do not
 * matter to the audit event it is recorded as.
 */
export function linkHolder(account: {
  accountId: string;
  personId: string;
  name: string;
  email: string;
}): Actor {
  return { kind: 'account', ...account, grants: [] };
}

/**
 * Checks e-mail and password and opens a session. The answer never says which of the two was wrong.
 * The attempt is counted before the password is checked (throttle.ts): from a browser that signed
 * in to this account before (its device cookie), on that browser alone; from anywhere else, on the
 * account from this address and on the address. A successful sign-in answers a device token for
 * the browser to keep, new or the one it showed.
 */
export async function logIn(
  context: Pick<ServiceContext, 'db' | 'clock'> & SignInOptions,
  input: { email: string; password: string; userAgent?: string; address?: string; deviceToken?: string },
): Promise<{ token: string; actor: Actor; expiresAt: Date; deviceToken: string }> {
  const { db } = context;
  const found = await findAccountByEmail(db, input.email);
  const now = context.clock.now();
  const device = input.deviceToken ? await findLoginDevice(db, hashSecret(input.deviceToken)) : undefined;
  const knownDevice =
    device &&
    found &&
    device.accountId === found.account.id &&
    now.getTime() - device.lastUsedAt.getTime() < DEVICE_DAYS * DAY_MS
      ? device
      : undefined;
  const keys = knownDevice ? deviceKeys(knownDevice.id) : untrustedKeys(input.email, input.address);
  await takeAttempts(context, keys);
  const hash = found?.account.passwordHash ?? (await decoyHash());
  const ok = await verifyPassword(hash, input.password);
  if (!found?.account.passwordHash || !ok || !canSignIn(found.account, context)) {
    throw new AppError('unauthenticated', WRONG_LOGIN);
  }
  await forgiveAttempts(db, keys);
  let deviceToken = input.deviceToken;
  if (knownDevice) await updateLoginDeviceUsed(db, knownDevice.id, now);
  else {
    deviceToken = newSecret();
    await insertLoginDevice(db, {
      id: hashSecret(deviceToken),
      accountId: found.account.id,
      createdAt: now,
      lastUsedAt: now,
    });
    await pruneLoginDevices(db, found.account.id, DEVICES_KEPT);
  }
  const { token, expiresAt } = await openSession(context, found.account.id, input.userAgent);
  return {
    token,
    actor: await getAccountActor(db, found.account, found.name, now),
    expiresAt,
    deviceToken: deviceToken!,
  };
}

/**
 * Opens a session for an account that has proved who it is (password, single sign-on, a used
 * invitation or reset link) and returns the cookie's token.
 */
export async function openSession(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  accountId: string,
  userAgent: string | undefined,
): Promise<{ token: string; expiresAt: Date }> {
  const now = clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      id: sessionIdOf(token),
      accountId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await updateLastLogin(tx, accountId, now);
  });
  return { token, expiresAt };
}

/** Opens a session for an account that just proved who it is, and answers who it now acts as. */
export async function signInAccount(
  context: Pick<ServiceContext, 'db' | 'clock'>,
  accountId: string,
  userAgent: string | undefined,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const { token, expiresAt } = await openSession(context, accountId, userAgent);
  const found = await findAccountById(context.db, accountId);
  if (!found) throw new AppError('internal', 'The account that was signed in is gone.');
  return {
    token,
    expiresAt,
    actor: await getAccountActor(context.db, found.account, found.name, context.clock.now()),
  };
}

/**
 * The actor behind a session cookie; anonymous for a missing, unknown or expired one. It runs
 * before any actor is known, for every request, so it takes the database and the time alone.
 */
export async function resolveActor(db: Database, token: string | undefined, now: Date): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const id = sessionIdOf(token);
  const found = await findLiveSession(db, id, now);
  if (!found) return ANONYMOUS;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await updateSessionSeen(db, id, now);
  }
  return getAccountActor(db, found.account, found.name, now);
}

export async function logOut({ db }: Pick<ServiceContext, 'db'>, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, sessionIdOf(token));
}

/** The caller's roles, with the cluster or organisation each is held for. */
export async function listMyRoles({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>): Promise<GrantView[]> {
  return describeGrants(db, requireSignedIn(actor).grants);
}

export type NewAccount = {
  name: string;
  email: string;
  password: string;
  grants: RoleGrant[];
  isDemo?: boolean;
};

/**
 * Creates a person with an account and roles (the CLI's create-user, the demo, tests), and audits
 * it as the context's actor (the system, in a `systemContext`).
 */
export async function createAccount(
  context: Pick<ServiceContext, 'db' | 'clock' | 'actor' | 'requestId'>,
  input: NewAccount,
): Promise<AccountRow> {
  // Hashed before the transaction opens, so no transaction waits on the hash.
  const passwordHash = await hashNewPassword(input.password, input.email);
  try {
    return await context.db.transaction((tx) => writeAccount(tx, context, input, passwordHash));
  } catch (error) {
    throw conflictOnUniqueViolation(error, duplicateEmail(input.email));
  }
}

/**
 * `createAccount` inside the caller's transaction, for a caller that makes the account as part of
 * a larger change (an accepted invitation, the demo seed): all of it lands, or none.
 */
export async function createAccountInTransaction(
  tx: Db,
  context: Pick<ServiceContext, 'clock' | 'actor' | 'requestId'>,
  input: NewAccount,
): Promise<AccountRow> {
  const passwordHash = await hashNewPassword(input.password, input.email);
  try {
    return await writeAccount(tx, context, input, passwordHash);
  } catch (error) {
    throw conflictOnUniqueViolation(error, duplicateEmail(input.email));
  }
}

/**
 * Gives an account roles inside the caller's transaction, audited, for a change that brings the
 * roles with it: the person who registers a forming network becomes its manager. Who may receive
 * them is the caller's rule; a role the account holds already is not given twice.
 */
export async function grantRolesInTransaction(
  tx: Db,
  context: Pick<ServiceContext, 'clock' | 'actor' | 'requestId'>,
  accountId: string,
  grants: RoleGrant[],
): Promise<RoleGrant[]> {
  const added = await grantsNotHeld(tx, accountId, grants, osloDate(context.clock.now()));
  if (added.length === 0) return [];
  await insertGrants(tx, accountId, added);
  await recordAudit(tx, context, {
    action: 'account.roles_granted',
    entityType: 'account',
    entityId: accountId,
    clusterId: added.find((g) => g.clusterId)?.clusterId ?? null,
    after: { grants: auditedGrants(await describeGrants(tx, added)) },
  });
  return added;
}

/** The grants among these that the account does not hold on `today`. */
export async function grantsNotHeld<G extends RoleGrant>(
  tx: Db,
  accountId: string,
  grants: G[],
  today: string,
): Promise<G[]> {
  const key = (g: RoleGrant) => `${g.role}|${g.clusterId ?? ''}|${g.organisationId ?? ''}`;
  const held = new Set((await listGrantsOfAccount(tx, accountId, today)).map(key));
  return grants.filter((grant) => !held.has(key(grant)));
}

function duplicateEmail(email: string): string {
  return `An account with the e-mail address ${email} already exists.`;
}

async function writeAccount(
  tx: Db,
  context: Pick<ServiceContext, 'clock' | 'actor' | 'requestId'>,
  input: NewAccount,
  passwordHash: string,
): Promise<AccountRow> {
  const person = await insertPerson(tx, { name: input.name, email: input.email });
  const account = await insertAccount(tx, {
    personId: person.id,
    email: input.email,
    passwordHash,
    isDemo: input.isDemo ?? false,
  });
  await insertGrants(tx, account.id, input.grants);
  await recordAudit(tx, context, {
    action: 'account.created',
    entityType: 'account',
    entityId: account.id,
    clusterId: input.grants.find((g) => g.clusterId)?.clusterId ?? null,
    after: {
      name: input.name,
      email: input.email,
      grants: auditedGrants(await describeGrants(tx, input.grants)),
      isDemo: input.isDemo ?? false,
    },
  });
  return account;
}
