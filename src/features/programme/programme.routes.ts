import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { ProgrammeSchema } from './programme.contract';
import { getProgramme } from './programme.service';

export const getProgrammeRoute = defineRoute({
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

export const programmeRoutes = createRouter().openapi(getProgrammeRoute, async (c) =>
  c.json(await getProgramme(c.var), 200),
);
