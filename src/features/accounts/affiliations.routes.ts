import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  AddAffiliationBodySchema,
  AffiliationListSchema,
  AffiliationParamSchema,
  AffiliationSchema,
  PersonIdParamSchema,
} from './affiliations.contract';
import {
  addAffiliation,
  listAffiliationsOf,
  listMyAffiliations,
  removeAffiliation,
} from './affiliations.service';

export const listMyAffiliationsRoute = defineRoute({
  operationId: 'listMyAffiliations',
  method: 'get',
  path: '/api/auth/affiliations',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: 'The organisations the caller belongs to, by organisation number',
  responses: {
    200: {
      description: 'The organisations',
      content: { 'application/json': { schema: AffiliationListSchema } },
    },
    ...problemResponses(401, 500),
  },
});

export const addAffiliationRoute = defineRoute({
  operationId: 'addAffiliation',
  method: 'post',
  path: '/api/auth/affiliations',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: 'Add an organisation the caller belongs to (employer, board), by its number',
  description:
    'Assessors’ conflicts of interest are found from these. The organisation need not be in the register copy.',
  request: {
    body: { content: { 'application/json': { schema: AddAffiliationBodySchema } }, required: true },
  },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: AffiliationSchema } } },
    ...problemResponses(401, 409, 422, 500),
  },
});

export const removeAffiliationRoute = defineRoute({
  operationId: 'removeAffiliation',
  method: 'delete',
  path: '/api/auth/affiliations/{orgnr}',
  gate: 'signed_in',
  tags: ['Accounts'],
  summary: "Take an organisation off the caller's list",
  request: { params: AffiliationParamSchema },
  responses: {
    200: { description: 'Removed', content: { 'application/json': { schema: AffiliationSchema } } },
    ...problemResponses(401, 404, 422, 500),
  },
});

export const listPersonAffiliationsRoute = defineRoute({
  operationId: 'listPersonAffiliations',
  method: 'get',
  path: '/api/persons/{id}/affiliations',
  gate: 'affiliations.read',
  tags: ['Accounts'],
  summary: 'The organisations a person belongs to: for programme staff',
  request: { params: PersonIdParamSchema },
  responses: {
    200: {
      description: 'The organisations',
      content: { 'application/json': { schema: AffiliationListSchema } },
    },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const affiliationRoutes = createRouter()
  .openapi(listMyAffiliationsRoute, async (c) => c.json({ items: await listMyAffiliations(c.var) }, 200))
  .openapi(addAffiliationRoute, async (c) =>
    c.json(await addAffiliation(c.var, c.req.valid('json').orgnr), 201),
  )
  .openapi(removeAffiliationRoute, async (c) =>
    c.json(await removeAffiliation(c.var, c.req.valid('param').orgnr), 200),
  )
  .openapi(listPersonAffiliationsRoute, async (c) =>
    c.json({ items: await listAffiliationsOf(c.var, c.req.valid('param').id) }, 200),
  );
