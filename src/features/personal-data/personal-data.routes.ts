import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { attachment, textStream } from '../../server/http/stream';
import type { PersonalData } from '../../server/personal-data';
import {
  ErasePersonBodySchema,
  erasureSchemaOf,
  ListPersonsQuerySchema,
  PersonIdParamSchema,
  PersonPageSchema,
  PersonSchema,
  personExportSchemaOf,
} from './personal-data.contract';
import { erasePerson, exportPerson, getPerson, listPersons } from './personal-data.service';

export const listPersonsRoute = defineRoute({
  operationId: 'listPersons',
  method: 'get',
  path: '/api/persons',
  gate: 'persons.manage',
  tags: ['Personal data'],
  summary: 'Find people by part of their name or e-mail address, in alphabetical order',
  request: { query: ListPersonsQuerySchema },
  responses: {
    200: { description: 'A page of people', content: { 'application/json': { schema: PersonPageSchema } } },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const getPersonRoute = defineRoute({
  operationId: 'getPerson',
  method: 'get',
  path: '/api/persons/{id}',
  gate: 'persons.manage',
  tags: ['Personal data'],
  summary:
    'A person with their account, roles, and how many sessions, tokens and sign-on identities they have',
  request: { params: PersonIdParamSchema },
  responses: {
    200: { description: 'The person', content: { 'application/json': { schema: PersonSchema } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

const exportPersonRoute = (declarations: readonly PersonalData[]) =>
  defineRoute({
    operationId: 'exportPerson',
    method: 'get',
    path: '/api/persons/{id}/export',
    gate: 'persons.manage',
    tags: ['Personal data'],
    summary: 'Everything Klynge holds about a person, as a JSON download (the export is audited)',
    request: { params: PersonIdParamSchema },
    responses: {
      200: {
        description: 'The person’s data, without password or token hashes',
        content: { 'application/json': { schema: personExportSchemaOf(declarations) } },
      },
      ...problemResponses(401, 403, 404, 422, 500),
    },
  });

export const erasePersonRoute = (declarations: readonly PersonalData[]) =>
  defineRoute({
    operationId: 'erasePerson',
    method: 'post',
    path: '/api/persons/{id}/erase',
    gate: 'persons.manage',
    tags: ['Personal data'],
    summary:
      'Erase a person on request: their personal data goes, the audit trail stays under a neutral name',
    request: {
      params: PersonIdParamSchema,
      body: { content: { 'application/json': { schema: ErasePersonBodySchema } }, required: true },
    },
    responses: {
      200: {
        description: 'What was erased, and the person as they are now',
        content: { 'application/json': { schema: erasureSchemaOf(declarations) } },
      },
      ...problemResponses(401, 403, 404, 409, 422, 500),
    },
  });

/**
 * The routes for one application. The export and the erasure cover what every feature declares
 * about a person (`declarations`, from the composition root), and so does their documentation.
 */
export const personalDataRoutes = (declarations: readonly PersonalData[]) =>
  createRouter()
    .openapi(listPersonsRoute, async (c) => c.json(await listPersons(c.var, c.req.valid('query')), 200))
    .openapi(getPersonRoute, async (c) => c.json(await getPerson(c.var, c.req.valid('param').id), 200))
    .openapi(exportPersonRoute(declarations), async (c) => {
      const { filename, chunks } = await exportPerson(c.var, declarations, c.req.valid('param').id);
      const body = textStream(chunks, (error) => c.var.logger.error({ err: error }, 'person export failed'));
      const response = c.body(body, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': attachment(filename),
        'cache-control': 'no-store',
      });
      // The document is streamed, so it is never one value the typed c.json could take; the
      // contract still documents its shape, and the route test reads it back as that shape.
      return response as never;
    })
    .openapi(erasePersonRoute(declarations), async (c) =>
      c.json(await erasePerson(c.var, declarations, c.req.valid('param').id, c.req.valid('json')), 200),
    );
