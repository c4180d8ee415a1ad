import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { RoleGrant } from '../../shared/access';
import { accounts, persons, roleGrants } from './accounts.table';

export type AccountRow = typeof accounts.$inferSelect;

/** The account with this e-mail address, in any case, with its person's name; or undefined. */
export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ account: accounts, name: persons.name })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(sql`lower(${accounts.email}) = lower(${email})`)
    .limit(1);
  return row;
}

/** The account with this id, with its person's name; or undefined. */
export async function findAccountById(db: Db, accountId: string) {
  const [row] = await db
    .select({ account: accounts, name: persons.name })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.id, accountId))
    .limit(1);
  return row;
}

/** Whether a person with this id exists (erased or not). */
export async function personExists(db: Db, personId: string): Promise<boolean> {
  const [row] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  return row !== undefined;
}

/** The roles the account holds on `today`: not those whose partnership has ended. */
export async function listGrantsOfAccount(db: Db, accountId: string, today: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({
      role: roleGrants.role,
      clusterId: roleGrants.clusterId,
      organisationId: roleGrants.organisationId,
      membershipId: roleGrants.membershipId,
    })
    .from(roleGrants)
    .where(
      and(eq(roleGrants.accountId, accountId), or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, today))),
    );
  return rows.map(({ membershipId, ...grant }) => (membershipId ? { ...grant, membershipId } : grant));
}

/**
 * Ends, on `endsOn`, the roles a partnership gave; answers each role so ended. The caller audits
 * them in its transaction.
 */
export async function updateGrantsOfPartnershipEnding(db: Db, membershipId: string, endsOn: string) {
  return db.update(roleGrants).set({ endsOn }).where(eq(roleGrants.membershipId, membershipId)).returning({
    accountId: roleGrants.accountId,
    role: roleGrants.role,
    organisationId: roleGrants.organisationId,
  });
}

export async function insertPerson(db: Db, values: { name: string; email: string }) {
  const [row] = await db.insert(persons).values(values).returning();
  return row!;
}

export async function insertAccount(db: Db, values: typeof accounts.$inferInsert) {
  const [row] = await db.insert(accounts).values(values).returning();
  return row!;
}

export async function insertGrants(
  db: Db,
  accountId: string,
  grants: (RoleGrant & { endsOn?: string | null })[],
): Promise<void> {
  if (grants.length === 0) return;
  await db.insert(roleGrants).values(grants.map((grant) => ({ ...grant, accountId })));
}

export async function updateLastLogin(db: Db, accountId: string, at: Date): Promise<void> {
  await db.update(accounts).set({ lastLoginAt: at }).where(eq(accounts.id, accountId));
}

export async function updatePasswordHash(db: Db, accountId: string, passwordHash: string, at: Date) {
  await db.update(accounts).set({ passwordHash, updatedAt: at }).where(eq(accounts.id, accountId));
}

/** The roles the account holds, with when each was granted, oldest first (for a person's data export). */
export function listGrantsWithTimes(db: Db, accountId: string) {
  return db
    .select({
      role: roleGrants.role,
      clusterId: roleGrants.clusterId,
      organisationId: roleGrants.organisationId,
      createdAt: roleGrants.createdAt,
    })
    .from(roleGrants)
    .where(eq(roleGrants.accountId, accountId))
    .orderBy(asc(roleGrants.createdAt));
}

/** Deletes every role the account holds; answers how many went. */
export async function deleteGrantsOfAccount(db: Db, accountId: string): Promise<number> {
  const deleted = await db
    .delete(roleGrants)
    .where(eq(roleGrants.accountId, accountId))
    .returning({ id: roleGrants.id });
  return deleted.length;
}

/** Replaces an erased person's name and drops their address and phone; the row stays for references. */
export async function anonymisePerson(db: Db, personId: string, name: string, now: Date): Promise<void> {
  await db
    .update(persons)
    .set({ name, email: null, phone: null, erasedAt: now, updatedAt: now })
    .where(eq(persons.id, personId));
}

/** Disables the account for good: no address to sign in with, no password, no way back in. */
export async function closeAccount(db: Db, accountId: string, placeholderEmail: string, now: Date) {
  await db
    .update(accounts)
    .set({ email: placeholderEmail, passwordHash: null, status: 'disabled', updatedAt: now })
    .where(eq(accounts.id, accountId));
}
