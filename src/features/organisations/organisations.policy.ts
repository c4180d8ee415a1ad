import { AppError } from '../../server/http/app-error';
import { type Actor, clustersWithPermission, hasOrganisationPermission } from '../../shared/access';

/** An organisation as the classification rule sees it. */
export type ClassifiedOrganisation = {
  /** Whether it is or was a partner in one of the clusters where the actor classifies. */
  partnerInActorsCluster: boolean;
};

/** Where the actor classifies organisations: 'all' for programme staff, else their clusters. */
export function clustersWhereActorClassifies(actor: Actor): 'all' | string[] {
  return clustersWithPermission(actor, 'organisations.classify');
}

/** Whether the actor classifies organisations anywhere: what decides whether to offer the form. */
export function canClassifyAnywhere(actor: Actor): boolean {
  const clusters = clustersWhereActorClassifies(actor);
  return clusters === 'all' || clusters.length > 0;
}

/**
 * Programme staff may classify any organisation; a cluster manager those that are or were
 * partners in their cluster.
 */
export function canClassifyOrganisation(actor: Actor, organisation: ClassifiedOrganisation): boolean {
  const clusters = clustersWhereActorClassifies(actor);
  return clusters === 'all' || (clusters.length > 0 && organisation.partnerInActorsCluster);
}

export function requireClassifyOrganisation(actor: Actor, organisation: ClassifiedOrganisation): void {
  if (!canClassifyOrganisation(actor, organisation)) {
    throw new AppError('forbidden', 'You may classify only organisations that are partners in your cluster.');
  }
}

/** Its own partner contacts keep an organisation's contact details, and programme staff any. */
export function canEditOrganisationContact(actor: Actor, organisation: { id: string }): boolean {
  return hasOrganisationPermission(actor, 'organisations.contact', organisation.id);
}

export function requireEditOrganisationContact(actor: Actor, organisation: { id: string }): void {
  if (!canEditOrganisationContact(actor, organisation)) {
    throw new AppError('forbidden', "You may change only your own organisation's contact details.");
  }
}

/** An organisation's contact details are for signed-in readers; the public page leaves them out. */
export function canReadOrganisationContact(actor: Actor): boolean {
  return actor.kind === 'account';
}
