import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { ListMailQuerySchema, MailPageSchema } from './mail.contract';
import { listMail } from './mail.service';

export const listMailRoute = defineRoute({
  operationId: 'listOutbox',
  method: 'get',
  path: '/api/mail',
  gate: 'mail.read',
  tags: ['Mail'],
  summary: 'The outbox: every message Klynge has sent or keeps, newest first',
  request: { query: ListMailQuerySchema },
  responses: {
    200: { description: 'A page of messages', content: { 'application/json': { schema: MailPageSchema } } },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const mailRoutes = createRouter().openapi(listMailRoute, async (c) =>
  c.json(await listMail(c.var, c.req.valid('query')), 200),
);
