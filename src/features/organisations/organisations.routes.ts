import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { OrganisationSchema, OrgnrParamSchema } from './organisations.contract';
import { getOrganisation } from './organisations.service';

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

export const organisationRoutes = createRouter().openapi(getOrganisationRoute, async (c) =>
  c.json(await getOrganisation(c.var, c.req.valid('param').orgnr), 200),
);
