import { and, count, desc, eq, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { containsPattern } from '../../server/db/like';
import type { AuditFilter } from './audit.contract';
import type { AuditScope } from './audit.policy';
import { auditEvents } from './audit.table';

// The trail as people read it. It reads only the audit feature's own table: the slug and name of
// the cluster an event concerns come from the clusters feature, which comes after audit, through
// the `ClusterDirectory` that src/server/features.ts hands the audit routes.

/** The filters as the queries take them: the cluster already resolved from its slug to its id. */
export type AuditConditions = Omit<AuditFilter, 'cluster'> & { clusterId?: string };

/**
 * The WHERE clause for a scope and filters: 'all' for programme-wide readers, otherwise only
 * events about the given clusters. What falls outside the scope is never read. Days are
 * Europe/Oslo days, turned into instants by PostgreSQL so summer time is handled there.
 */
function whereOf(scope: AuditScope, filter: AuditConditions): SQL | undefined {
  return and(
    scope === 'all' ? undefined : inArray(auditEvents.clusterId, scope),
    filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.actor ? ilike(auditEvents.actorName, containsPattern(filter.actor)) : undefined,
    filter.actorAccountId ? eq(auditEvents.actorAccountId, filter.actorAccountId) : undefined,
    filter.clusterId ? eq(auditEvents.clusterId, filter.clusterId) : undefined,
    filter.from
      ? sql`${auditEvents.occurredAt} >= (${filter.from}::date::timestamp at time zone 'Europe/Oslo')`
      : undefined,
    filter.to
      ? sql`${auditEvents.occurredAt} < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Oslo')`
      : undefined,
  );
}

/** A page of the trail, newest first (by order of recording). */
export async function listAuditPage(
  db: Db,
  scope: AuditScope,
  filter: AuditConditions,
  page: { page: number; pageSize: number },
) {
  const where = whereOf(scope, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * The next batch of the trail after `beforeSeq`, newest first. Reading by position rather than
 * by offset keeps every batch an index range, and events recorded during a long export land
 * above the first batch, so they neither shift nor repeat rows.
 */
export function listAuditBatch(
  db: Db,
  scope: AuditScope,
  filter: AuditConditions,
  beforeSeq: number | undefined,
  size: number,
) {
  return db
    .select()
    .from(auditEvents)
    .where(and(whereOf(scope, filter), beforeSeq === undefined ? undefined : lt(auditEvents.seq, beforeSeq)))
    .orderBy(desc(auditEvents.seq))
    .limit(size);
}

export type AuditTrailRow = Awaited<ReturnType<typeof listAuditBatch>>[number];
