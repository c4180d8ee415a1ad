import type { Db } from '../../server/db/client';
import type { Actor } from '../../shared/access';
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
