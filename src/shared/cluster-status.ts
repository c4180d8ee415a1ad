import { type Actor, clustersWithAnyRole } from './access';

/**
 * Where a cluster stands: `forming`, a network registered to apply that is not in the programme
 * yet; `active`, in the programme; `ended`, no longer in it. Several features ask, because a
 * forming network is nobody's business but its own people's and the programme's.
 */
export const CLUSTER_STATUSES = ['forming', 'active', 'ended'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

/**
 * The forming networks the actor may see: those they hold a role for, or all of them for
 * programme staff. Nobody else learns that a forming network exists — not from its profile, the
 * registry, an organisation's page or the programme's counts.
 */
export function formingNetworksSeenBy(actor: Actor): 'all' | string[] {
  return clustersWithAnyRole(actor);
}

/** Everyone sees a cluster that is or was in the programme; a forming network, only those above. */
export function canSeeCluster(actor: Actor, cluster: { id: string; status: ClusterStatus }): boolean {
  if (cluster.status !== 'forming') return true;
  const seen = formingNetworksSeenBy(actor);
  return seen === 'all' || seen.includes(cluster.id);
}
