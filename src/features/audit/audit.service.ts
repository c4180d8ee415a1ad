import { type Clock, osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { type Actor, clustersWithPermission } from '../../shared/access';
import { clusterRefsById, findClusterId } from '../clusters/clusters.service';
import type { AuditEventView, AuditFilter, ListAuditEventsQuery } from './audit.contract';
import {
  type AuditConditions,
  type AuditRow,
  listAuditBatch,
  listAuditPage,
  listEventsHolding,
  renameActor,
  updateEventValues,
} from './audit.queries';
import { auditEvents } from './audit.table';
import { AUDIT_CSV_HEADER, auditCsvRecord } from './audit-csv';

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

/**
 * The filter with the cluster's slug turned into its id. An unknown slug is bad input (a field
 * error), not an empty result, so a mistyped link says what is wrong.
 */
async function conditionsOf(db: Db, filter: AuditFilter): Promise<AuditConditions> {
  const { cluster, ...rest } = filter;
  if (!cluster) return rest;
  const clusterId = await findClusterId(db, cluster);
  if (!clusterId) {
    const message = `there is no cluster "${cluster}"`;
    throw new AppError('validation_failed', `Some of the input is not valid: cluster.`, {
      fieldErrors: [{ path: ['query', 'cluster'], message }],
    });
  }
  return { ...rest, clusterId };
}

/** Where the actor may read: 'all', their clusters, or nowhere (an empty list). */
function readScope(actor: Actor): 'all' | string[] {
  return clustersWithPermission(actor, 'audit.read');
}

async function toViews(db: Db, rows: AuditRow[]): Promise<AuditEventView[]> {
  const clusters = await clusterRefsById(db, [
    ...new Set(rows.flatMap((row) => (row.clusterId ? [row.clusterId] : []))),
  ]);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorName: row.actorName,
    actorAccountId: row.actorAccountId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    clusterId: row.clusterId,
    cluster: (row.clusterId && clusters.get(row.clusterId)) || null,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  }));
}

/** The audit trail the actor may read: everything for programme staff, their cluster's for a manager. */
export async function listAuditEvents(
  { db, actor }: { db: Db; actor: Actor },
  query: ListAuditEventsQuery,
): Promise<Page<AuditEventView>> {
  const { page, pageSize, ...filter } = query;
  const conditions = await conditionsOf(db, filter);
  const scope = readScope(actor);
  if (scope !== 'all' && scope.length === 0) return { items: [], total: 0, page, pageSize };
  const { rows, total } = await listAuditPage(db, scope, conditions, { page, pageSize });
  return { items: await toViews(db, rows), total, page, pageSize };
}

const BATCH_SIZE = 500;

/** Every event matching the filter in the scope, newest first, read a batch at a time. */
async function* eventBatches(db: Db, scope: 'all' | string[], conditions: AuditConditions) {
  if (scope !== 'all' && scope.length === 0) return;
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await listAuditBatch(db, scope, conditions, beforeSeq, BATCH_SIZE);
    if (rows.length === 0) return;
    yield await toViews(db, rows);
    if (rows.length < BATCH_SIZE) return;
    beforeSeq = rows[rows.length - 1]!.seq;
  }
}

/**
 * The trail as CSV, in the same scope and with the same filters as the list. The filter is
 * checked before anything is sent; then the text is produced batch by batch as it is read, so
 * the whole trail never sits in memory.
 */
export async function exportAuditCsv(
  { db, actor, clock }: { db: Db; actor: Actor; clock: Clock },
  filter: AuditFilter,
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  const conditions = await conditionsOf(db, filter);
  const scope = readScope(actor);
  async function* chunks() {
    yield AUDIT_CSV_HEADER;
    for await (const batch of eventBatches(db, scope, conditions)) {
      yield batch.map(auditCsvRecord).join('');
    }
  }
  return { filename: `klynge-audit-${osloDate(clock.now())}.csv`, chunks: chunks() };
}

/** The events an account made, newest first, a batch at a time (for a person's data export). */
export function auditEventsByAccount(db: Db, accountId: string): AsyncIterable<AuditEventView[]> {
  return eventBatches(db, 'all', { actorAccountId: accountId });
}

/** The name an erased person's events carry instead of theirs. */
export const ERASED_PERSON_LABEL = 'Erased person';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every string in a JSON value with each occurrence of the personal values, in any case, replaced. */
function redact(value: unknown, personal: RegExp): unknown {
  if (typeof value === 'string') return value.replace(personal, ERASED_PERSON_LABEL);
  if (Array.isArray(value)) return value.map((item) => redact(item, personal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, personal)]));
  }
  return value;
}

/**
 * Takes an erased person out of the trail without breaking it: their events keep their account
 * id and everything else, under a neutral name; wherever their name, e-mail or phone appears in
 * a before or after value, the same neutral label takes its place. Runs in the erasure's
 * transaction.
 */
export async function eraseFromAuditTrail(
  tx: Db,
  person: { accountId: string | null; values: string[] },
): Promise<{ renamed: number; redacted: number }> {
  const renamed = person.accountId ? await renameActor(tx, person.accountId, ERASED_PERSON_LABEL) : 0;
  // Longest first, so an address is replaced whole before a name inside it; a value shorter than
  // three characters says too little about anyone to hunt for inside other text.
  const values = [...new Set(person.values.map((value) => value.trim()))]
    .filter((value) => value.length >= 3)
    .sort((a, b) => b.length - a.length);
  let redacted = 0;
  if (values.length === 0) return { renamed, redacted };
  const personal = new RegExp(values.map(escapeRegExp).join('|'), 'giu');
  let afterSeq = 0;
  for (;;) {
    const rows = await listEventsHolding(tx, values, afterSeq, BATCH_SIZE);
    for (const row of rows) {
      const before = redact(row.before, personal);
      const after = redact(row.after, personal);
      // Only the column that changes is written: an empty one stays SQL NULL, not JSON null.
      const changes = {
        ...(JSON.stringify(before) === JSON.stringify(row.before) ? {} : { before }),
        ...(JSON.stringify(after) === JSON.stringify(row.after) ? {} : { after }),
      };
      await updateEventValues(tx, row.id, changes);
    }
    redacted += rows.length;
    if (rows.length < BATCH_SIZE) return { renamed, redacted };
    afterSeq = rows[rows.length - 1]!.seq;
  }
}
