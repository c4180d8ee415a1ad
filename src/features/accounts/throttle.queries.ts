import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { loginDevices, loginThrottles } from './accounts.table';

/** The longest a guesser past the limit waits between attempts: slowed down, never locked out. */
export const MAX_DELAY_SECONDS = 60;

/**
 * Counts one sign-in attempt on the key, if the key lets one through now, in one statement: the
 * row lock `on conflict do update` takes makes concurrent attempts count one after another, so no
 * more get through than the limit allows. Up to `limit` attempts in a window go through at once;
 * past it, each must wait until `next_attempt_at`, a delay that doubles with every attempt (1 s,
 * 2 s, 4 s … up to a minute). A window that began at or before `windowStartsAfter` has run out and
 * starts again. Answers whether the attempt may go ahead.
 */
export async function takeAttempt(
  db: Db,
  key: string,
  limit: number,
  now: Date,
  windowStartsAfter: Date,
): Promise<boolean> {
  const t = loginThrottles;
  const expired = sql`${t.windowStartedAt} <= ${windowStartsAfter}::timestamptz`;
  const rows = await db
    .insert(t)
    .values({ key, windowStartedAt: now, failures: 1, nextAttemptAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now}::timestamptz else ${t.windowStartedAt} end`,
        nextAttemptAt: sql`case when ${expired} or ${t.failures} + 1 < ${limit}::int then ${now}::timestamptz
          else ${now}::timestamptz + least(power(2, ${t.failures} + 1 - ${limit}::int), ${MAX_DELAY_SECONDS}::int) * interval '1 second' end`,
      },
      setWhere: sql`${expired} or ${t.failures} < ${limit}::int or ${t.nextAttemptAt} <= ${now}::timestamptz`,
    })
    .returning({ key: t.key });
  return rows.length > 0;
}

/** When the key next lets an attempt through. */
export async function findNextAttemptAt(db: Db, key: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ nextAttemptAt: loginThrottles.nextAttemptAt })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, key));
  return row?.nextAttemptAt;
}

/** Takes back one attempt counted on the key: it succeeded, so it was no failure. */
export async function giveBackAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(eq(loginThrottles.key, key));
}

export async function deleteThrottles(db: Db, keys: string[]): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/** Every key that starts with the prefix: an account's counts from every address. */
export async function deleteThrottlesStartingWith(db: Db, prefix: string): Promise<void> {
  await db.delete(loginThrottles).where(sql`starts_with(${loginThrottles.key}, ${prefix})`);
}

export async function findLoginDevice(db: Db, id: string) {
  const [row] = await db.select().from(loginDevices).where(eq(loginDevices.id, id));
  return row;
}

export async function insertLoginDevice(db: Db, row: typeof loginDevices.$inferInsert): Promise<void> {
  await db.insert(loginDevices).values(row);
}

/** Keeps the account's `keep` most recently used browsers and forgets the others. */
export async function pruneLoginDevices(db: Db, accountId: string, keep: number): Promise<void> {
  await db.execute(sql`delete from ${loginDevices} where ${loginDevices.accountId} = ${accountId}
    and ${loginDevices.id} not in (select ${loginDevices.id} from ${loginDevices}
      where ${loginDevices.accountId} = ${accountId} order by ${loginDevices.lastUsedAt} desc limit ${keep})`);
}

export async function updateLoginDeviceUsed(db: Db, id: string, now: Date): Promise<void> {
  await db.update(loginDevices).set({ lastUsedAt: now }).where(eq(loginDevices.id, id));
}

export async function listLoginDevicesOfAccount(db: Db, accountId: string) {
  return db
    .select({ createdAt: loginDevices.createdAt, lastUsedAt: loginDevices.lastUsedAt })
    .from(loginDevices)
    .where(eq(loginDevices.accountId, accountId));
}

export async function deleteLoginDevicesOfAccount(db: Db, accountId: string): Promise<number> {
  const rows = await db
    .delete(loginDevices)
    .where(eq(loginDevices.accountId, accountId))
    .returning({ id: loginDevices.id });
  return rows.length;
}
