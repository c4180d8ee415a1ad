import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  ListOrganisationsQuerySchema,
  OrganisationPageSchema,
  OrganisationSchema,
  OrgnrParamSchema,
} from './organisations.contract';
import { getOrganisation, listOrganisations } from './organisations.service';

export const getOrganisationRoute = defineRoute({
  method: 'get',
  path: '/api/organisations/{orgnr}',
  gate: 'public',
  tags: ['Organisations'],
  summary: 'An organisation by its organisation number, with the clusters it belongs to',
  request: { params: OrgnrParamSchema },
  responses: {
    200: { description: 'The organisation', content: { 'application/json': { schema: OrganisationSchema } } },
    ...problemResponses(404, 422, 500),
  },
});

export const listOrganisationsRoute = defineRoute({
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

export const organisationRoutes = createRouter()
  .openapi(listOrganisationsRoute, async (c) =>
    c.json(await listOrganisations(c.var, c.req.valid('query')), 200),
  )
  .openapi(getOrganisationRoute, async (c) =>
    c.json(await getOrganisation(c.var, c.req.valid('param').orgnr), 200),
  );
