import { AppError, notFound } from '../../server/http/app-error';
import {
  type Actor,
  asReader,
  clustersWithPermission,
  hasClusterPermission,
  hasProgrammePermission,
} from '../../shared/access';

/** What the rules need to know of an application: whose it is. */
type ApplicationOwner = { id: string; clusterId: string };

/** A cluster's manager and staff write its applications: start, save, attach, submit, withdraw. */
export function canWriteApplication(actor: Actor, application: { clusterId: string }): boolean {
  return hasClusterPermission(actor, 'applications.write', application.clusterId);
}

/** Programme staff read every application and may ask an applicant for more information. */
export function canReviewApplications(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'applications.review');
}

/**
 * An application is its cluster's people's and the programme's: nothing a forming network writes
 * is shown to anyone else, and to them it does not exist.
 */
export function canSeeApplication(actor: Actor, application: { clusterId: string }): boolean {
  const reader = asReader(actor);
  return canReviewApplications(reader) || canWriteApplication(reader, application);
}

/** The clusters whose applications the actor's list holds; 'all' for programme staff. */
export function applicationsSeenBy(actor: Actor): 'all' | string[] {
  const reader = asReader(actor);
  return canReviewApplications(reader) ? 'all' : clustersWithPermission(reader, 'applications.write');
}

export function requireSeeApplication(actor: Actor, application: ApplicationOwner): void {
  if (!canSeeApplication(actor, application)) throw notFound(`The application ${application.id}`);
}

/** Hidden from whoever may not see it; refused to those who see it but may not write it (staff). */
export function requireWriteApplication(actor: Actor, application: ApplicationOwner): void {
  requireSeeApplication(actor, application);
  if (!canWriteApplication(actor, application)) {
    throw new AppError('forbidden', "Only the cluster's manager and staff write its applications.");
  }
}

/** Starting an application is writing one for the cluster. */
export function requireStartApplication(actor: Actor, cluster: { id: string; slug: string }): void {
  if (!canWriteApplication(actor, { clusterId: cluster.id })) {
    throw new AppError('forbidden', `Only the manager and staff of ${cluster.slug} start its applications.`);
  }
}

/** Whether the actor has applications to look at: programme staff, or the writers of some cluster's. */
export function canListApplications(actor: Actor): boolean {
  const seen = applicationsSeenBy(actor);
  return seen === 'all' || seen.length > 0;
}
