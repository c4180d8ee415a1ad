import { AppError } from '../../server/http/app-error';
import { type Actor, hasClusterPermission } from '../../shared/access';

/** A cluster's managers add and change its partners; programme staff those of any cluster. */
export function canManagePartners(actor: Actor, cluster: { id: string }): boolean {
  return hasClusterPermission(actor, 'memberships.manage', cluster.id);
}

export function requireManagePartners(actor: Actor, cluster: { id: string }): void {
  if (!canManagePartners(actor, cluster)) {
    throw new AppError('forbidden', "You may manage only your own cluster's partners.");
  }
}
