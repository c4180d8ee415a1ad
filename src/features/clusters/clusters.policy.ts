import { AppError, notFound } from '../../server/http/app-error';
import { type Actor, hasClusterPermission, hasProgrammePermission } from '../../shared/access';
import { type ClusterStatus, canSeeCluster } from '../../shared/cluster-status';

type ClusterFacts = { id: string; status: ClusterStatus };

/**
 * A forming network is hidden from everyone but its own people and programme staff
 * (`canSeeCluster`, in shared because an organisation's page asks too): to anyone else it is not
 * there at all.
 */
export function requireSeeCluster(actor: Actor, cluster: ClusterFacts & { slug: string }): void {
  if (!canSeeCluster(actor, cluster)) throw notFound(`The cluster "${cluster.slug}"`);
}

/** A cluster's managers edit its profile; programme staff edit any cluster's. */
export function canEditClusterProfile(actor: Actor, cluster: { id: string }): boolean {
  return hasClusterPermission(actor, 'clusters.edit', cluster.id);
}

/** A cluster's name and status are the programme's to change, not its managers'. */
export function canChangeClusterNameOrStatus(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'clusters.edit');
}

/**
 * A forming network is not in the programme yet, so its managers may still correct the name they
 * registered it under; once it is admitted, the name is the programme's.
 */
export function canChangeClusterName(actor: Actor, cluster: ClusterFacts): boolean {
  if (canChangeClusterNameOrStatus(actor)) return true;
  return cluster.status === 'forming' && canEditClusterProfile(actor, cluster);
}

/** A forming network becomes a cluster through a decision that admits it, never by an edit. */
export function canChangeClusterStatus(actor: Actor, cluster: ClusterFacts): boolean {
  return cluster.status !== 'forming' && canChangeClusterNameOrStatus(actor);
}

/** Refuses a change to the profile the actor may not make; `change` holds the fields it sets. */
export function requireEditClusterProfile(
  actor: Actor,
  cluster: ClusterFacts,
  change: { name?: unknown; status?: unknown },
): void {
  if (!canEditClusterProfile(actor, cluster)) {
    throw new AppError('forbidden', "You may edit only your own cluster's profile.");
  }
  if (change.status !== undefined && cluster.status === 'forming') {
    throw new AppError(
      'invalid_state',
      'A forming network becomes a cluster in the programme through a decision that admits it, not by an edit.',
    );
  }
  const refused =
    (change.name !== undefined && !canChangeClusterName(actor, cluster)) ||
    (change.status !== undefined && !canChangeClusterStatus(actor, cluster));
  if (refused) throw new AppError('forbidden', "Only programme staff may change a cluster's name or status.");
}
