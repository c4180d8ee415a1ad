import type { Db } from '../../server/db/client';
import { AppError } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import {
  deleteThrottles,
  deleteThrottlesStartingWith,
  findNextAttemptAt,
  giveBackAttempt,
  takeAttempt,
} from './throttle.queries';

export const THROTTLE_WINDOW_MINUTES = 15;
/**
 * Attempts let through at once in one window, before each further one waits: per account tried
 * from one address (guessing one password), per address (spraying many accounts), and per known
 * browser of the account. None is per account alone, so nobody can slow a person down from
 * elsewhere, and a browser that signed in before is not slowed by strangers' guesses.
 */
export const LIMITS = { pair: 10, address: 50, device: 10 } as const;

export type ThrottleKey = { key: string; limit: number };

function normalised(email: string): string {
  return email.trim().toLowerCase();
}

/** The keys of an attempt from a browser not known to the account. */
export function untrustedKeys(email: string, address: string | undefined): ThrottleKey[] {
  const from = address ?? 'unknown';
  return [
    { key: `pair:${normalised(email)}|${from}`, limit: LIMITS.pair },
    { key: `address:${from}`, limit: LIMITS.address },
  ];
}

/** The key of an attempt from a browser that has signed in to the account before. */
export function deviceKeys(deviceId: string): ThrottleKey[] {
  return [{ key: `device:${deviceId}`, limit: LIMITS.device }];
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
}

/**
 * Counts the attempt on every key before the password is checked, so attempts sent at once cannot
 * all pass. Refuses with how long to wait when a key lets none through yet.
 */
export async function takeAttempts(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  keys: ThrottleKey[],
): Promise<void> {
  const now = clock.now();
  for (const { key, limit } of keys) {
    if (await takeAttempt(db, key, limit, now, windowStart(now))) continue;
    const next = await findNextAttemptAt(db, key);
    const seconds = Math.max(1, Math.ceil(((next?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins from here. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again, or reset the password.`,
      { retryAfterSeconds: seconds },
    );
  }
}

/**
 * A successful sign-in forgives the failures of its account from there (or of its browser), and
 * for its address it counts as no failure: others' failures from the same address stay counted.
 */
export async function forgiveAttempts(db: Db, keys: ThrottleKey[]): Promise<void> {
  const address = keys.filter((k) => k.key.startsWith('address:'));
  await deleteThrottles(
    db,
    keys.filter((k) => !address.includes(k)).map((k) => k.key),
  );
  for (const { key } of address) await giveBackAttempt(db, key);
}

/**
 * Forgets an account's counts from every address. It takes the caller's transaction, if any:
 * erasing a person clears theirs in the erasure's, since the keys hold the address they typed.
 */
export async function clearAccount(tx: Db, email: string): Promise<void> {
  await deleteThrottlesStartingWith(tx, `pair:${normalised(email)}|`);
}
