import { hashSecret, newSecret } from './secret-tokens';

export const SESSION_COOKIE = 'klynge_session';
export const SESSION_DAYS = 30;
/** The cookie by which a browser that signed in before is known at the next sign-in (throttle.ts). */
export const DEVICE_COOKIE = 'klynge_device';

/** A new session token for the cookie. Only its hash is stored. */
export const newSessionToken = newSecret;

export const sessionIdOf = hashSecret;

/** A session is named to its owner by the start of its id (itself a hash): enough to tell them apart. */
export const SESSION_HANDLE_LENGTH = 16;

export function sessionHandleOf(sessionId: string): string {
  return sessionId.slice(0, SESSION_HANDLE_LENGTH);
}
