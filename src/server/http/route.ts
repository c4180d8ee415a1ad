import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { hasPermission, type Permission } from '../../shared/access';
import { AppError } from './app-error';
import type { AppEnv } from './context';
import { cacheAnonymousReads } from './read-cache';

/**
 * Who may call a route. Every route declares one; the declaration is part of the OpenAPI
 * document (`x-gate`) so a test can prove no route lacks it.
 * - `public`: anyone, signed in or not;
 * - `signed_in`: any account;
 * - a permission: an account holding it somewhere. Whether it holds it for the resource at
 *   hand is the feature's policy, checked in its service.
 */
export type Gate = 'public' | 'signed_in' | Permission;

export type GatedRouteConfig = RouteConfig & {
  gate: Gate;
  /** The operation's name in the OpenAPI document: what a generated client calls the method. */
  operationId: string;
  /**
   * 'anonymous': anonymous GETs may be answered from the read cache, up to a few seconds old.
   * Only for public answers that are the same for every anonymous reader.
   */
  readCache?: 'anonymous';
};

function gateMiddleware(gate: Gate) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (gate !== 'public') {
      const actor = c.var.actor;
      if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to do this.');
      if (gate !== 'signed_in' && !hasPermission(actor, gate)) {
        throw new AppError('forbidden', 'Your roles do not allow this.');
      }
    }
    await next();
  });
}

/** The names of the two ways to say who is calling, as the OpenAPI document's security schemes. */
export const SESSION_SCHEME = 'session';
export const TOKEN_SCHEME = 'apiToken';

/**
 * What the OpenAPI document says a route needs, from its gate: a session or an API token, or for a
 * public route either or nothing (`{}`), since some public answers say more to a signed-in reader.
 */
function securityOf(gate: Gate) {
  const signedIn = [{ [SESSION_SCHEME]: [] }, { [TOKEN_SCHEME]: [] }];
  return gate === 'public' ? [{}, ...signedIn] : signedIn;
}

/** The one way to declare an endpoint: its contract, its gate and its documentation together. */
export function defineRoute<const R extends GatedRouteConfig>(config: R) {
  const { gate, readCache, ...route } = config;
  const middleware = [gateMiddleware(gate), ...(readCache ? [cacheAnonymousReads()] : [])];
  return createRoute({ ...route, middleware, security: securityOf(gate), 'x-gate': gate } as Omit<
    R,
    'gate' | 'readCache'
  > & {
    'x-gate': Gate;
  });
}
