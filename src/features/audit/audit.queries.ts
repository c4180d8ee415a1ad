import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { ListAuditEventsQuery } from './audit.contract';
import { auditEvents } from './audit.table';

/**
 * A page of the trail, scoped in SQL: 'all' for programme-wide readers, otherwise only events
 * about the given clusters. What falls outside the scope is never read.
 */
export async function listAuditPage(db: Db, scope: 'all' | string[], query: ListAuditEventsQuery) {
  const conditions: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(auditEvents.clusterId, scope),
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
