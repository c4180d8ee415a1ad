import { AppError } from '../../server/http/app-error';
import { type Actor, clustersWithPermission, hasPermission } from '../../shared/access';

/** The part of the trail an actor reads: all of it, or the events about some clusters. */
export type AuditScope = 'all' | string[];

/** Programme staff read the whole trail; a cluster manager the events about their clusters. */
export function auditReadScope(actor: Actor): AuditScope {
  return clustersWithPermission(actor, 'audit.read');
}

/** Whether the actor may read any of the trail: the audit page and its export. */
export function canReadAuditTrail(actor: Actor): boolean {
  return hasPermission(actor, 'audit.read');
}

/** Whether the actor may read this event: one about no cluster is for programme staff only. */
export function canReadAuditEvent(actor: Actor, event: { clusterId: string | null }): boolean {
  const scope = auditReadScope(actor);
  return scope === 'all' || (event.clusterId !== null && scope.includes(event.clusterId));
}

/** The scope the actor reads the trail in; refuses anyone who may read none of it. */
export function requireAuditReader(actor: Actor): AuditScope {
  if (!canReadAuditTrail(actor))
    throw new AppError('forbidden', 'Your roles do not allow reading the audit trail.');
  return auditReadScope(actor);
}
