import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { AuditEventPageSchema, ListAuditEventsQuerySchema } from './audit.contract';
import { listAuditEvents } from './audit.service';

export const listAuditEventsRoute = defineRoute({
  method: 'get',
  path: '/api/audit-events',
  gate: 'audit.read',
  tags: ['Audit'],
  summary:
    'The audit trail, newest first: all of it for programme staff, their cluster’s for a cluster manager',
  request: { query: ListAuditEventsQuerySchema },
  responses: {
    200: {
      description: 'A page of audit events',
      content: { 'application/json': { schema: AuditEventPageSchema } },
    },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const auditRoutes = createRouter().openapi(listAuditEventsRoute, async (c) =>
  c.json(await listAuditEvents(c.var, c.req.valid('query')), 200),
);
