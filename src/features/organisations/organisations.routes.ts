import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  ActorTypeOverrideBodySchema,
  ListOrganisationsQuerySchema,
  OrganisationPageSchema,
  OrganisationSchema,
  UpdateContactBodySchema,
} from './organisations.contract';
import {
  getOrganisation,
  listOrganisations,
  type PartnershipFacts,
  setActorTypeOverride,
  updateOrganisationContact,
} from './organisations.service';
import { OrgnrParamSchema } from './orgnr.contract';

export const getOrganisationRoute = defineRoute({
  operationId: 'getOrganisation',
  method: 'get',
  path: '/api/organisations/{orgnr}',
  gate: 'public',
  readCache: 'anonymous',
  tags: ['Organisations'],
  summary: 'An organisation by its organisation number, with the clusters it belongs to',
  request: { params: OrgnrParamSchema },
  responses: {
    200: { description: 'The organisation', content: { 'application/json': { schema: OrganisationSchema } } },
    ...problemResponses(404, 422, 500),
  },
});

export const listOrganisationsRoute = defineRoute({
  operationId: 'listOrganisations',
  method: 'get',
  path: '/api/organisations',
  gate: 'public',
  tags: ['Organisations'],
  summary: 'Search the register copy by name or by the first digits of the organisation number',
  request: { query: ListOrganisationsQuerySchema },
  responses: {
    200: {
      description: 'A page of organisations',
      content: { 'application/json': { schema: OrganisationPageSchema } },
    },
    ...problemResponses(422, 500),
  },
});

export const setActorTypeRoute = defineRoute({
  operationId: 'setActorType',
  method: 'put',
  path: '/api/organisations/{orgnr}/actor-type',
  gate: 'organisations.classify',
  tags: ['Organisations'],
  summary: "Override the organisation's derived actor type, or lift the override (kept through imports)",
  request: {
    params: OrgnrParamSchema,
    body: { content: { 'application/json': { schema: ActorTypeOverrideBodySchema } }, required: true },
  },
  responses: {
    200: { description: 'The organisation', content: { 'application/json': { schema: OrganisationSchema } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const updateContactRoute = defineRoute({
  operationId: 'updateContact',
  method: 'patch',
  path: '/api/organisations/{orgnr}/contact',
  gate: 'organisations.contact',
  tags: ['Organisations'],
  summary: "Change the organisation's own contact details: its partner contacts, or programme staff",
  request: {
    params: OrgnrParamSchema,
    body: { content: { 'application/json': { schema: UpdateContactBodySchema } }, required: true },
  },
  responses: {
    200: { description: 'The organisation', content: { 'application/json': { schema: OrganisationSchema } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

/**
 * The organisations' routes; `partnerships` says whether an organisation is or was a partner in a
 * cluster, which memberships, later in the features' order, know (see `PartnershipFacts`).
 */
export const organisationRoutes = (partnerships: PartnershipFacts) =>
  createRouter()
    .openapi(listOrganisationsRoute, async (c) =>
      c.json(await listOrganisations(c.var, c.req.valid('query')), 200),
    )
    .openapi(getOrganisationRoute, async (c) =>
      c.json(await getOrganisation(c.var, c.req.valid('param').orgnr, partnerships), 200),
    )
    .openapi(setActorTypeRoute, async (c) => {
      const { orgnr } = c.req.valid('param');
      return c.json(
        await setActorTypeOverride(c.var, orgnr, c.req.valid('json').actorType, partnerships),
        200,
      );
    })
    .openapi(updateContactRoute, async (c) =>
      c.json(
        await updateOrganisationContact(c.var, c.req.valid('param').orgnr, c.req.valid('json'), partnerships),
        200,
      ),
    );
