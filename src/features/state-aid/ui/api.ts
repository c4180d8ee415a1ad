import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { meRoute } from '../../accounts/accounts.routes';
import type { getClusterStateAidRoute } from '../state-aid.routes';

export const getClusterStateAid = endpoint<typeof getClusterStateAidRoute>(
  'get',
  '/api/clusters/{slug}/state-aid',
);

export type ClusterStateAid = AnswerOf<typeof getClusterStateAid>;

/** Who is looking: the clock is asked for only by those who may read it. */
export const me = endpoint<typeof meRoute>('get', '/api/auth/me');
