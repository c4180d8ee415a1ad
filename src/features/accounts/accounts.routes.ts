import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { ActorSchema, LoginBodySchema } from './accounts.contract';
import { logIn, logOut } from './accounts.service';
import { SESSION_COOKIE } from './sessions';

export const loginRoute = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: { body: { content: { 'application/json': { schema: LoginBodySchema } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: ActorSchema } } },
    ...problemResponses(401, 422, 429, 500),
  },
});

export const logoutRoute = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Sign out: ends this session and clears the cookie',
  responses: {
    200: { description: 'Signed out', content: { 'application/json': { schema: ActorSchema } } },
    ...problemResponses(403, 500),
  },
});

export const meRoute = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Who the caller is',
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: ActorSchema } } },
    ...problemResponses(500),
  },
});

export const accountRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const { token, actor, expiresAt } = await logIn(c.var, {
      ...c.req.valid('json'),
      userAgent: c.req.header('user-agent'),
      address: clientAddress(c),
    });
    setSessionCookie(c, token, expiresAt);
    return c.json(actor, 200);
  })
  .openapi(logoutRoute, async (c) => {
    await logOut(c.var.db, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ kind: 'anonymous' as const }, 200);
  })
  .openapi(meRoute, (c) => c.json(c.var.actor, 200));

/** The session cookie: httpOnly, SameSite=Lax, and Secure when the site is reached over HTTPS. */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
    path: '/',
    expires: expiresAt,
  });
}

/** Whether the site was reached over HTTPS, directly or through a proxy that says so. */
export function isSecureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** The caller's address from the socket; requests made in-process (tests, server rendering) have none. */
export function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
