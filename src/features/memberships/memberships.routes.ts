import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { SlugParamSchema } from '../clusters/clusters.contract';
import { getClusterId } from '../clusters/clusters.service';
import { ListMembersQuerySchema, MemberPageSchema } from './memberships.contract';
import { listMembers } from './memberships.service';

export const listMembersRoute = defineRoute({
  method: 'get',
  path: '/api/clusters/{slug}/members',
  gate: 'public',
  tags: ['Clusters'],
  summary: "A page of a cluster's partners, in Norwegian alphabetical order",
  request: { params: SlugParamSchema, query: ListMembersQuerySchema },
  responses: {
    200: {
      description: 'A page of memberships',
      content: { 'application/json': { schema: MemberPageSchema } },
    },
    ...problemResponses(404, 422, 500),
  },
});

export const membershipRoutes = createRouter().openapi(listMembersRoute, async (c) => {
  const clusterId = await getClusterId(c.var.db, c.req.valid('param').slug);
  return c.json(await listMembers(c.var, clusterId, c.req.valid('query')), 200);
});
