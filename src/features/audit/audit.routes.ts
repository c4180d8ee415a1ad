import { z } from '@hono/zod-openapi';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { attachment, textStream } from '../../server/http/stream';
import {
  AuditActionListSchema,
  AuditEventPageSchema,
  AuditFilterSchema,
  ListAuditEventsQuerySchema,
} from './audit.contract';
import { type ClusterDirectory, exportAuditCsv, listAuditActions, listAuditEvents } from './audit.service';

export const listAuditEventsRoute = defineRoute({
  operationId: 'listAuditEvents',
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

export const exportAuditEventsRoute = defineRoute({
  operationId: 'exportAuditEvents',
  method: 'get',
  path: '/api/audit-events.csv',
  gate: 'audit.read',
  tags: ['Audit'],
  summary: 'The audit trail as CSV (UTF-8), with the same filters and scope as the list, newest first',
  request: { query: AuditFilterSchema },
  responses: {
    200: {
      description:
        'One row per event: times in UTC and Europe/Oslo, actor, action, entity, cluster, before and after as JSON',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const listAuditActionsRoute = defineRoute({
  operationId: 'listAuditActions',
  method: 'get',
  path: '/api/audit-actions',
  gate: 'audit.read',
  tags: ['Audit'],
  summary: 'The actions recorded in the part of the audit trail the caller may read, for filtering by one',
  responses: {
    200: {
      description: 'The actions, in alphabetical order',
      content: { 'application/json': { schema: AuditActionListSchema } },
    },
    ...problemResponses(401, 403, 500),
  },
});

/** The trail's routes; `clusters` names the clusters its events concern (see `ClusterDirectory`). */
export const auditRoutes = (clusters: ClusterDirectory) =>
  createRouter()
    .openapi(listAuditActionsRoute, async (c) => c.json(await listAuditActions(c.var), 200))
    .openapi(listAuditEventsRoute, async (c) =>
      c.json(await listAuditEvents(c.var, c.req.valid('query'), clusters), 200),
    )
    .openapi(exportAuditEventsRoute, async (c) => {
      const { filename, chunks } = await exportAuditCsv(c.var, c.req.valid('query'), clusters);
      const body = textStream(c, chunks, 'audit export');
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment(filename),
        'cache-control': 'no-store',
      });
    });
