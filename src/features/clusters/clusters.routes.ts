import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  ClusterPageSchema,
  ClusterProfileSchema,
  ListClustersQuerySchema,
  SlugParamSchema,
  UpdateClusterBodySchema,
} from './clusters.contract';
import {
  type ClusterPartners,
  getClusterProfile,
  listClusters,
  updateClusterProfile,
} from './clusters.service';

export const listClustersRoute = defineRoute({
  operationId: 'listClusters',
  method: 'get',
  path: '/api/clusters',
  gate: 'public',
  readCache: 'anonymous',
  tags: ['Clusters'],
  summary: 'The cluster registry: search, filter and page through clusters',
  request: { query: ListClustersQuerySchema },
  responses: {
    200: {
      description: 'A page of clusters',
      content: { 'application/json': { schema: ClusterPageSchema } },
    },
    ...problemResponses(422, 500),
  },
});

export const getClusterRoute = defineRoute({
  operationId: 'getCluster',
  method: 'get',
  path: '/api/clusters/{slug}',
  gate: 'public',
  readCache: 'anonymous',
  tags: ['Clusters'],
  summary: 'A cluster profile: current level, level history, hub links and partner statistics',
  request: { params: SlugParamSchema },
  responses: {
    200: { description: 'The cluster', content: { 'application/json': { schema: ClusterProfileSchema } } },
    ...problemResponses(404, 422, 500),
  },
});

export const updateClusterRoute = defineRoute({
  operationId: 'updateCluster',
  method: 'patch',
  path: '/api/clusters/{slug}',
  gate: 'clusters.edit',
  tags: ['Clusters'],
  summary: "Change a cluster's profile: its managers their own cluster, programme staff any",
  request: {
    params: SlugParamSchema,
    body: { content: { 'application/json': { schema: UpdateClusterBodySchema } }, required: true },
  },
  responses: {
    200: {
      description: 'The profile after the change',
      content: { 'application/json': { schema: ClusterProfileSchema } },
    },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

/** The registry's routes; `partners` counts each cluster's partners (see `ClusterPartners`). */
export const clusterRoutes = (partners: ClusterPartners) =>
  createRouter()
    .openapi(listClustersRoute, async (c) =>
      c.json(await listClusters(c.var, c.req.valid('query'), partners), 200),
    )
    .openapi(getClusterRoute, async (c) =>
      c.json(await getClusterProfile(c.var, c.req.valid('param').slug, partners), 200),
    )
    .openapi(updateClusterRoute, async (c) =>
      c.json(
        await updateClusterProfile(c.var, c.req.valid('param').slug, c.req.valid('json'), partners),
        200,
      ),
    );
