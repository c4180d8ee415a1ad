import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type {
  getClusterCommitmentsRoute,
  getLedgerRoute,
  getLedgerYearRoute,
  getPriceIndexRoute,
  recordPaymentRoute,
  runScenarioRoute,
  setFrameRoute,
  setPriceIndexRoute,
} from '../budget.routes';

export const getLedger = endpoint<typeof getLedgerRoute>('get', '/api/budget');
export const getLedgerYear = endpoint<typeof getLedgerYearRoute>('get', '/api/budget/years/{year}');
export const setFrame = endpoint<typeof setFrameRoute>('put', '/api/budget/frames/{year}');
export const getPriceIndex = endpoint<typeof getPriceIndexRoute>('get', '/api/budget/price-index');
export const setPriceIndex = endpoint<typeof setPriceIndexRoute>('put', '/api/budget/price-index/{year}');
export const runScenario = endpoint<typeof runScenarioRoute>('get', '/api/budget/scenarios');
export const getClusterCommitments = endpoint<typeof getClusterCommitmentsRoute>(
  'get',
  '/api/clusters/{slug}/commitments',
);
export const recordPayment = endpoint<typeof recordPaymentRoute>('post', '/api/clusters/{slug}/payments');

export type Ledger = AnswerOf<typeof getLedger>;
export type LedgerYear = Ledger['years'][number];
export type Scenario = AnswerOf<typeof runScenario>;
export type PriceIndex = AnswerOf<typeof getPriceIndex>;
export type ClusterCommitments = AnswerOf<typeof getClusterCommitments>;
export type LedgerYearDetail = AnswerOf<typeof getLedgerYear>;
