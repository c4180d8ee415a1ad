import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../server/http/context';
import { CSRF_COOKIE, csrfTokenFor } from '../../server/http/csrf';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { siteOrigin } from '../../server/http/site';
import {
  AcknowledgedSchema,
  ActorSchema,
  EndedSessionsSchema,
  LoginBodySchema,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  SessionHandleParamSchema,
  SessionListSchema,
} from './accounts.contract';
import { listMyRoles, logIn, logOut, signInAccount } from './accounts.service';
import { GrantViewSchema } from './invitations.contract';
import { completePasswordReset, requestPasswordReset } from './password-reset.service';
import { SESSION_COOKIE, sessionIdOf } from './sessions';
import { endAllSessions, endSession, listSessions } from './sessions.service';

export const loginRoute = defineRoute({
  operationId: 'logIn',
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
  operationId: 'logOut',
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
  operationId: 'getCurrentActor',
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

export const myRolesRoute = defineRoute({
  operationId: 'listMyRoles',
  method: 'get',
  path: '/api/auth/roles',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: "The caller's roles, with the cluster or organisation each is held for",
  responses: {
    200: {
      description: 'The roles',
      content: { 'application/json': { schema: z.object({ items: z.array(GrantViewSchema) }) } },
    },
    ...problemResponses(401, 500),
  },
});

export const requestPasswordResetRoute = defineRoute({
  operationId: 'requestPasswordReset',
  method: 'post',
  path: '/api/auth/password-reset',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Ask for a password-reset link by e-mail',
  description:
    'The answer is the same whether or not the address has an account, so it reveals nothing about who has one.',
  request: {
    body: { content: { 'application/json': { schema: PasswordResetRequestSchema } }, required: true },
  },
  responses: {
    202: {
      description: 'A link is on its way if the account exists',
      content: { 'application/json': { schema: AcknowledgedSchema } },
    },
    ...problemResponses(422, 500),
  },
});

export const completePasswordResetRoute = defineRoute({
  operationId: 'completePasswordReset',
  method: 'post',
  path: '/api/auth/password-reset/complete',
  gate: 'public',
  tags: ['Accounts'],
  summary: "Set a new password with a reset link's code; signs in and ends every other session",
  request: {
    body: { content: { 'application/json': { schema: PasswordResetCompleteSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'Password set and signed in',
      content: { 'application/json': { schema: ActorSchema } },
    },
    ...problemResponses(409, 422, 500),
  },
});

export const listSessionsRoute = defineRoute({
  operationId: 'listSessions',
  method: 'get',
  path: '/api/auth/sessions',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: "The caller's own sessions: where they are signed in",
  responses: {
    200: { description: 'Sessions', content: { 'application/json': { schema: SessionListSchema } } },
    ...problemResponses(401, 500),
  },
});

export const endSessionRoute = defineRoute({
  operationId: 'endSession',
  method: 'delete',
  path: '/api/auth/sessions/{id}',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: "End one of the caller's sessions",
  request: { params: SessionHandleParamSchema },
  responses: {
    200: { description: 'Ended', content: { 'application/json': { schema: EndedSessionsSchema } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const endAllSessionsRoute = defineRoute({
  operationId: 'endAllSessions',
  method: 'delete',
  path: '/api/auth/sessions',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: 'Log out everywhere: end every session of the account, this one included',
  responses: {
    200: { description: 'Ended', content: { 'application/json': { schema: EndedSessionsSchema } } },
    ...problemResponses(401, 403, 500),
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
    await logOut(c.var, getCookie(c, SESSION_COOKIE));
    clearSessionCookies(c);
    return c.json({ kind: 'anonymous' as const }, 200);
  })
  .openapi(meRoute, (c) => c.json(c.var.actor, 200))
  .openapi(myRolesRoute, async (c) => c.json({ items: await listMyRoles(c.var) }, 200))
  .openapi(requestPasswordResetRoute, async (c) => {
    await requestPasswordReset(c.var, c.req.valid('json').email, siteOrigin(c));
    return c.json(
      { message: 'If an account has this address, a link to set a new password is on its way.' },
      202,
    );
  })
  .openapi(completePasswordResetRoute, async (c) => {
    const { accountId } = await completePasswordReset(c.var, c.req.valid('json'));
    return c.json(await signInAs(c, accountId), 200);
  })
  .openapi(listSessionsRoute, async (c) => {
    const items = await listSessions(c.var, currentSessionId(c));
    return c.json({ items }, 200);
  })
  .openapi(endSessionRoute, async (c) => {
    await endSession(c.var, c.req.valid('param').id);
    return c.json({ ended: 1 }, 200);
  })
  .openapi(endAllSessionsRoute, async (c) => {
    const ended = await endAllSessions(c.var);
    clearSessionCookies(c);
    return c.json({ ended }, 200);
  });

function currentSessionId(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? sessionIdOf(token) : undefined;
}

/** Opens a session for an account that just proved who it is, sets the cookie and returns the actor. */
export async function signInAs(c: Context<AppEnv>, accountId: string) {
  const { token, expiresAt, actor } = await signInAccount(c.var, accountId, c.req.header('user-agent'));
  setSessionCookie(c, token, expiresAt);
  return actor;
}

/**
 * The session cookie: httpOnly, SameSite=Lax, and Secure when the site is reached over HTTPS.
 * Beside it, the session's CSRF token in a cookie the browser app can read.
 */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
    path: '/',
    expires: expiresAt,
  });
  setCsrfCookie(c, token, expiresAt);
}

export function setCsrfCookie(c: Context, sessionToken: string, expiresAt?: Date): void {
  setCookie(c, CSRF_COOKIE, csrfTokenFor(sessionToken), {
    sameSite: 'Lax',
    secure: isSecureRequest(c),
    path: '/',
    ...(expiresAt ? { expires: expiresAt } : {}),
  });
}

/** Signed out: both cookies go. */
export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
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
