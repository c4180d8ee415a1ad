import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { PERMISSIONS } from '../../shared/access';
import { RoleGrantSchema } from '../accounts/accounts.contract';
import { AuditEventSchema } from '../audit/audit.contract';

export const PersonIdParamSchema = z.object({
  id: z
    .string()
    .uuid('must be a person id (a UUID)')
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f2b6c1e-8a4d-4e2b-9c61-0f5d7a9b2c10' }),
});

export const ListPersonsQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Part of the name or the e-mail address, in any case', example: 'nordmann' }),
});
export type ListPersonsQuery = z.infer<typeof ListPersonsQuerySchema>;

const AccountStatusSchema = z.enum(['active', 'disabled']);

export const PersonSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    erasedAt: z.string().nullable(),
    accountStatus: AccountStatusSchema.nullable().openapi({ description: 'null: the person has no account' }),
  })
  .openapi('PersonSummary');
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PersonPageSchema = pageOf(PersonSummarySchema).openapi('PersonPage');

export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    erasedAt: z.string().nullable(),
    createdAt: z.string(),
    account: z
      .object({
        id: z.string(),
        email: z.string(),
        status: AccountStatusSchema,
        lastLoginAt: z.string().nullable(),
        createdAt: z.string(),
        grants: z.array(RoleGrantSchema),
        sessions: z.number().int().openapi({ description: 'Sessions open now' }),
        apiTokens: z.number().int(),
        singleSignOnIdentities: z.number().int(),
      })
      .nullable(),
  })
  .openapi('Person');
export type PersonView = z.infer<typeof PersonSchema>;

export const ErasePersonBodySchema = z
  .object({
    confirmation: z.string().trim().min(1, 'is required').max(320).openapi({
      description: "The person's e-mail address or full name, typed again to confirm",
    }),
  })
  .openapi('ErasePersonRequest');
export type ErasePersonBody = z.infer<typeof ErasePersonBodySchema>;

export const ErasureSchema = z
  .object({
    person: PersonSchema,
    removed: z.object({
      sessions: z.number().int(),
      apiTokens: z.number().int(),
      singleSignOnIdentities: z.number().int(),
      passwordResets: z.number().int(),
      invitations: z.number().int().openapi({ description: 'Invitations to the person never accepted' }),
      roleGrants: z.number().int(),
      mailMessages: z.number().int(),
    }),
    auditEvents: z.object({
      renamed: z.number().int().openapi({ description: 'Events by the person, now under a neutral name' }),
      redacted: z.number().int().openapi({ description: 'Events whose values held their name or address' }),
    }),
  })
  .openapi('Erasure');
export type Erasure = z.infer<typeof ErasureSchema>;

const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  grants: z.array(RoleGrantSchema),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Documents the export; the route streams it, so its audit events are never held in memory at once. */
export const PersonExportSchema = z
  .object({
    exportedAt: z.string(),
    person: PersonSchema.omit({ account: true }),
    account: z
      .object({
        id: z.string(),
        email: z.string(),
        status: AccountStatusSchema,
        hasPassword: z.boolean(),
        lastLoginAt: z.string().nullable(),
        createdAt: z.string(),
      })
      .nullable(),
    roleGrants: z.array(RoleGrantSchema.extend({ createdAt: z.string() })),
    sessions: z.array(
      z.object({
        createdAt: z.string(),
        lastSeenAt: z.string(),
        expiresAt: z.string(),
        userAgent: z.string().nullable(),
      }),
    ),
    apiTokens: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        prefix: z.string(),
        permissions: z.array(z.enum(PERMISSIONS)),
        createdAt: z.string(),
        expiresAt: z.string().nullable(),
        lastUsedAt: z.string().nullable(),
        revokedAt: z.string().nullable(),
      }),
    ),
    invitationsReceived: z.array(InvitationSchema),
    invitationsSent: z.array(
      InvitationSchema.omit({ email: true, name: true }).openapi({
        description: 'Whom they invited is the invitee’s personal data, not theirs, and is left out',
      }),
    ),
    singleSignOnIdentities: z.array(
      z.object({
        issuer: z.string(),
        subject: z.string(),
        createdAt: z.string(),
        lastLoginAt: z.string().nullable(),
      }),
    ),
    mailMessages: z.array(
      z
        .object({
          toAddress: z.string(),
          subject: z.string(),
          kind: z.string(),
          status: z.string(),
          createdAt: z.string(),
          sentAt: z.string().nullable(),
        })
        .openapi({ description: 'Mail sent to them; bodies are left out because they hold sign-in links' }),
    ),
    auditEvents: z.array(AuditEventSchema).openapi({ description: 'What they did, newest first' }),
  })
  .openapi('PersonExport');
