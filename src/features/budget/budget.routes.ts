import { problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { SlugParamSchema } from '../clusters/clusters.contract';
import {
  ClusterCommitmentsSchema,
  FrameBodySchema,
  FrameSchema,
  LedgerQuerySchema,
  LedgerSchema,
  LedgerYearDetailSchema,
  PaymentBodySchema,
  PaymentSchema,
  PriceIndexBodySchema,
  PriceIndexSchema,
  ScenarioQuerySchema,
  ScenarioSchema,
  YearParamSchema,
} from './budget.contract';
import {
  getClusterCommitments,
  getLedger,
  getLedgerYear,
  getPriceIndex,
  recordPayment,
  runScenario,
  setFrame,
  setPriceIndex,
} from './budget.service';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const getLedgerRoute = defineRoute({
  operationId: 'getBudgetLedger',
  method: 'get',
  path: '/api/budget',
  gate: 'budget.read',
  tags: ['Budget'],
  summary: 'The ledger year by year: frame, commitments and payments per level, and what is left',
  request: { query: LedgerQuerySchema },
  responses: {
    200: { description: 'The ledger', content: json(LedgerSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const getLedgerYearRoute = defineRoute({
  operationId: 'getBudgetLedgerYear',
  method: 'get',
  path: '/api/budget/years/{year}',
  gate: 'budget.read',
  tags: ['Budget'],
  summary: 'One year of the ledger: what each cluster was committed and paid, level by level',
  request: { params: YearParamSchema },
  responses: {
    200: { description: 'The year', content: json(LedgerYearDetailSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const setFrameRoute = defineRoute({
  operationId: 'setBudgetFrame',
  method: 'put',
  path: '/api/budget/frames/{year}',
  gate: 'budget.frames',
  tags: ['Budget'],
  summary: "Set a year's frame, with its split per level if any",
  request: { params: YearParamSchema, body: { content: json(FrameBodySchema), required: true } },
  responses: {
    200: { description: 'The frame as set', content: json(FrameSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const getPriceIndexRoute = defineRoute({
  operationId: 'getPriceIndex',
  method: 'get',
  path: '/api/budget/price-index',
  gate: 'budget.read',
  tags: ['Budget'],
  summary: 'The yearly price index real amounts are deflated by',
  responses: {
    200: { description: 'The index, year by year', content: json(PriceIndexSchema) },
    ...problemResponses(401, 403, 404, 500),
  },
});

export const setPriceIndexRoute = defineRoute({
  operationId: 'setPriceIndex',
  method: 'put',
  path: '/api/budget/price-index/{year}',
  gate: 'budget.frames',
  tags: ['Budget'],
  summary: "Set a year's price index (the base year is 100)",
  request: { params: YearParamSchema, body: { content: json(PriceIndexBodySchema), required: true } },
  responses: {
    200: { description: 'The index, year by year', content: json(PriceIndexSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const runScenarioRoute = defineRoute({
  operationId: 'runBudgetScenario',
  method: 'get',
  path: '/api/budget/scenarios',
  gate: 'budget.read',
  tags: ['Budget'],
  summary: 'What if the frames were cut: the years that go over, by how much, and the commitments in them',
  request: { query: ScenarioQuerySchema },
  responses: {
    200: { description: 'The scenario; nothing is changed', content: json(ScenarioSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const getClusterCommitmentsRoute = defineRoute({
  operationId: 'getClusterCommitments',
  method: 'get',
  path: '/api/clusters/{slug}/commitments',
  gate: 'budget.read',
  tags: ['Budget'],
  summary: "A cluster's commitments and payments, year by year",
  request: { params: SlugParamSchema },
  responses: {
    200: { description: "The cluster's commitments", content: json(ClusterCommitmentsSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const recordPaymentRoute = defineRoute({
  operationId: 'recordPayment',
  method: 'post',
  path: '/api/clusters/{slug}/payments',
  gate: 'budget.payments',
  tags: ['Budget'],
  summary: 'Record an amount paid to a cluster against a year of one of its engagements',
  request: { params: SlugParamSchema, body: { content: json(PaymentBodySchema), required: true } },
  responses: {
    201: { description: 'The payment', content: json(PaymentSchema) },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const budgetRoutes = createRouter()
  .openapi(getLedgerRoute, async (c) => c.json(await getLedger(c.var, c.req.valid('query')), 200))
  .openapi(getLedgerYearRoute, async (c) =>
    c.json(await getLedgerYear(c.var, c.req.valid('param').year), 200),
  )
  .openapi(setFrameRoute, async (c) =>
    c.json(await setFrame(c.var, c.req.valid('param').year, c.req.valid('json')), 200),
  )
  .openapi(getPriceIndexRoute, async (c) => c.json(await getPriceIndex(c.var), 200))
  .openapi(setPriceIndexRoute, async (c) =>
    c.json(await setPriceIndex(c.var, c.req.valid('param').year, c.req.valid('json')), 200),
  )
  .openapi(runScenarioRoute, async (c) => c.json(await runScenario(c.var, c.req.valid('query')), 200))
  .openapi(getClusterCommitmentsRoute, async (c) =>
    c.json(await getClusterCommitments(c.var, c.req.valid('param').slug), 200),
  )
  .openapi(recordPaymentRoute, async (c) =>
    c.json(await recordPayment(c.var, c.req.valid('param').slug, c.req.valid('json')), 201),
  );
