import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { hasPermission, type Permission } from '../../shared/access';
import { AppError } from './app-error';
import type { AppEnv } from './context';
import { problemResponses } from './problem';
import { cacheAnonymousReads } from './read-cache';
import { refuseUnstorableText } from './storable-text';

/**
 * Who may call a route. Every route declares one; the declaration is part of the OpenAPI
 * document (`x-gate`) so a test can prove no route lacks it.
 * - `public`: anyone, signed in or not;
 * - `signed_in`: any account;
 * - a permission: an account holding it somewhere. Whether it holds it for the resource at
 *   hand is the feature's policy, checked in its service.
 *
 * An API token acts only through the permissions it was given: a write whose gate names no
 * permission (signing in, sessions, tokens, invitations, anything about the account itself) is
 * refused to every token, so a read-only token stays read-only.
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

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function gateMiddleware(gate: Gate) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const actor = c.var.actor;
    const isPermission = gate !== 'public' && gate !== 'signed_in';
    if (actor.kind === 'account' && actor.tokenPermissions && !isPermission && !READS.has(c.req.method)) {
      throw new AppError(
        'forbidden',
        'An API token cannot do this: it acts on the account itself. Sign in with a browser session instead.',
      );
    }
    if (gate !== 'public') {
      if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to do this.');
      if (gate !== 'signed_in' && !hasPermission(actor, gate)) {
        throw new AppError(
          'forbidden',
          actor.tokenPermissions && !actor.tokenPermissions.includes(gate)
            ? `This API token was not given the permission ${gate}.`
            : 'Your roles do not allow this.',
        );
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
 * A write no permission names takes no token (see `gateMiddleware`).
 */
function securityOf(gate: Gate, method: string) {
  const tokens = (gate !== 'public' && gate !== 'signed_in') || READS.has(method.toUpperCase());
  const signedIn = [{ [SESSION_SCHEME]: [] }, ...(tokens ? [{ [TOKEN_SCHEME]: [] }] : [])];
  return gate === 'public' ? [{}, ...signedIn] : signedIn;
}

/**
 * The one way to declare an endpoint: its contract, its gate and its documentation together. Every
 * route refuses text the database cannot store before its contract runs, and a route that reads a
 * body refuses one that is not JSON (415, documented here so no route has to list it).
 */
export function defineRoute<const R extends GatedRouteConfig>(config: R) {
  const { gate, readCache, ...route } = config;
  const body = route.request?.body !== undefined;
  const middleware = [
    gateMiddleware(gate),
    refuseUnstorableText({ body }),
    ...(readCache ? [cacheAnonymousReads()] : []),
  ];
  // Any endpoint may find its database away (decision 019); the document says so for each. No
  // handler returns it (onError does), so the route's type leaves it out. A route with a body
  // refuses one that is not JSON (415).
  const responses = {
    ...problemResponses(503),
    ...(body ? problemResponses(415) : {}),
    ...route.responses,
  };
  return createRoute({
    ...route,
    responses,
    middleware,
    security: securityOf(gate, route.method),
    'x-gate': gate,
  } as Omit<R, 'gate' | 'readCache'> & {
    'x-gate': Gate;
  });
}
