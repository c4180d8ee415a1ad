import { z } from '@hono/zod-openapi';
import { PERMISSIONS, ROLES } from '../../shared/access';

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
      tokenPermissions: z
        .array(z.enum(PERMISSIONS))
        .optional()
        .openapi({ description: 'Present when the caller uses an API token: what the token may do' }),
    }),
  ])
  .openapi('Actor', { description: 'Who the caller is, and the roles they hold' });

export const PasswordResetRequestSchema = z
  .object({ email: z.string().trim().email('must be an e-mail address').max(320) })
  .openapi('PasswordResetRequest');

export const SecretLinkTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the code from the link');

export const PasswordResetCompleteSchema = z
  .object({ token: SecretLinkTokenSchema, password: z.string().min(1, 'is required').max(1_000) })
  .openapi('PasswordResetComplete');

export const AcknowledgedSchema = z.object({ message: z.string() }).openapi('Acknowledged');

export const SessionSchema = z
  .object({
    id: z.string().openapi({ description: 'A handle for the session (not the secret in the cookie)' }),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    current: z.boolean().openapi({ description: 'The session this request was made with' }),
  })
  .openapi('Session');

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).openapi('SessionList');

export const SessionHandleParamSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16}$/, 'must be a session id from the session list')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const EndedSessionsSchema = z.object({ ended: z.number().int() }).openapi('EndedSessions');

export const CreateApiTokenBodySchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).openapi({
      description: 'What the token may do: a subset of your own permissions; empty for read access only',
    }),
    expiresInDays: z.number().int().min(1).max(730).optional(),
  })
  .openapi('CreateApiTokenRequest');

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The start of the token, to recognise it by' }),
    permissions: z.array(z.enum(PERMISSIONS)),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().openapi({ description: 'The secret. Shown this once; store it now.' }),
}).openapi('CreatedApiToken');

export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) }).openapi('ApiTokenList');

export const ApiTokenIdParamSchema = z.object({
  id: z.uuid({ message: 'must be a token id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

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
  'linked_elsewhere',
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
  link: z.enum(['true', 'false']).optional().openapi({
    description:
      "true: link the provider's identity to the signed-in account instead of signing in (for providers such as ID-porten that give no e-mail address)",
  }),
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
