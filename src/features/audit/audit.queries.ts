import { and, count, desc, eq, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client';
import { containsPattern } from '../../server/db/like';
import type { AuditFilter } from './audit.contract';
import { auditEvents } from './audit.table';

/** The filters as the queries take them: the cluster already resolved from its slug to its id. */
export type AuditConditions = Omit<AuditFilter, 'cluster'> & { clusterId?: string };

/**
 * The WHERE clause for a scope and filters: 'all' for programme-wide readers, otherwise only
 * events about the given clusters. What falls outside the scope is never read. Days are
 * Europe/Oslo days, turned into instants by PostgreSQL so summer time is handled there.
 */
function whereOf(scope: 'all' | string[], filter: AuditConditions): SQL | undefined {
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
  scope: 'all' | string[],
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
  scope: 'all' | string[],
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

export type AuditRow = typeof auditEvents.$inferSelect;

/** Puts a neutral name on every event this account made; the account id stays, so the trail keeps its shape. */
export async function renameActor(db: Db, accountId: string, name: string): Promise<number> {
  const rows = await db
    .update(auditEvents)
    .set({ actorName: name })
    .where(eq(auditEvents.actorAccountId, accountId))
    .returning({ id: auditEvents.id });
  return rows.length;
}

/**
 * Whether a JSON column holds one of these strings anywhere in its text, in any case. The
 * strings are matched in their JSON-escaped form, as they appear in the column's text.
 */
function holdsAny(column: AnyPgColumn, values: string[]): SQL {
  return sql.join(
    values.map(
      (value) =>
        sql`coalesce(${column}::text ilike ${containsPattern(JSON.stringify(value).slice(1, -1))}, false)`,
    ),
    sql` or `,
  );
}

/**
 * The next batch of events whose before or after values hold one of these strings. Erasure is
 * rare, so reading through the trail in order of recording is an acceptable price.
 */
export function listEventsHolding(db: Db, values: string[], afterSeq: number, size: number) {
  return db
    .select({
      id: auditEvents.id,
      seq: auditEvents.seq,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(
      and(
        sql`(${holdsAny(auditEvents.before, values)} or ${holdsAny(auditEvents.after, values)})`,
        sql`${auditEvents.seq} > ${afterSeq}`,
      ),
    )
    .orderBy(auditEvents.seq)
    .limit(size);
}

export async function updateEventValues(db: Db, id: string, values: { before?: unknown; after?: unknown }) {
  await db.update(auditEvents).set(values).where(eq(auditEvents.id, id));
}
