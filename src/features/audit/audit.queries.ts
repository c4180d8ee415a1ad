import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client';
import { containsPattern } from '../../server/db/like';
import { auditEvents } from './audit.table';

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

/** Whether a text column holds one of these strings, in any case. */
function holdsAnyText(column: AnyPgColumn, values: string[]): SQL {
  return sql.join(
    values.map((value) => sql`coalesce(${column} ilike ${containsPattern(value)}, false)`),
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
      entityName: auditEvents.entityName,
    })
    .from(auditEvents)
    .where(
      and(
        sql`(${holdsAny(auditEvents.before, values)} or ${holdsAny(auditEvents.after, values)}
          or ${holdsAnyText(auditEvents.entityName, values)})`,
        sql`${auditEvents.seq} > ${afterSeq}`,
      ),
    )
    .orderBy(auditEvents.seq)
    .limit(size);
}

export async function updateEventValues(
  db: Db,
  id: string,
  values: { before?: unknown; after?: unknown; entityName?: string | null },
) {
  await db.update(auditEvents).set(values).where(eq(auditEvents.id, id));
}

/**
 * The actions recorded in the scope, in alphabetical order, for the trail's filter to offer. A
 * distinct scan rather than a list kept by hand: a new feature's actions appear as they happen.
 */
export async function listRecordedActions(db: Db, clusterIds: 'all' | string[]): Promise<string[]> {
  if (clusterIds !== 'all' && clusterIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(clusterIds === 'all' ? undefined : inArray(auditEvents.clusterId, clusterIds))
    .orderBy(auditEvents.action);
  return rows.map((row) => row.action);
}
