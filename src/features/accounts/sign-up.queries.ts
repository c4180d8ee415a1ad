import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { signUps } from './accounts.table';

export type SignUpRow = typeof signUps.$inferSelect;

export async function insertSignUp(db: Db, values: typeof signUps.$inferInsert): Promise<SignUpRow> {
  const [row] = await db.insert(signUps).values(values).returning();
  return row!;
}

export async function findSignUpByTokenHash(db: Db, tokenHash: string): Promise<SignUpRow | undefined> {
  const [row] = await db.select().from(signUps).where(eq(signUps.tokenHash, tokenHash));
  return row;
}

/**
 * Marks the link used unless it is used or expired already; answers whether this call did. One
 * statement, so two uses of one link cannot both succeed.
 */
export async function claimSignUp(db: Db, id: string, now: Date): Promise<boolean> {
  const claimed = await db
    .update(signUps)
    .set({ usedAt: now })
    .where(and(eq(signUps.id, id), isNull(signUps.usedAt), gt(signUps.expiresAt, now)))
    .returning({ id: signUps.id });
  return claimed.length > 0;
}

export async function updateSignUpAccount(db: Db, id: string, accountId: string): Promise<void> {
  await db.update(signUps).set({ accountId }).where(eq(signUps.id, id));
}

/** Deletes links never used that expired before `before`; answers how many went. */
export async function deleteUnusedSignUpsExpiredBefore(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(signUps)
    .where(and(isNull(signUps.usedAt), lt(signUps.expiresAt, before)))
    .returning({ id: signUps.id });
  return deleted.length;
}

/** Sign-ups of a person: the one that made their account, and any to one of their addresses. */
function signUpsOf(accountId: string | null, emails: readonly string[]): SQL | undefined {
  return or(
    accountId ? eq(signUps.accountId, accountId) : undefined,
    emails.length > 0
      ? inArray(
          sql`lower(${signUps.email})`,
          emails.map((email) => email.toLowerCase()),
        )
      : undefined,
  );
}

/** A person's sign-ups, oldest first, without their token hashes. */
export function listSignUpsOf(db: Db, accountId: string | null, emails: readonly string[]) {
  const where = signUpsOf(accountId, emails);
  if (!where) return Promise.resolve([]);
  return db
    .select({
      email: signUps.email,
      name: signUps.name,
      language: signUps.language,
      createdAt: signUps.createdAt,
      expiresAt: signUps.expiresAt,
      usedAt: signUps.usedAt,
    })
    .from(signUps)
    .where(where)
    .orderBy(asc(signUps.createdAt));
}

/** Deletes a person's sign-ups, used or not; answers how many went. */
export async function deleteSignUpsOf(db: Db, accountId: string | null, emails: readonly string[]) {
  const where = signUpsOf(accountId, emails);
  if (!where) return 0;
  const deleted = await db.delete(signUps).where(where).returning({ id: signUps.id });
  return deleted.length;
}
