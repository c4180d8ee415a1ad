import { createRoute, type RouteConfig } from '@hono/zod-openapi';

/**
 * Who may call a route. Every route declares one; the declaration is part of the OpenAPI
 * document (`x-gate`) so a test can prove no route lacks it. `public` routes answer anyone,
 * signed in or not.
 */
export type Gate = 'public';

export type GatedRouteConfig = RouteConfig & { gate: Gate };

/** The one way to declare an endpoint: its contract, its gate and its documentation together. */
export function defineRoute<const R extends GatedRouteConfig>(config: R) {
  const { gate, ...route } = config;
  return createRoute({ ...route, 'x-gate': gate } as Omit<R, 'gate'> & { 'x-gate': Gate });
}
