import { z } from '@hono/zod-openapi';
import { ROLES } from '../../shared/access';

export const LoginBodySchema = z
  .object({
    email: z.string().trim().email('must be an e-mail address').max(320),
    password: z.string().min(1, 'is required').max(1_000),
  })
  .openapi('LoginRequest');

export const RoleGrantSchema = z
  .object({ role: z.enum(ROLES), clusterId: z.string().nullable(), organisationId: z.string().nullable() })
  .openapi('RoleGrant');

export const ActorSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('anonymous') }),
    z.object({
      kind: z.literal('account'),
      accountId: z.string(),
      personId: z.string(),
      name: z.string(),
      email: z.string(),
      grants: z.array(RoleGrantSchema),
    }),
  ])
  .openapi('Actor', { description: 'Who the caller is, and the roles they hold' });

/**
 * Why a single sign-on did not sign anyone in. The sign-in page shows each as a translated
 * message; none says whether an account exists.
 */
export const SINGLE_SIGN_ON_FAILURES = [
  'unavailable',
  'cancelled',
  'stale',
  'failed',
  'unverified',
  'no_account',
] as const;
export type SingleSignOnFailure = (typeof SINGLE_SIGN_ON_FAILURES)[number];

export const AuthMethodsSchema = z
  .object({
    password: z.literal(true),
    singleSignOn: z
      .object({ name: z.string().openapi({ example: 'ID-porten' }) })
      .nullable()
      .openapi({ description: 'The single sign-on provider, or null when none is configured' }),
  })
  .openapi('AuthMethods');

export const SingleSignOnStartQuerySchema = z.object({
  returnTo: z
    .string()
    .max(2_000)
    .optional()
    .openapi({ description: 'A path on this site to go to afterwards; anything else means /', example: '/' }),
});

/** What the provider sends back: a code and the state, or an error. Checked by the service, not here. */
export const SingleSignOnCallbackQuerySchema = z.object({
  state: z.string().max(500).optional(),
  code: z.string().max(4_000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2_000).optional(),
  iss: z.string().max(2_000).optional(),
  session_state: z.string().max(2_000).optional(),
});
