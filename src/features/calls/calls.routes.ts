import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  CallIdParamSchema,
  CallPageSchema,
  CallSchema,
  CreateCallBodySchema,
  ExtendDeadlineBodySchema,
  ListCallsQuerySchema,
  UpdateCallBodySchema,
} from './calls.contract';
import {
  createCall,
  extendCallDeadline,
  getCall,
  listCalls,
  type NotifyApplicants,
  noApplicantsYet,
  openCall,
  updateCall,
} from './calls.service';

// The public reads are not kept in the read cache: a call closes at its deadline's second, and a
// kept answer would show it open for up to READ_CACHE_SECONDS after, with no write to clear it.

const callResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: CallSchema } },
});

export const listCallsRoute = defineRoute({
  operationId: 'listCalls',
  method: 'get',
  path: '/api/calls',
  gate: 'public',
  tags: ['Calls'],
  summary: 'Calls, open ones first: open, closed and decided for everyone, drafts for programme staff',
  request: { query: ListCallsQuerySchema },
  responses: {
    200: { description: 'A page of calls', content: { 'application/json': { schema: CallPageSchema } } },
    ...problemResponses(422, 500),
  },
});

export const createCallRoute = defineRoute({
  operationId: 'createCall',
  method: 'post',
  path: '/api/calls',
  gate: 'calls.manage',
  tags: ['Calls'],
  summary: 'Write a new call as a draft',
  request: {
    body: { content: { 'application/json': { schema: CreateCallBodySchema } }, required: true },
  },
  responses: {
    201: callResponse('The new draft'),
    ...problemResponses(401, 403, 422, 500),
  },
});

export const getCallRoute = defineRoute({
  operationId: 'getCall',
  method: 'get',
  path: '/api/calls/{id}',
  gate: 'public',
  tags: ['Calls'],
  summary: 'A call with its timeline, levels, criteria and their shares of the weight',
  request: { params: CallIdParamSchema },
  responses: {
    200: callResponse('The call'),
    ...problemResponses(404, 422, 500),
  },
});

export const updateCallRoute = defineRoute({
  operationId: 'updateCall',
  method: 'patch',
  path: '/api/calls/{id}',
  gate: 'calls.manage',
  tags: ['Calls'],
  summary: 'Change a call: any field of a draft; once open, not its levels, criteria or deadlines',
  request: {
    params: CallIdParamSchema,
    body: { content: { 'application/json': { schema: UpdateCallBodySchema } }, required: true },
  },
  responses: {
    200: callResponse('The call after the change'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const openCallRoute = defineRoute({
  operationId: 'openCall',
  method: 'post',
  path: '/api/calls/{id}/open',
  gate: 'calls.manage',
  tags: ['Calls'],
  summary: 'Open a draft: it becomes public and its levels, criteria and deadlines are fixed',
  request: { params: CallIdParamSchema },
  responses: {
    200: callResponse('The open call'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const extendDeadlineRoute = defineRoute({
  operationId: 'extendCallDeadline',
  method: 'post',
  path: '/api/calls/{id}/extend-deadline',
  gate: 'calls.extend_deadline',
  tags: ['Calls'],
  summary:
    'Move the deadline of an open (or deadline-closed) call later, with the reason applicants are given',
  request: {
    params: CallIdParamSchema,
    body: { content: { 'application/json': { schema: ExtendDeadlineBodySchema } }, required: true },
  },
  responses: {
    200: callResponse('The call with its new deadline'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

/** What later features add to the calls' routes: the applications feature tells applicants of an extension. */
export type CallHooks = { notifyApplicants?: NotifyApplicants };

export function callRoutes({ notifyApplicants = noApplicantsYet }: CallHooks = {}) {
  return createRouter()
    .openapi(listCallsRoute, async (c) => c.json(await listCalls(c.var, c.req.valid('query')), 200))
    .openapi(createCallRoute, async (c) => c.json(await createCall(c.var, c.req.valid('json')), 201))
    .openapi(getCallRoute, async (c) => c.json(await getCall(c.var, c.req.valid('param').id), 200))
    .openapi(updateCallRoute, async (c) =>
      c.json(await updateCall(c.var, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(openCallRoute, async (c) => c.json(await openCall(c.var, c.req.valid('param').id), 200))
    .openapi(extendDeadlineRoute, async (c) =>
      c.json(
        await extendCallDeadline(c.var, c.req.valid('param').id, c.req.valid('json'), notifyApplicants),
        200,
      ),
    );
}
