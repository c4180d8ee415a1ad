import { AppError } from '../../server/http/app-error';
import { type Actor, hasClusterPermission, hasProgrammePermission } from '../../shared/access';

/** A cluster's managers edit its profile; programme staff edit any cluster's. */
export function canEditClusterProfile(actor: Actor, cluster: { id: string }): boolean {
  return hasClusterPermission(actor, 'clusters.edit', cluster.id);
}

/** A cluster's name and status are the programme's to change, not its managers'. */
export function canChangeClusterNameOrStatus(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'clusters.edit');
}

/** Refuses a change to the profile the actor may not make; `change` holds the fields it sets. */
export function requireEditClusterProfile(
  actor: Actor,
  cluster: { id: string },
  change: { name?: unknown; status?: unknown },
): void {
  if (!canEditClusterProfile(actor, cluster)) {
    throw new AppError('forbidden', "You may edit only your own cluster's profile.");
  }
  if ((change.name !== undefined || change.status !== undefined) && !canChangeClusterNameOrStatus(actor)) {
    throw new AppError('forbidden', "Only programme staff may change a cluster's name or status.");
  }
}
