import { conflictOnUniqueViolation } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import type { RoleGrant } from '../../shared/access';
import { grantRolesInTransaction } from '../accounts/accounts.service';
import type { ClusterProfile, NewFormingNetwork } from '../clusters/clusters.contract';
import { createFormingNetwork, getClusterProfile } from '../clusters/clusters.service';
import { clusterPartners } from '../memberships/memberships.service';
import { requireRegisterFormingNetwork } from './forming-networks.policy';

/**
 * Registers a forming network and makes the person who registers it its cluster manager, in one
 * transaction: a network nobody manages, or a manager of nothing, never exists. Answers the
 * network's profile as its new manager sees it.
 */
export async function registerFormingNetwork(
  ctx: ServiceContext,
  input: NewFormingNetwork,
): Promise<ClusterProfile> {
  const actor = requireRegisterFormingNetwork(ctx.actor);
  const registered = await ctx.db
    .transaction(async (tx) => {
      const network = await createFormingNetwork({ ...ctx, db: tx }, input);
      const manager: RoleGrant = { role: 'cluster_manager', clusterId: network.id, organisationId: null };
      await grantRolesInTransaction(tx, ctx, actor.accountId, [manager]);
      return { slug: network.slug, manager };
    })
    .catch((error: unknown) => {
      // Two networks of one name registered at the same moment: the second may simply try again.
      throw conflictOnUniqueViolation(error, 'A network with this name was registered just now. Try again.');
    });
  // This request's actor was read before the role existed; the profile is shown as the manager sees it.
  const asManager = { ...actor, grants: [...actor.grants, registered.manager] };
  return getClusterProfile({ ...ctx, actor: asManager }, registered.slug, clusterPartners);
}
