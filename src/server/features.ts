import type { OpenAPIHono } from '@hono/zod-openapi';
import { accountRoutes } from '../features/accounts/accounts.routes';
import { apiTokenRoutes } from '../features/accounts/api-tokens.routes';
import { invitationRoutes } from '../features/accounts/invitations.routes';
import { createOidcClient, type SingleSignOnSettings } from '../features/accounts/oidc-client';
import { singleSignOnRoutes } from '../features/accounts/single-sign-on.routes';
import { auditRoutes } from '../features/audit/audit.routes';
import { clusterRoutes } from '../features/clusters/clusters.routes';
import { mailRoutes } from '../features/mail/mail.routes';
import { membershipRoutes } from '../features/memberships/memberships.routes';
import { organisationRoutes } from '../features/organisations/organisations.routes';
import { personalDataRoutes } from '../features/personal-data/personal-data.routes';
import { programmeRoutes } from '../features/programme/programme.routes';
import type { AppEnv } from './http/context';

/** What a feature's routers may need from the application that mounts them. */
export type RouterDeps = {
  /** The address people use, when a proxy sits in front. */
  publicUrl?: string;
  /** The OpenID Connect provider people may sign in through; none when absent. */
  singleSignOn?: SingleSignOnSettings;
};

export type Feature = {
  name: string;
  /** The feature's routers, built for one application and mounted in this order. */
  routers: (deps: RouterDeps) => OpenAPIHono<AppEnv>[];
};

/**
 * Every feature, in the order of decision 015: a feature may import values only from features
 * before it. `createApp` mounts the routers in this order, so the OpenAPI document lists the paths
 * in it too. `src/server/import-graph.test.ts` reads this list.
 */
export const FEATURES = [
  { name: 'audit', routers: () => [auditRoutes] },
  { name: 'programme', routers: () => [programmeRoutes] },
  { name: 'reference', routers: () => [] },
  { name: 'organisations', routers: () => [organisationRoutes] },
  { name: 'clusters', routers: () => [clusterRoutes] },
  { name: 'memberships', routers: () => [membershipRoutes] },
  { name: 'mail', routers: () => [mailRoutes] },
  {
    name: 'accounts',
    routers: ({ singleSignOn, publicUrl }) => [
      accountRoutes,
      apiTokenRoutes,
      invitationRoutes,
      singleSignOnRoutes(singleSignOn && createOidcClient(singleSignOn), publicUrl),
    ],
  },
  { name: 'personal-data', routers: () => [personalDataRoutes] },
] as const satisfies readonly Feature[];

export type FeatureName = (typeof FEATURES)[number]['name'];
