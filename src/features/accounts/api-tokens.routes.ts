import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  ApiTokenIdParamSchema,
  ApiTokenListSchema,
  ApiTokenSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
} from './accounts.contract';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service';

export const createApiTokenRoute = defineRoute({
  operationId: 'createApiToken',
  method: 'post',
  path: '/api/auth/tokens',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: 'Make an API token for an integration, acting as you with at most your permissions',
  description: 'Send it as `Authorization: Bearer <token>`. The secret is in this answer only.',
  request: {
    body: { content: { 'application/json': { schema: CreateApiTokenBodySchema } }, required: true },
  },
  responses: {
    201: { description: 'Made', content: { 'application/json': { schema: CreatedApiTokenSchema } } },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const listApiTokensRoute = defineRoute({
  operationId: 'listApiTokens',
  method: 'get',
  path: '/api/auth/tokens',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: "The caller's API tokens, with when each was last used",
  responses: {
    200: { description: 'Tokens', content: { 'application/json': { schema: ApiTokenListSchema } } },
    ...problemResponses(401, 403, 500),
  },
});

export const revokeApiTokenRoute = defineRoute({
  operationId: 'revokeApiToken',
  method: 'delete',
  path: '/api/auth/tokens/{id}',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: 'Withdraw an API token; it stops working at once',
  request: { params: ApiTokenIdParamSchema },
  responses: {
    200: { description: 'Withdrawn', content: { 'application/json': { schema: ApiTokenSchema } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const apiTokenRoutes = createRouter()
  .openapi(createApiTokenRoute, async (c) => c.json(await createApiToken(c.var, c.req.valid('json')), 201))
  .openapi(listApiTokensRoute, async (c) => c.json({ items: await listApiTokens(c.var) }, 200))
  .openapi(revokeApiTokenRoute, async (c) =>
    c.json(await revokeApiToken(c.var, c.req.valid('param').id), 200),
  );
