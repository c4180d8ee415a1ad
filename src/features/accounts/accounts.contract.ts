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
