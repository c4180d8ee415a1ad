import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { loginThrottles } from './accounts.table';

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures allowed in one window: per account (guessing one password) and per address (spraying many). */
export const LIMITS = { account: 10, address: 50 } as const;

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, address: string | undefined): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address ?? 'unknown'}` };
}

/** Whether either key has used up its failures in the current window. */
export async function isThrottled(db: Db, keys: ThrottleKeys, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const rows = await db
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [keys.account, keys.address]));
  return rows.some(
    (row) =>
      row.windowStartedAt > since &&
      row.failures >= (row.key === keys.account ? LIMITS.account : LIMITS.address),
  );
}

/** Counts a failure; a window that has run out starts again at one. */
export async function recordFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  await db
    .insert(loginThrottles)
    .values([
      { key: keys.account, windowStartedAt: now, failures: 1 },
      { key: keys.address, windowStartedAt: now, failures: 1 },
    ])
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.windowStartedAt} > ${since}::timestamptz then ${loginThrottles.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} > ${since}::timestamptz then ${loginThrottles.windowStartedAt} else ${now}::timestamptz end`,
      },
    });
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearAccount(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, [keys.account]));
}
