import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'klynge_session';
export const SESSION_DAYS = 30;

/** A new session token for the cookie. Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
