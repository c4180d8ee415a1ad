import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { SlugParamSchema } from '../clusters/clusters.contract';
import { OrgnrParamSchema } from '../organisations/orgnr.contract';
import {
  AddedMemberSchema,
  AddMemberBodySchema,
  ListMembersQuerySchema,
  MemberPageSchema,
  MemberSchema,
  UpdateMemberBodySchema,
} from './memberships.contract';
import { addMember, listMembers, updateMember } from './memberships.service';

export const listMembersRoute = defineRoute({
  operationId: 'listClusterMembers',
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

export const addMemberRoute = defineRoute({
  operationId: 'addClusterMember',
  method: 'post',
  path: '/api/clusters/{slug}/members',
  gate: 'memberships.manage',
  tags: ['Clusters'],
  summary: 'Add a partner by organisation number, filled from the register copy',
  request: {
    params: SlugParamSchema,
    body: { content: { 'application/json': { schema: AddMemberBodySchema } }, required: true },
  },
  responses: {
    201: {
      description: 'The new partnership',
      content: { 'application/json': { schema: AddedMemberSchema } },
    },
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const updateMemberRoute = defineRoute({
  operationId: 'updateClusterMember',
  method: 'patch',
  path: '/api/clusters/{slug}/members/{orgnr}',
  gate: 'memberships.manage',
  tags: ['Clusters'],
  summary: 'Change a current partnership: its role, agreement date, or the day it ends',
  request: {
    params: SlugParamSchema.merge(OrgnrParamSchema),
    body: { content: { 'application/json': { schema: UpdateMemberBodySchema } }, required: true },
  },
  responses: {
    200: {
      description: 'The partnership after the change',
      content: { 'application/json': { schema: MemberSchema } },
    },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const membershipRoutes = createRouter()
  .openapi(listMembersRoute, async (c) =>
    c.json(await listMembers(c.var, c.req.valid('param').slug, c.req.valid('query')), 200),
  )
  .openapi(addMemberRoute, async (c) =>
    c.json(await addMember(c.var, c.req.valid('param').slug, c.req.valid('json')), 201),
  )
  .openapi(updateMemberRoute, async (c) => {
    const { slug, orgnr } = c.req.valid('param');
    return c.json(await updateMember(c.var, slug, orgnr, c.req.valid('json')), 200);
  });
