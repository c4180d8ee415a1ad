import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { listClustersRoute } from '../../clusters/clusters.routes';
import type { listAuditActionsRoute, listAuditEventsRoute } from '../audit.routes';

export const listAuditEvents = endpoint<typeof listAuditEventsRoute>('get', '/api/audit-events');
/** The actions recorded, for the filter by action. */
export const listAuditActions = endpoint<typeof listAuditActionsRoute>('get', '/api/audit-actions');
/** The clusters, for the filter by cluster. */
export const listClusters = endpoint<typeof listClustersRoute>('get', '/api/clusters');

export type AuditEventPage = AnswerOf<typeof listAuditEvents>;
export type ClusterPage = AnswerOf<typeof listClusters>;
