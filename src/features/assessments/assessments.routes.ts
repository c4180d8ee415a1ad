import { z } from '@hono/zod-openapi';
import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import {
  ApplicationIdParamSchema,
  AssessmentIdParamSchema,
  AssessmentSchema,
  AssessmentStatusSchema,
  AssessorPageSchema,
  AssignBodySchema,
  AssignmentSchema,
  CallIdParamSchema,
  DeclarationBodySchema,
  DeclarationSchema,
  InterviewNotesBodySchema,
  ListAssessorsQuerySchema,
  ListQueueQuerySchema,
  PanelSchema,
  QueuePageSchema,
  RecommendationBodySchema,
  RecommendationSchema,
  ScoresBodySchema,
  SpreadBodySchema,
  SpreadResultSchema,
} from './assessments.contract';
import {
  assignAssessor,
  closePanel,
  completeAssessment,
  declare,
  getAssessment,
  getPanel,
  listAssessors,
  listMyAssessments,
  panelCsv,
  reopenAssessment,
  saveScores,
  setInterviewNotes,
  setRecommendation,
  spreadAssessors,
} from './assessments.service';

const TAGS = ['Assessments'];

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const listMyAssessmentsRoute = defineRoute({
  operationId: 'listMyAssessments',
  method: 'get',
  path: '/api/assessments',
  gate: 'assessments.score',
  tags: TAGS,
  summary: "The assessor's queue: the applications they are assigned, but those they declared a conflict in",
  request: { query: ListQueueQuerySchema },
  responses: {
    200: json('A page of the queue', QueuePageSchema),
    ...problemResponses(401, 403, 422, 500),
  },
});

export const getAssessmentRoute = defineRoute({
  operationId: 'getAssessment',
  method: 'get',
  path: '/api/assessments/{id}',
  gate: 'signed_in',
  tags: TAGS,
  summary:
    'An assessment, for its assessor or programme staff: the links found, the declaration, the criteria, scores and total; the application once no conflict is declared',
  request: { params: AssessmentIdParamSchema },
  responses: {
    200: json('The assessment', AssessmentSchema),
    ...problemResponses(401, 404, 422, 500),
  },
});

export const declareRoute = defineRoute({
  operationId: 'declareConflictOfInterest',
  method: 'post',
  path: '/api/assessments/{id}/declaration',
  gate: 'assessments.score',
  tags: TAGS,
  summary:
    'The assessor declares a conflict of interest (the application is then hidden from them) or none (they may read and score it)',
  request: { params: AssessmentIdParamSchema, ...body(DeclarationBodySchema) },
  responses: {
    200: json(
      'The declaration made',
      z
        .object({ id: z.string().uuid(), status: AssessmentStatusSchema, declaration: DeclarationSchema })
        .openapi('DeclarationResult'),
    ),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const saveScoresRoute = defineRoute({
  operationId: 'saveAssessmentScores',
  method: 'put',
  path: '/api/assessments/{id}/scores',
  gate: 'assessments.score',
  tags: TAGS,
  summary: 'Write scores on the criteria named (on their scales, or not applicable) with comments',
  request: { params: AssessmentIdParamSchema, ...body(ScoresBodySchema) },
  responses: {
    200: json('The assessment with its new total', AssessmentSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const completeAssessmentRoute = defineRoute({
  operationId: 'completeAssessment',
  method: 'post',
  path: '/api/assessments/{id}/complete',
  gate: 'assessments.score',
  tags: TAGS,
  summary:
    "Complete an assessment with every criterion scored or not applicable; the others' scores then show",
  request: { params: AssessmentIdParamSchema },
  responses: {
    200: json('The completed assessment', AssessmentSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const reopenAssessmentRoute = defineRoute({
  operationId: 'reopenAssessment',
  method: 'post',
  path: '/api/assessments/{id}/reopen',
  gate: 'assessments.score',
  tags: TAGS,
  summary: 'Reopen a completed assessment for changes, until programme staff close the panel',
  request: { params: AssessmentIdParamSchema },
  responses: {
    200: json('The reopened assessment', AssessmentSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const listAssessorsRoute = defineRoute({
  operationId: 'listAssessors',
  method: 'get',
  path: '/api/assessors',
  gate: 'assessments.manage',
  tags: TAGS,
  summary: 'The accounts with the assessor role, with their own organisations, for assigning',
  request: { query: ListAssessorsQuerySchema },
  responses: {
    200: json('A page of assessors', AssessorPageSchema),
    ...problemResponses(401, 403, 422, 500),
  },
});

export const assignAssessorRoute = defineRoute({
  operationId: 'assignAssessor',
  method: 'post',
  path: '/api/applications/{id}/assessments',
  gate: 'assessments.manage',
  tags: TAGS,
  summary: 'Assign an assessor to a submitted application once the call’s deadline has passed',
  request: { params: ApplicationIdParamSchema, ...body(AssignBodySchema) },
  responses: {
    201: json('The assignment, with how many links Klynge found', AssignmentSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const spreadAssessorsRoute = defineRoute({
  operationId: 'spreadAssessors',
  method: 'post',
  path: '/api/calls/{id}/assessments/spread',
  gate: 'assessments.manage',
  tags: TAGS,
  summary:
    "Spread the call's submitted applications evenly over a panel of assessors, with at most N each, avoiding assessors with links",
  request: { params: CallIdParamSchema, ...body(SpreadBodySchema) },
  responses: {
    200: json('What was assigned, and each assessor’s load', SpreadResultSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const getPanelRoute = defineRoute({
  operationId: 'getPanel',
  method: 'get',
  path: '/api/calls/{id}/panel',
  gate: 'assessments.manage',
  tags: TAGS,
  summary:
    "The call's panel: per application every assessor's scores, mean and spread per criterion, weighted total, rank within its level, and money asked against money available",
  request: { params: CallIdParamSchema },
  responses: {
    200: json('The panel', PanelSchema),
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const exportPanelRoute = defineRoute({
  operationId: 'exportPanel',
  method: 'get',
  path: '/api/calls/{id}/panel.csv',
  gate: 'assessments.manage',
  tags: TAGS,
  summary: 'The panel as CSV (UTF-8): one row per application, ranked within its level',
  request: { params: CallIdParamSchema },
  responses: {
    200: { description: 'The panel', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const closePanelRoute = defineRoute({
  operationId: 'closePanel',
  method: 'post',
  path: '/api/calls/{id}/panel/close',
  gate: 'assessments.manage',
  tags: TAGS,
  summary: 'Close the panel: assessors can no longer declare, score, complete or reopen',
  request: { params: CallIdParamSchema },
  responses: {
    200: json('The closed panel', PanelSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const setRecommendationRoute = defineRoute({
  operationId: 'setRecommendation',
  method: 'put',
  path: '/api/applications/{id}/recommendation',
  gate: 'assessments.manage',
  tags: TAGS,
  summary:
    "Programme staff's recommendation for an application: admit, reject, or admit at another level, with the reason",
  request: { params: ApplicationIdParamSchema, ...body(RecommendationBodySchema) },
  responses: {
    200: json('The recommendation', RecommendationSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const setInterviewNotesRoute = defineRoute({
  operationId: 'setInterviewNotes',
  method: 'put',
  path: '/api/applications/{id}/interview-notes',
  gate: 'assessments.manage',
  tags: TAGS,
  summary: "Programme staff's notes from the interview with the applicant",
  request: { params: ApplicationIdParamSchema, ...body(InterviewNotesBodySchema) },
  responses: {
    200: json('The notes with the recommendation', RecommendationSchema),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

const id = (c: { req: { valid(target: 'param'): { id: string } } }) => c.req.valid('param').id;

export const assessmentRoutes = createRouter()
  .openapi(listMyAssessmentsRoute, async (c) =>
    c.json(await listMyAssessments(c.var, c.req.valid('query')), 200),
  )
  .openapi(getAssessmentRoute, async (c) => c.json(await getAssessment(c.var, id(c)), 200))
  .openapi(declareRoute, async (c) => c.json(await declare(c.var, id(c), c.req.valid('json')), 200))
  .openapi(saveScoresRoute, async (c) => c.json(await saveScores(c.var, id(c), c.req.valid('json')), 200))
  .openapi(completeAssessmentRoute, async (c) => c.json(await completeAssessment(c.var, id(c)), 200))
  .openapi(reopenAssessmentRoute, async (c) => c.json(await reopenAssessment(c.var, id(c)), 200))
  .openapi(listAssessorsRoute, async (c) => c.json(await listAssessors(c.var, c.req.valid('query')), 200))
  .openapi(assignAssessorRoute, async (c) =>
    c.json(await assignAssessor(c.var, id(c), c.req.valid('json')), 201),
  )
  .openapi(spreadAssessorsRoute, async (c) =>
    c.json(await spreadAssessors(c.var, id(c), c.req.valid('json')), 200),
  )
  .openapi(getPanelRoute, async (c) => c.json(await getPanel(c.var, id(c)), 200))
  .openapi(exportPanelRoute, async (c) => {
    const { filename, text } = await panelCsv(c.var, id(c));
    return c.body(text, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    });
  })
  .openapi(closePanelRoute, async (c) => c.json(await closePanel(c.var, id(c)), 200))
  .openapi(setRecommendationRoute, async (c) =>
    c.json(await setRecommendation(c.var, id(c), c.req.valid('json')), 200),
  )
  .openapi(setInterviewNotesRoute, async (c) =>
    c.json(await setInterviewNotes(c.var, id(c), c.req.valid('json')), 200),
  );
