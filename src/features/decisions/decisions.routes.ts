import type { z } from '@hono/zod-openapi';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  AnnouncementQuerySchema,
  AnnouncementSchema,
  ApplicationIdParamSchema,
  CallIdParamSchema,
  ClusterEngagementsSchema,
  ClusterSlugParamSchema,
  DecisionBodySchema,
  DecisionSchema,
  EngagementParamSchema,
  ExtendBodySchema,
  PublishBodySchema,
  PublishResultSchema,
  RoundSchema,
} from './decisions.contract';
import {
  draftDecision,
  extendEngagementByDecision,
  getAnnouncement,
  getApplicationDecision,
  getRound,
  listClusterEngagements,
  publishRound,
} from './decisions.service';

const TAGS = ['Decisions'];

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const getRoundRoute = defineRoute({
  operationId: 'listCallDecisions',
  method: 'get',
  path: '/api/calls/{id}/decisions',
  gate: 'decisions.draft',
  tags: TAGS,
  summary:
    "The call's decisions for programme staff, each with the years the round would take over the frame and the cluster's state-aid clock",
  request: { params: CallIdParamSchema },
  responses: {
    200: json('The round', RoundSchema),
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const draftDecisionRoute = defineRoute({
  operationId: 'draftDecision',
  method: 'put',
  path: '/api/applications/{id}/decision',
  gate: 'decisions.draft',
  tags: TAGS,
  summary:
    'Drafts the decision on an application of a closed call: admit (at a level, for a period, with a grant per year) or reject, with conditions and the letter',
  request: { params: ApplicationIdParamSchema, ...body(DecisionBodySchema) },
  responses: {
    200: json('The draft', DecisionSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const getApplicationDecisionRoute = defineRoute({
  operationId: 'getApplicationDecision',
  method: 'get',
  path: '/api/applications/{id}/decision',
  gate: 'signed_in',
  tags: TAGS,
  summary:
    'The decision on an application and its letter: for the applicant once published, for staff also as a draft',
  request: { params: ApplicationIdParamSchema },
  responses: {
    200: json('The decision', DecisionSchema),
    ...problemResponses(401, 404, 422, 500),
  },
});

export const publishRoundRoute = defineRoute({
  operationId: 'publishDecisions',
  method: 'post',
  path: '/api/calls/{id}/publish-decisions',
  gate: 'decisions.publish',
  tags: TAGS,
  summary:
    "Publishes every decision of the call at once: letters, engagements, commitments, hub links; the call becomes decided. Past a year's frame or the state-aid cap only with an operator admin's reason. A second publication does nothing.",
  request: { params: CallIdParamSchema, ...body(PublishBodySchema) },
  responses: {
    200: json('What was published', PublishResultSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const listClusterEngagementsRoute = defineRoute({
  operationId: 'listClusterEngagements',
  method: 'get',
  path: '/api/clusters/{slug}/engagements',
  gate: 'decisions.draft',
  tags: TAGS,
  summary:
    "A cluster's engagements for programme staff, with their ids and how many more years each may be extended",
  request: { params: ClusterSlugParamSchema },
  responses: {
    200: json("The cluster's engagements", ClusterEngagementsSchema),
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const extendEngagementRoute = defineRoute({
  operationId: 'extendEngagement',
  method: 'post',
  path: '/api/clusters/{slug}/engagements/{id}/extend',
  gate: 'decisions.publish',
  tags: TAGS,
  summary:
    "Extends a running engagement within its level's extension rule, as one decision with a grant per added year",
  request: { params: EngagementParamSchema, ...body(ExtendBodySchema) },
  responses: {
    201: json('The decision', DecisionSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const getAnnouncementRoute = defineRoute({
  operationId: 'getRoundAnnouncement',
  method: 'get',
  path: '/api/calls/{id}/announcement',
  gate: 'public',
  tags: TAGS,
  summary:
    "A published round's facts (admitted per level, who, where, hosted by whom, the programme's size and the year's budget) with a draft press release",
  request: { params: CallIdParamSchema, query: AnnouncementQuerySchema },
  responses: {
    200: json('The announcement', AnnouncementSchema),
    ...problemResponses(404, 422, 500),
  },
});

const id = (c: { req: { valid(target: 'param'): { id: string } } }) => c.req.valid('param').id;

export const decisionRoutes = createRouter()
  .openapi(getRoundRoute, async (c) => c.json(await getRound(c.var, id(c)), 200))
  .openapi(draftDecisionRoute, async (c) =>
    c.json(await draftDecision(c.var, id(c), c.req.valid('json')), 200),
  )
  .openapi(getApplicationDecisionRoute, async (c) => c.json(await getApplicationDecision(c.var, id(c)), 200))
  .openapi(publishRoundRoute, async (c) => c.json(await publishRound(c.var, id(c), c.req.valid('json')), 200))
  .openapi(listClusterEngagementsRoute, async (c) =>
    c.json(await listClusterEngagements(c.var, c.req.valid('param').slug), 200),
  )
  .openapi(extendEngagementRoute, async (c) => {
    const { slug, id: engagementId } = c.req.valid('param');
    return c.json(await extendEngagementByDecision(c.var, slug, engagementId, c.req.valid('json')), 201);
  })
  .openapi(getAnnouncementRoute, async (c) =>
    c.json(await getAnnouncement(c.var, id(c), c.req.valid('query').lang), 200),
  );
