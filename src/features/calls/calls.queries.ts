import { and, asc, desc, eq, getTableColumns, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { LevelCode } from '../programme/levels';
import type { ListCallsQuery } from './calls.contract';
import type { CallStatus } from './calls.lifecycle';
import { callCriteria, callDeadlineExtensions, callLevels, callStatusAt, calls } from './calls.table';

export type CallRow = typeof calls.$inferSelect;
export type CallInsert = typeof calls.$inferInsert;
export type CallLevelRow = { level: LevelCode; moneyNok: number };
export type CriterionRow = typeof callCriteria.$inferSelect;
export type CriterionInsert = Omit<typeof callCriteria.$inferInsert, 'callId' | 'position'>;

// Written with the table's name: drizzle leaves columns unqualified in single-table selects, which
// would make "id" ambiguous inside these subqueries.
const levelsOf = sql<
  CallLevelRow[]
>`coalesce((select json_agg(json_build_object('level', cl.level_code, 'moneyNok', cl.money_nok) order by cl.position)
  from call_levels cl where cl.call_id = "calls"."id"), '[]'::json)`;

/** Open calls first, soonest deadline first; then the rest, latest deadline first. Drafts lead for staff. */
function listOrder(status: SQL<CallStatus>): SQL[] {
  const rank = sql`case ${status} when 'draft' then 0 when 'open' then 1 when 'closed' then 2 else 3 end`;
  const soonestOpen = sql`case when ${status} = 'open' then ${calls.deadlineAt} end`;
  return [rank, asc(soonestOpen), desc(calls.deadlineAt), asc(calls.id)];
}

/**
 * A page of calls with their effective status at `now` and their levels. `withDrafts` is false
 * for anyone who may not see drafts: they are left out in SQL, not after.
 */
export async function listCallsPage(
  db: Db,
  query: ListCallsQuery,
  options: { now: Date; withDrafts: boolean },
) {
  const status = callStatusAt(options.now);
  const where = and(
    options.withDrafts ? undefined : ne(calls.status, 'draft'),
    query.status ? eq(status, query.status) : undefined,
    query.level
      ? sql`exists (select 1 from call_levels cl where cl.call_id = "calls"."id" and cl.level_code = ${query.level})`
      : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({ ...getTableColumns(calls), effectiveStatus: status, levels: levelsOf })
      .from(calls)
      .where(where)
      .orderBy(...listOrder(status))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(calls).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

export async function findCall(db: Db, id: string) {
  const [row] = await db.select().from(calls).where(eq(calls.id, id)).limit(1);
  return row;
}

/** The call, locked until the transaction ends, so two changes to it are made one after the other. */
export async function findCallForUpdate(db: Db, id: string) {
  const [row] = await db.select().from(calls).where(eq(calls.id, id)).for('update');
  return row;
}

export function listLevelsOfCall(db: Db, callId: string): Promise<CallLevelRow[]> {
  return db
    .select({ level: callLevels.levelCode, moneyNok: callLevels.moneyNok })
    .from(callLevels)
    .where(eq(callLevels.callId, callId))
    .orderBy(asc(callLevels.position));
}

export function listCriteriaOfCall(db: Db, callId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(callCriteria)
    .where(eq(callCriteria.callId, callId))
    .orderBy(asc(callCriteria.position));
}

export function listDeadlineExtensionsOfCall(db: Db, callId: string) {
  return db
    .select()
    .from(callDeadlineExtensions)
    .where(eq(callDeadlineExtensions.callId, callId))
    .orderBy(asc(callDeadlineExtensions.extendedAt));
}

export async function insertCall(db: Db, values: CallInsert): Promise<CallRow> {
  const [row] = await db.insert(calls).values(values).returning();
  return row!;
}

export async function updateCallColumns(
  db: Db,
  callId: string,
  columns: Partial<Omit<CallInsert, 'id' | 'createdAt'>>,
): Promise<void> {
  await db.update(calls).set(columns).where(eq(calls.id, callId));
}

/** Replaces the call's levels; their order is the order given. */
export async function replaceLevelsOfCall(db: Db, callId: string, levels: CallLevelRow[]): Promise<void> {
  await db.delete(callLevels).where(eq(callLevels.callId, callId));
  if (levels.length > 0) {
    await db.insert(callLevels).values(
      levels.map((entry, position) => ({
        callId,
        levelCode: entry.level,
        moneyNok: entry.moneyNok,
        position,
      })),
    );
  }
}

/** Replaces the call's criteria; their order is the order given. */
export async function replaceCriteriaOfCall(
  db: Db,
  callId: string,
  criteria: CriterionInsert[],
): Promise<void> {
  await db.delete(callCriteria).where(eq(callCriteria.callId, callId));
  if (criteria.length > 0) {
    await db
      .insert(callCriteria)
      .values(criteria.map((criterion, position) => ({ ...criterion, callId, position })));
  }
}

export async function insertDeadlineExtension(
  db: Db,
  values: typeof callDeadlineExtensions.$inferInsert,
): Promise<void> {
  await db.insert(callDeadlineExtensions).values(values);
}
