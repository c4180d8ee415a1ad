import type { Db } from '../../server/db/client';
import type { ServiceContext } from '../../server/service-context';
import { addFailures, deleteThrottles, listThrottles } from './throttle.queries';

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures allowed in one window: per account (guessing one password) and per address (spraying many). */
export const LIMITS = { account: 10, address: 50 } as const;

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, address: string | undefined): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address ?? 'unknown'}` };
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
}

/** Whether either key has used up its failures in the current window. */
export async function isThrottled(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  keys: ThrottleKeys,
): Promise<boolean> {
  const since = windowStart(clock.now());
  const rows = await listThrottles(db, [keys.account, keys.address]);
  return rows.some(
    (row) =>
      row.windowStartedAt > since &&
      row.failures >= (row.key === keys.account ? LIMITS.account : LIMITS.address),
  );
}

/** Counts a failure; a window that has run out starts again at one. */
export async function recordFailure(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  keys: ThrottleKeys,
): Promise<void> {
  const now = clock.now();
  await addFailures(db, [keys.account, keys.address], now, windowStart(now));
}

/**
 * A successful sign-in clears the account's count (not the address's). It takes the caller's
 * transaction, if any: erasing a person clears theirs in the erasure's.
 */
export async function clearAccount(tx: Db, keys: ThrottleKeys): Promise<void> {
  await deleteThrottles(tx, [keys.account]);
}
