import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { loginThrottles } from './accounts.table';

/** The failure counts kept for these keys. */
export function listThrottles(db: Db, keys: string[]) {
  return db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/**
 * Adds one failure to each key in one statement, so concurrent sign-ins count correctly. A key
 * whose window began at or before `windowStartsAfter` has run out: it starts again at one, now.
 */
export async function addFailures(db: Db, keys: string[], now: Date, windowStartsAfter: Date): Promise<void> {
  await db
    .insert(loginThrottles)
    .values(keys.map((key) => ({ key, windowStartedAt: now, failures: 1 })))
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.windowStartedAt} > ${windowStartsAfter}::timestamptz then ${loginThrottles.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} > ${windowStartsAfter}::timestamptz then ${loginThrottles.windowStartedAt} else ${now}::timestamptz end`,
      },
    });
}

export async function deleteThrottles(db: Db, keys: string[]): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}
