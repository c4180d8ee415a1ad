import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { ClusterProfileSchema, NewFormingNetworkSchema } from '../clusters/clusters.contract';
import { registerFormingNetwork } from './forming-networks.service';

export const registerFormingNetworkRoute = defineRoute({
  operationId: 'registerFormingNetwork',
  method: 'post',
  path: '/api/clusters',
  gate: 'signed_in',
  tags: ['Clusters'],
  summary: 'Register a forming network to apply to the programme; the caller becomes its cluster manager',
  description:
    'The network gets the status forming and a slug made from its name. It stays out of the public registry and counts, and only its own people and programme staff see its profile, until a decision admits it.',
  request: {
    body: { content: { 'application/json': { schema: NewFormingNetworkSchema } }, required: true },
  },
  responses: {
    201: {
      description: 'The forming network, as its manager sees it',
      content: { 'application/json': { schema: ClusterProfileSchema } },
    },
    ...problemResponses(401, 403, 409, 422, 500),
  },
});

export const formingNetworkRoutes = createRouter().openapi(registerFormingNetworkRoute, async (c) =>
  c.json(await registerFormingNetwork(c.var, c.req.valid('json')), 201),
);
