import type { Db } from '../../server/db/client';
import type { Page } from '../../server/http/pagination';
import { type Actor, clustersWithPermission } from '../../shared/access';
import type { AuditEventView, ListAuditEventsQuery } from './audit.contract';
import { listAuditPage } from './audit.queries';
import { auditEvents } from './audit.table';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  clusterId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditContext = { actor: Actor; requestId?: string; now: Date };

/** Records a write. Call it with the transaction that makes the write, so both land or neither. */
export async function recordAudit(tx: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
  const { actor } = context;
  await tx.insert(auditEvents).values({
    occurredAt: context.now,
    actorAccountId: actor.kind === 'account' ? actor.accountId : null,
    actorName: actor.kind === 'account' ? actor.name : 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    clusterId: entry.clusterId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: context.requestId ?? null,
  });
}

/** The audit trail the actor may read: everything for programme staff, their cluster's for a manager. */
export async function listAuditEvents(
  { db, actor }: { db: Db; actor: Actor },
  query: ListAuditEventsQuery,
): Promise<Page<AuditEventView>> {
  const scope = clustersWithPermission(actor, 'audit.read');
  if (scope !== 'all' && scope.length === 0)
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await listAuditPage(db, scope, query);
  return {
    items: rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      clusterId: row.clusterId,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
