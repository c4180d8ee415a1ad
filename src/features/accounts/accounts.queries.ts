import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { accounts, oidcIdentities, persons, roleGrants, sessions } from './accounts.table';

export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ account: accounts, name: persons.name })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(sql`lower(${accounts.email}) = lower(${email})`)
    .limit(1);
  return row;
}

/** The account linked to an identity at a single sign-on provider, or undefined. */
export async function findAccountByIdentity(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select({ account: accounts, name: persons.name })
    .from(oidcIdentities)
    .innerJoin(accounts, eq(accounts.id, oidcIdentities.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)))
    .limit(1);
  return row;
}

export function listGrants(db: Db, accountId: string) {
  return db
    .select({
      role: roleGrants.role,
      clusterId: roleGrants.clusterId,
      organisationId: roleGrants.organisationId,
    })
    .from(roleGrants)
    .where(eq(roleGrants.accountId, accountId));
}

/** The live session with this id, with its account and person, or undefined. */
export async function findLiveSession(db: Db, sessionId: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, account: accounts, name: persons.name })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), eq(accounts.status, 'active')))
    .limit(1);
  return row;
}

export function findAccountById(db: Db, accountId: string) {
  return db
    .select({ account: accounts, name: persons.name })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.id, accountId))
    .limit(1);
}
