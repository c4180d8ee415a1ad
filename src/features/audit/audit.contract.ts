import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';

export const ListAuditEventsQuerySchema = PageQuerySchema.extend({
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
});

export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuerySchema>;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    clusterId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEvent');

export const AuditEventPageSchema = pageOf(AuditEventSchema).openapi('AuditEventPage');
export type AuditEventView = z.infer<typeof AuditEventSchema>;
