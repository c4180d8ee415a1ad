import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { meRoute } from '../../accounts/accounts.routes';
import type { getProgrammeRoute } from '../../programme/programme.routes';
import type { getClusterRoute, listClustersRoute, updateClusterRoute } from '../clusters.routes';

export const getProgramme = endpoint<typeof getProgrammeRoute>('get', '/api/programme');
export const listClusters = endpoint<typeof listClustersRoute>('get', '/api/clusters');
export const getCluster = endpoint<typeof getClusterRoute>('get', '/api/clusters/{slug}');
export const updateCluster = endpoint<typeof updateClusterRoute>('patch', '/api/clusters/{slug}');
/** Who is asking, for the edit form's own check before it shows. */
export const me = endpoint<typeof meRoute>('get', '/api/auth/me');

export type ClusterPage = AnswerOf<typeof listClusters>;
export type ProgrammeView = AnswerOf<typeof getProgramme>;
