import type { Context } from 'hono';
import type { AppEnv } from './context';

/**
 * The site's address for links in e-mails: always PUBLIC_URL's origin. The request's Host is the
 * sender's to choose, so a link built from it could send a reset e-mail to someone else's site.
 */
export function siteOrigin(c: Context<AppEnv>): string {
  return new URL(c.var.publicUrl).origin;
}

/**
 * Whether cookies get the Secure flag: when PUBLIC_URL is https. Not from the request's scheme or
 * an X-Forwarded-Proto header, which any client can send.
 */
export function secureCookies(c: Context<AppEnv>): boolean {
  return new URL(c.var.publicUrl).protocol === 'https:';
}
