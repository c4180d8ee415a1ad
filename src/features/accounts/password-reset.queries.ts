import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { accounts, passwordResets, persons } from './accounts.table';

/** How many reset links the account was sent after `since`. */
export async function countResetsSince(db: Db, accountId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.accountId, accountId), gt(passwordResets.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertPasswordReset(db: Db, values: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(values);
}

/**
 * The reset link with this hash if it can still be used (unused, unexpired, of an active
 * account), with the account's address and its person.
 */
export async function findUsableReset(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ reset: passwordResets, email: accounts.email, name: persons.name, personId: accounts.personId })
    .from(passwordResets)
    .innerJoin(accounts, eq(accounts.id, passwordResets.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        eq(accounts.status, 'active'),
      ),
    );
  return row;
}

/** Marks the link used unless it already was; answers whether this call used it. */
export async function markResetUsed(db: Db, tokenHash: string, at: Date): Promise<boolean> {
  const used = await db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
    .returning({ tokenHash: passwordResets.tokenHash });
  return used.length > 0;
}

/** Deletes every reset link of the account, used or not; answers how many went. */
export async function deleteResetsOfAccount(db: Db, accountId: string): Promise<number> {
  const deleted = await db
    .delete(passwordResets)
    .where(eq(passwordResets.accountId, accountId))
    .returning({ tokenHash: passwordResets.tokenHash });
  return deleted.length;
}
