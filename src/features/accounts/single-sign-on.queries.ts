import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { accounts, oidcFlows, oidcIdentities, persons } from './accounts.table';

/** The account linked to an identity at a single sign-on provider, with its person's name; or undefined. */
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

export async function deleteFlowsExpiredBefore(db: Db, now: Date): Promise<void> {
  await db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, now));
}

export async function insertFlow(db: Db, values: typeof oidcFlows.$inferInsert): Promise<void> {
  await db.insert(oidcFlows).values(values);
}

/** Deletes the flow with this state hash and answers it, so a flow can be used at most once. */
export async function takeFlow(db: Db, stateHash: string) {
  const [row] = await db.delete(oidcFlows).where(eq(oidcFlows.stateHash, stateHash)).returning();
  return row;
}

export async function updateIdentityLastLogin(db: Db, issuer: string, subject: string, at: Date) {
  await db
    .update(oidcIdentities)
    .set({ lastLoginAt: at })
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
}

/** Links the identity to the account unless it is linked already; answers whether this call linked it. */
export async function insertIdentityOnce(
  db: Db,
  values: { issuer: string; subject: string; accountId: string; at: Date },
): Promise<boolean> {
  const created = await db
    .insert(oidcIdentities)
    .values({
      issuer: values.issuer,
      subject: values.subject,
      accountId: values.accountId,
      createdAt: values.at,
      lastLoginAt: values.at,
    })
    .onConflictDoNothing()
    .returning({ issuer: oidcIdentities.issuer });
  return created.length > 0;
}

/** The identities linked to the account at single sign-on providers. */
export function listIdentitiesOfAccount(db: Db, accountId: string) {
  return db
    .select({
      issuer: oidcIdentities.issuer,
      subject: oidcIdentities.subject,
      createdAt: oidcIdentities.createdAt,
      lastLoginAt: oidcIdentities.lastLoginAt,
    })
    .from(oidcIdentities)
    .where(eq(oidcIdentities.accountId, accountId));
}

/** Unlinks every identity of the account; answers how many went. */
export async function deleteIdentitiesOfAccount(db: Db, accountId: string): Promise<number> {
  const deleted = await db
    .delete(oidcIdentities)
    .where(eq(oidcIdentities.accountId, accountId))
    .returning({ subject: oidcIdentities.subject });
  return deleted.length;
}
