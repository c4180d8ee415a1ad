import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { ROLES } from '../../shared/access';
import { LOCALES } from '../../shared/localized';
import { MailStateSchema } from '../mail/mail.contract';
import { OrgnrSchema } from '../organisations/orgnr.contract';

export const InvitedGrantSchema = z
  .object({
    role: z.enum(ROLES),
    cluster: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Slug of the cluster, for cluster_manager and cluster_staff',
      example: 'arctic-cluster-team',
    }),
    organisation: OrgnrSchema.optional().openapi({ description: 'Orgnr, for partner_contact' }),
  })
  .openapi('InvitedGrant');
export type InvitedGrant = z.infer<typeof InvitedGrantSchema>;

export const CreateInvitationBodySchema = z
  .object({
    email: z.string().trim().email('must be an e-mail address').max(320),
    name: z.string().trim().min(1, 'is required').max(200),
    grants: z.array(InvitedGrantSchema).min(1, 'name at least one role').max(20),
    language: z.enum(LOCALES).optional().openapi({
      description:
        'The language the person reads, for their mail; when absent, the one the caller reads Klynge in (the lang cookie, then Accept-Language)',
    }),
  })
  .openapi('CreateInvitationRequest');
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>;

export const INVITATION_STATES = ['open', 'accepted', 'expired', 'revoked'] as const;

export const GrantViewSchema = z
  .object({
    role: z.enum(ROLES),
    cluster: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    organisation: z.object({ id: z.string(), orgnr: z.string(), name: z.string() }).nullable(),
  })
  .openapi('GrantView');
export type GrantView = z.infer<typeof GrantViewSchema>;

export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    grants: z.array(GrantViewSchema),
    state: z.enum(INVITATION_STATES),
    language: z.enum(LOCALES).openapi({ description: 'The language of the mail' }),
    mail: MailStateSchema.nullable().openapi({
      description: 'Where the invitation’s mail stands; null when the message is gone from the outbox',
    }),
    invitedBy: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
  })
  .openapi('Invitation');
export type InvitationView = z.infer<typeof InvitationSchema>;

export const InvitationPageSchema = pageOf(InvitationSchema).openapi('InvitationPage');
export const ListInvitationsQuerySchema = PageQuerySchema.extend({
  state: z.enum(INVITATION_STATES).optional(),
});
export type ListInvitationsQuery = z.infer<typeof ListInvitationsQuerySchema>;

export const InvitationIdParamSchema = z.object({
  id: z.uuid({ message: 'must be an invitation id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export const InvitationTokenParamSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the code from the invitation link')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

/** What the holder of an invitation link sees before accepting. */
export const InvitationPreviewSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    grants: z.array(GrantViewSchema),
    state: z.enum(INVITATION_STATES),
    expiresAt: z.string(),
    /** An account with this e-mail exists: accepting adds the roles to it, after signing in as it. */
    existingAccount: z.boolean(),
  })
  .openapi('InvitationPreview');
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const AcceptInvitationBodySchema = z
  .object({
    token: InvitationTokenParamSchema.shape.token,
    name: z.string().trim().min(1, 'is required').max(200).optional(),
    password: z.string().min(1, 'is required').max(1_000).optional(),
  })
  .openapi('AcceptInvitationRequest');
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBodySchema>;
