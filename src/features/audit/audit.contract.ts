import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { isIsoDate } from '../../shared/dates';

const OsloDateSchema = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

/** What the trail can be narrowed to; the list and the CSV export take the same filters. */
const AuditFilterShape = {
  action: z.string().trim().min(1).max(100).optional().openapi({ example: 'membership.created' }),
  entityType: z.string().trim().min(1).max(60).optional().openapi({ example: 'membership' }),
  entityId: z.string().trim().min(1).max(100).optional(),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "Part of the actor's name, in any case" }),
  actorAccountId: z.string().uuid('must be an account id (a UUID)').optional(),
  cluster: z.string().trim().min(1).max(100).optional().openapi({
    description: 'The slug of the cluster the change concerns',
    example: 'arctic-cluster-team',
  }),
  from: OsloDateSchema.optional().openapi({ description: 'First day, inclusive (Europe/Oslo)' }),
  to: OsloDateSchema.optional().openapi({ description: 'Last day, inclusive (Europe/Oslo)' }),
};

function checkPeriod(query: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (query.from && query.to && query.to < query.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after the from date' });
  }
}

export const AuditFilterSchema = z.object(AuditFilterShape).superRefine(checkPeriod);
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const ListAuditEventsQuerySchema = PageQuerySchema.extend(AuditFilterShape).superRefine(checkPeriod);
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuerySchema>;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actorName: z.string(),
    actorAccountId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    entityName: z.string().nullable().openapi({
      description: 'What the entity was called when the change was made; null where not recorded',
    }),
    clusterId: z.string().nullable(),
    cluster: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'The cluster the change concerns, if it still exists' }),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEvent');

export const AuditEventPageSchema = pageOf(AuditEventSchema).openapi('AuditEventPage');
export type AuditEventView = z.infer<typeof AuditEventSchema>;

export const AuditActionListSchema = z
  .object({
    items: z
      .array(z.string())
      .openapi({ description: 'Each action recorded in the part of the trail the caller reads, once' }),
  })
  .openapi('AuditActionList');
