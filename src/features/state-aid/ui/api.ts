import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { getClusterStateAidRoute } from '../state-aid.routes';

export const getClusterStateAid = endpoint<typeof getClusterStateAidRoute>(
  'get',
  '/api/clusters/{slug}/state-aid',
);

export type ClusterStateAid = AnswerOf<typeof getClusterStateAid>;
