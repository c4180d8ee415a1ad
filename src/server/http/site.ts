import type { Context } from 'hono';
import type { AppEnv } from './context';

/** The site's address for links in e-mails: PUBLIC_URL when set, else the address the request came to. */
export function siteOrigin(c: Context<AppEnv>): string {
  return c.var.publicUrl ? new URL(c.var.publicUrl).origin : new URL(c.req.url).origin;
}
