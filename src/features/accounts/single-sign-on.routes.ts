import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../server/http/context';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { safeReturnPath } from '../../shared/return-path';
import {
  AuthMethodsSchema,
  SingleSignOnCallbackQuerySchema,
  type SingleSignOnFailure,
  SingleSignOnStartQuerySchema,
} from './accounts.contract';
import { canLinkIdentity } from './accounts.policy';
import { isSecureRequest, setSessionCookie } from './accounts.routes';
import type { OidcClient } from './oidc-client';
import { FLOW_MINUTES, finishSingleSignOn, startSingleSignOn } from './single-sign-on.service';

const CALLBACK_PATH = '/api/auth/oidc/callback';
/** Holds the state of the sign-in this browser started, so a callback from another browser is refused. */
const FLOW_COOKIE = 'klynge_sso';
const FLOW_COOKIE_PATH = '/api/auth/oidc';

const redirectResponse = (description: string) => ({
  description,
  headers: z.object({ location: z.string().openapi({ description: 'Where the browser goes next' }) }),
});

export const authMethodsRoute = defineRoute({
  operationId: 'listSignInMethods',
  method: 'get',
  path: '/api/auth/methods',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'How people can sign in: password, and single sign-on when a provider is configured',
  responses: {
    200: {
      description: 'The sign-in methods',
      content: { 'application/json': { schema: AuthMethodsSchema } },
    },
    ...problemResponses(500),
  },
});

export const singleSignOnStartRoute = defineRoute({
  operationId: 'singleSignOnStart',
  method: 'get',
  path: '/api/auth/oidc/start',
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Begin single sign-on: sends the browser to the provider',
  request: { query: SingleSignOnStartQuerySchema },
  responses: {
    302: redirectResponse(
      'To the provider, or to the sign-in page with `sso_error` when it cannot be reached',
    ),
    ...problemResponses(422, 500),
  },
});

export const singleSignOnCallbackRoute = defineRoute({
  operationId: 'singleSignOnCallback',
  method: 'get',
  path: CALLBACK_PATH,
  gate: 'public',
  tags: ['Accounts'],
  summary: 'Where the provider sends the browser back; signs in and goes on to where the sign-in began',
  request: { query: SingleSignOnCallbackQuerySchema },
  responses: {
    302: redirectResponse('Signed in and on to `returnTo`, or to the sign-in page with `sso_error`'),
    ...problemResponses(422, 500),
  },
});

/** The address the provider sends people back to: on PUBLIC_URL when set, else on the address asked for. */
function redirectUri(c: Context<AppEnv>, publicUrl: string | undefined): string {
  return new URL(CALLBACK_PATH, publicUrl ?? c.req.url).href;
}

function toSignInPage(c: Context<AppEnv>, failure: SingleSignOnFailure, returnTo = '/') {
  const query = new URLSearchParams({ sso_error: failure });
  if (returnTo !== '/') query.set('next', returnTo);
  return c.redirect(`/login?${query}`, 302);
}

/** The path with one more query parameter. */
function withQuery(path: string, key: string, value: string): string {
  const url = new URL(path, 'http://klynge.invalid');
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

/** Single sign-on through the configured OpenID Connect provider, or routes that say there is none. */
export function singleSignOnRoutes(client: OidcClient | undefined, publicUrl: string | undefined) {
  return createRouter()
    .openapi(authMethodsRoute, (c) =>
      c.json(
        { password: true as const, singleSignOn: client ? { name: client.settings.displayName } : null },
        200,
      ),
    )
    .openapi(singleSignOnStartRoute, async (c) => {
      const query = c.req.valid('query');
      const returnTo = safeReturnPath(query.returnTo);
      const actor = c.var.actor;
      const linking = query.link === 'true';
      if (linking && !canLinkIdentity(actor)) {
        return c.redirect(`/login?${new URLSearchParams({ next: returnTo })}`, 302);
      }
      if (!client) return toSignInPage(c, 'unavailable', returnTo);
      const started = await startSingleSignOn(c.var, client, {
        redirectUri: redirectUri(c, publicUrl),
        returnTo,
        linkAccountId: linking && actor.kind === 'account' ? actor.accountId : undefined,
      });
      if (!started.ok) return toSignInPage(c, started.failure, returnTo);
      setCookie(c, FLOW_COOKIE, started.state, {
        httpOnly: true,
        // Lax still sends it on the provider's top-level redirect back to the callback.
        sameSite: 'Lax',
        secure: isSecureRequest(c),
        path: FLOW_COOKIE_PATH,
        maxAge: FLOW_MINUTES * 60,
      });
      return c.redirect(started.authorizationUrl.href, 302);
    })
    .openapi(singleSignOnCallbackRoute, async (c) => {
      const query = c.req.valid('query');
      if (!client) return toSignInPage(c, 'unavailable');
      const browserState = getCookie(c, FLOW_COOKIE);
      deleteCookie(c, FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      // The redirect URI as registered, so the token request names the same one the browser used.
      const callbackUrl = new URL(redirectUri(c, publicUrl));
      callbackUrl.search = new URL(c.req.url).search;
      const result = await finishSingleSignOn(c.var, client, {
        callbackUrl,
        state: query.state,
        browserState,
        providerError: query.error,
        userAgent: c.req.header('user-agent'),
      });
      if ('linked' in result) return c.redirect(withQuery(result.returnTo, 'sso_linked', 'true'), 302);
      if (!result.ok) {
        // A failed link goes back to where it began (the account page), still signed in.
        if (c.var.actor.kind === 'account') {
          return c.redirect(withQuery(result.returnTo, 'sso_error', result.failure), 302);
        }
        return toSignInPage(c, result.failure, result.returnTo);
      }
      setSessionCookie(c, result.token, result.expiresAt);
      return c.redirect(result.returnTo, 302);
    });
}
