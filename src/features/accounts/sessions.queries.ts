import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { accounts, persons, sessions } from './accounts.table';
import { SESSION_HANDLE_LENGTH } from './sessions';

/** The live session with this id, of an active account, with the account and its person's name. */
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

/** The account's sessions that have not expired, oldest first. */
export function listLiveSessionsOfAccount(db: Db, accountId: string, now: Date, limit: number) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt))
    .limit(limit);
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function updateSessionSeen(db: Db, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Deletes the account's session named by `handle` (see `sessionHandleOf`); answers how many went. */
export async function deleteSessionByHandle(db: Db, accountId: string, handle: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(
      and(eq(sessions.accountId, accountId), sql`left(${sessions.id}, ${SESSION_HANDLE_LENGTH}) = ${handle}`),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** Deletes every session of the account; answers how many went. */
export async function deleteSessionsOfAccount(db: Db, accountId: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.accountId, accountId))
    .returning({ id: sessions.id });
  return ended.length;
}

/** The account's sessions, oldest first, without the id: it is the token's hash and would open the session. */
export function listSessionTimesOfAccount(db: Db, accountId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(asc(sessions.createdAt));
}
