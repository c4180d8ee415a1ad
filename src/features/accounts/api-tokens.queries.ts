import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { accounts, apiTokens, persons } from './accounts.table';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

/** The account's tokens, newest first. */
export function listApiTokensOfAccount(db: Db, accountId: string, limit: number): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(limit);
}

/** Withdraws the account's token if it has not been already; undefined when there is no such token. */
export async function updateTokenRevoked(
  db: Db,
  accountId: string,
  tokenId: string,
  at: Date,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** The token with this hash, whatever its state, with its account and the account's person's name. */
export async function findTokenByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, account: accounts, name: persons.name })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function updateTokenLastUsed(db: Db, tokenId: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, tokenId));
}

/** The account's tokens, oldest first, without their hashes (for a person's data export). */
export function listTokenDetailsOfAccount(db: Db, accountId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      permissions: apiTokens.permissions,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(asc(apiTokens.createdAt));
}

/** Deletes every token of the account; answers how many went. */
export async function deleteTokensOfAccount(db: Db, accountId: string): Promise<number> {
  const deleted = await db
    .delete(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .returning({ id: apiTokens.id });
  return deleted.length;
}
