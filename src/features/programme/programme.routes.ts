import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  AddLevelBodySchema,
  LevelCodeParamSchema,
  LevelPageSchema,
  LevelSchema,
  ListLevelsQuerySchema,
  ProgrammeSchema,
  SetUpProgrammeBodySchema,
  UpdateLevelBodySchema,
} from './programme.contract';
import {
  addProgrammeLevel,
  getProgramme,
  listProgrammeLevels,
  type ProgrammeCounts,
  setUpProgramme,
  updateProgrammeLevel,
} from './programme.service';

export const getProgrammeRoute = defineRoute({
  operationId: 'getProgramme',
  method: 'get',
  path: '/api/programme',
  gate: 'public',
  tags: ['Programme'],
  summary: 'The programme, its levels and brands, with how many clusters are at each level today',
  responses: {
    200: { description: 'The programme', content: { 'application/json': { schema: ProgrammeSchema } } },
    ...problemResponses(404, 500),
  },
});

export const setUpProgrammeRoute = defineRoute({
  operationId: 'setUpProgramme',
  method: 'put',
  path: '/api/programme',
  gate: 'programme.manage',
  tags: ['Programme'],
  summary:
    'Set the programme up: create it when the database has none, else replace its name, description, operators, cap and brands',
  request: {
    body: { content: { 'application/json': { schema: SetUpProgrammeBodySchema } }, required: true },
  },
  responses: {
    200: {
      description: 'The programme after the change',
      content: { 'application/json': { schema: ProgrammeSchema } },
    },
    201: { description: 'The new programme', content: { 'application/json': { schema: ProgrammeSchema } } },
    ...problemResponses(401, 403, 422, 500),
  },
});

export const listLevelsRoute = defineRoute({
  operationId: 'listLevels',
  method: 'get',
  path: '/api/programme/levels',
  gate: 'programme.manage',
  tags: ['Programme'],
  summary: "The programme's levels as they are set up, in order of maturity",
  request: { query: ListLevelsQuerySchema },
  responses: {
    200: { description: 'A page of levels', content: { 'application/json': { schema: LevelPageSchema } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const addLevelRoute = defineRoute({
  operationId: 'addLevel',
  method: 'post',
  path: '/api/programme/levels',
  gate: 'programme.manage',
  tags: ['Programme'],
  summary: 'Add a level to the programme: one of the level codes, with its names, durations and open years',
  request: {
    body: { content: { 'application/json': { schema: AddLevelBodySchema } }, required: true },
  },
  responses: {
    201: { description: 'The new level', content: { 'application/json': { schema: LevelSchema } } },
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const updateLevelRoute = defineRoute({
  operationId: 'updateLevel',
  method: 'patch',
  path: '/api/programme/levels/{code}',
  gate: 'programme.manage',
  tags: ['Programme'],
  summary: 'Change a level: its names, durations, open years, whether it is funded or operating aid',
  request: {
    params: LevelCodeParamSchema,
    body: { content: { 'application/json': { schema: UpdateLevelBodySchema } }, required: true },
  },
  responses: {
    200: {
      description: 'The level after the change',
      content: { 'application/json': { schema: LevelSchema } },
    },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

/**
 * The programme's routes; `counts` counts its clusters and partnerships, which come after it in
 * the features' order (see `ProgrammeCounts`).
 */
export const programmeRoutes = (counts: ProgrammeCounts) =>
  createRouter()
    .openapi(getProgrammeRoute, async (c) => c.json(await getProgramme(c.var, counts), 200))
    .openapi(setUpProgrammeRoute, async (c) => {
      const { programme, created } = await setUpProgramme(c.var, c.req.valid('json'), counts);
      return created ? c.json(programme, 201) : c.json(programme, 200);
    })
    .openapi(listLevelsRoute, async (c) =>
      c.json(await listProgrammeLevels(c.var, c.req.valid('query'), counts), 200),
    )
    .openapi(addLevelRoute, async (c) => c.json(await addProgrammeLevel(c.var, c.req.valid('json')), 201))
    .openapi(updateLevelRoute, async (c) =>
      c.json(await updateProgrammeLevel(c.var, c.req.valid('param').code, c.req.valid('json'), counts), 200),
    );
