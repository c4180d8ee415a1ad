import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { SlugParamSchema } from '../clusters/clusters.contract';
import { ClusterStateAidSchema } from './state-aid.contract';
import { getClusterStateAid } from './state-aid.service';

export const getClusterStateAidRoute = defineRoute({
  operationId: 'getClusterStateAid',
  method: 'get',
  path: '/api/clusters/{slug}/state-aid',
  gate: 'budget.read',
  tags: ['State aid'],
  summary:
    "A cluster's state-aid clock: years of operating aid used of the programme's cap, and the engagements that count",
  request: { params: SlugParamSchema },
  responses: {
    200: {
      description: 'The clock and the engagements that count',
      content: { 'application/json': { schema: ClusterStateAidSchema } },
    },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const stateAidRoutes = createRouter().openapi(getClusterStateAidRoute, async (c) =>
  c.json(await getClusterStateAid(c.var, c.req.valid('param').slug), 200),
);
