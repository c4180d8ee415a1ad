import { hashSecret, newSecret } from './secret-tokens';

export const SESSION_COOKIE = 'klynge_session';
export const SESSION_DAYS = 30;

/** A new session token for the cookie. Only its hash is stored. */
export const newSessionToken = newSecret;

export const sessionIdOf = hashSecret;
