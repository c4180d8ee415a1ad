import { createHash } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from './app-error';
import type { AppEnv } from './context';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The cookie the browser app reads its CSRF token from, and the header it sends it back in. */
export const CSRF_COOKIE = 'klynge_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session: derived from the session's secret, so only someone who holds the
 * session cookie can know it, and nothing needs storing. Another site can make a browser send the
 * cookie, but it can neither read the token nor set the header.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

/**
 * Two defences for writes, in layers:
 * - a write that says where it comes from (Origin, or Referer as fallback) must come from this
 *   site, cookies or not, so a foreign page cannot even sign a visitor in to another account;
 * - a write carrying the session cookie must also carry the session's CSRF token in a header.
 * Requests with neither cookie nor Origin (API clients with tokens, curl) pass untouched.
 */
export function csrfProtection(sessionCookie: string, publicUrl?: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const claimed = c.req.header('origin') ?? safeOrigin(c.req.header('referer'));
      const session = getCookie(c, sessionCookie);
      if (claimed !== undefined || session !== undefined) {
        const allowed = [new URL(c.req.url).origin, safeOrigin(publicUrl)];
        if (!claimed || !allowed.includes(claimed)) {
          throw new AppError('forbidden', 'The request did not come from this site, so it was refused.');
        }
      }
      if (session !== undefined && c.req.header(CSRF_HEADER) !== csrfTokenFor(session)) {
        throw new AppError(
          'forbidden',
          `The request lacks this session's ${CSRF_HEADER} header, so it was refused. Reload the page and try again.`,
        );
      }
    }
    await next();
  });
}

function safeOrigin(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
