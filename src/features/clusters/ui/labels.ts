import type { ClusterStatus } from '../../../shared/cluster-status';
import type { KeyOf } from '../../../web/kit/i18n';
import type { clusterMessages } from './messages';

/** What a cluster with no level today is shown as, by its status. */
export const NO_LEVEL_LABELS: Record<ClusterStatus, KeyOf<typeof clusterMessages>> = {
  forming: 'status.forming',
  active: 'registry.noLevel',
  ended: 'status.ended',
};
