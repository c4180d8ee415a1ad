import { eq } from 'drizzle-orm';
import type { Clock } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation } from '../../server/http/app-error';
import { type Actor, ANONYMOUS, type RoleGrant } from '../../shared/access';
import { type AuditContext, recordAudit } from '../audit/audit.service';
import { findAccountByEmail, findLiveSession, listGrants } from './accounts.queries';
import { accounts, persons, roleGrants, sessions } from './accounts.table';
import { checkPasswordStrength, decoyHash, hashPassword, verifyPassword } from './passwords';
import { newSessionToken, SESSION_DAYS, sessionIdOf } from './sessions';
import { clearAccount, isThrottled, recordFailure, THROTTLE_WINDOW_MINUTES, throttleKeys } from './throttle';

const DAY_MS = 86_400_000;
/** Seen-time is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60_000;

const WRONG_LOGIN = 'The e-mail address or the password is wrong.';

export async function actorOf(
  db: Db,
  account: { id: string; personId: string; email: string },
  name: string,
): Promise<Actor> {
  const grants: RoleGrant[] = await listGrants(db, account.id);
  return {
    kind: 'account',
    accountId: account.id,
    personId: account.personId,
    name,
    email: account.email,
    grants,
  };
}

/** Checks e-mail and password and opens a session. The answer never says which of the two was wrong. */
export async function logIn(
  { db, clock, allowDemoAccounts }: { db: Database; clock: Clock; allowDemoAccounts: boolean },
  input: { email: string; password: string; userAgent?: string; address?: string },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const keys = throttleKeys(input.email, input.address);
  if (await isThrottled(db, keys, clock.now())) {
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins. Wait ${THROTTLE_WINDOW_MINUTES} minutes and try again, or reset the password.`,
    );
  }
  const found = await findAccountByEmail(db, input.email);
  const hash = found?.account.passwordHash ?? (await decoyHash());
  const ok = await verifyPassword(hash, input.password);
  const usable = found?.account.status === 'active' && (allowDemoAccounts || !found.account.isDemo);
  if (!found?.account.passwordHash || !ok || !usable) {
    await recordFailure(db, keys, clock.now());
    throw new AppError('unauthenticated', WRONG_LOGIN);
  }
  await clearAccount(db, keys);
  const { token, expiresAt } = await openSession(db, found.account.id, clock.now(), input.userAgent);
  return { token, actor: await actorOf(db, found.account, found.name), expiresAt };
}

/**
 * Opens a session for an account that has proved who it is (password, single sign-on, a used
 * invitation or reset link) and returns the cookie's token.
 */
export async function openSession(
  db: Database,
  accountId: string,
  now: Date,
  userAgent: string | undefined,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sessionIdOf(token),
      accountId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(accounts).set({ lastLoginAt: now }).where(eq(accounts.id, accountId));
  });
  return { token, expiresAt };
}

/** The actor behind a session cookie; anonymous for a missing, unknown or expired one. */
export async function resolveActor(db: Database, token: string | undefined, now: Date): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const id = sessionIdOf(token);
  const found = await findLiveSession(db, id, now);
  if (!found) return ANONYMOUS;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return actorOf(db, found.account, found.name);
}

export async function logOut(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));
}

export type NewAccount = {
  name: string;
  email: string;
  password: string;
  grants: RoleGrant[];
  isDemo?: boolean;
};

/**
 * Creates a person with an account and roles (the CLI's create-user, invitations, the demo), and
 * audits it; without an audit context the actor is the system.
 */
export async function createAccount(
  db: Db,
  input: NewAccount,
  audit: Omit<AuditContext, 'actor'> & { actor?: Actor } = { now: new Date() },
) {
  const weak = checkPasswordStrength(input.password, input.email);
  if (weak) {
    throw new AppError('validation_failed', weak.message, {
      fieldErrors: [{ path: ['body', 'password'], message: weak.message, code: weak.code }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [person] = await tx.insert(persons).values({ name: input.name, email: input.email }).returning();
      const [account] = await tx
        .insert(accounts)
        .values({ personId: person!.id, email: input.email, passwordHash, isDemo: input.isDemo ?? false })
        .returning();
      if (input.grants.length > 0) {
        await tx
          .insert(roleGrants)
          .values(input.grants.map((grant) => ({ ...grant, accountId: account!.id })));
      }
      await recordAudit(
        tx,
        { ...audit, actor: audit.actor ?? ANONYMOUS },
        {
          action: 'account.created',
          entityType: 'account',
          entityId: account!.id,
          clusterId: input.grants.find((g) => g.clusterId)?.clusterId ?? null,
          after: {
            name: input.name,
            email: input.email,
            grants: input.grants,
            isDemo: input.isDemo ?? false,
          },
        },
      );
      return account!;
    });
  } catch (error) {
    throw conflictOnUniqueViolation(
      error,
      `An account with the e-mail address ${input.email} already exists.`,
    );
  }
}
