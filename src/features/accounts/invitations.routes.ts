import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { siteOrigin } from '../../server/http/site';
import { ActorSchema } from './accounts.contract';
import { signInAs } from './accounts.routes';
import {
  AcceptInvitationBodySchema,
  CreateInvitationBodySchema,
  InvitationIdParamSchema,
  InvitationPageSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenParamSchema,
  ListInvitationsQuerySchema,
} from './invitations.contract';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations.service';

export const createInvitationRoute = defineRoute({
  operationId: 'createInvitation',
  method: 'post',
  path: '/api/invitations',
  gate: 'accounts.invite',
  tags: ['Invitations'],
  summary: 'Invite a person by e-mail, with the roles they will hold',
  description:
    'An operator gives any role. A cluster manager gives cluster staff on their own cluster and partner contact for a partner of it. The link in the e-mail works once, for 7 days.',
  request: {
    body: { content: { 'application/json': { schema: CreateInvitationBodySchema } }, required: true },
  },
  responses: {
    201: { description: 'Invited', content: { 'application/json': { schema: InvitationSchema } } },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const listInvitationsRoute = defineRoute({
  operationId: 'listInvitations',
  method: 'get',
  path: '/api/invitations',
  gate: 'accounts.invite',
  tags: ['Invitations'],
  summary: "Invitations the caller may see: all for an operator, a cluster manager's own and their clusters'",
  request: { query: ListInvitationsQuerySchema },
  responses: {
    200: {
      description: 'A page of invitations',
      content: { 'application/json': { schema: InvitationPageSchema } },
    },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const revokeInvitationRoute = defineRoute({
  operationId: 'revokeInvitation',
  method: 'post',
  path: '/api/invitations/{id}/revoke',
  gate: 'accounts.invite',
  tags: ['Invitations'],
  summary: 'Withdraw an open invitation; its link stops working',
  request: { params: InvitationIdParamSchema },
  responses: {
    200: { description: 'Withdrawn', content: { 'application/json': { schema: InvitationSchema } } },
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const previewInvitationRoute = defineRoute({
  operationId: 'previewInvitation',
  method: 'get',
  path: '/api/invitation-links/{token}',
  gate: 'public',
  tags: ['Invitations'],
  summary: 'What an invitation link offers, for the page that accepts it',
  request: { params: InvitationTokenParamSchema },
  responses: {
    200: {
      description: 'The invitation',
      content: { 'application/json': { schema: InvitationPreviewSchema } },
    },
    ...problemResponses(404, 422, 500),
  },
});

export const acceptInvitationRoute = defineRoute({
  operationId: 'acceptInvitation',
  method: 'post',
  path: '/api/invitations/accept',
  gate: 'public',
  tags: ['Invitations'],
  summary: 'Use an invitation: create the account (or add the roles to yours) and sign in',
  request: {
    body: { content: { 'application/json': { schema: AcceptInvitationBodySchema } }, required: true },
  },
  responses: {
    200: {
      description: 'Signed in with the invited roles',
      content: { 'application/json': { schema: ActorSchema } },
    },
    ...problemResponses(404, 409, 422, 500),
  },
});

export const invitationRoutes = createRouter()
  .openapi(createInvitationRoute, async (c) => {
    const invitation = await createInvitation(c.var, c.req.valid('json'), siteOrigin(c));
    return c.json(invitation, 201);
  })
  .openapi(listInvitationsRoute, async (c) => c.json(await listInvitations(c.var, c.req.valid('query')), 200))
  .openapi(revokeInvitationRoute, async (c) =>
    c.json(await revokeInvitation(c.var, c.req.valid('param').id), 200),
  )
  .openapi(previewInvitationRoute, async (c) =>
    c.json(await previewInvitation(c.var, c.req.valid('param').token), 200),
  )
  .openapi(acceptInvitationRoute, async (c) => {
    const { accountId } = await acceptInvitation(c.var, c.req.valid('json'));
    return c.json(await signInAs(c, accountId), 200);
  });
