import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import type { AuditEventView, AuditFilter, ListAuditEventsQuery } from './audit.contract';
import { type AuditScope, requireAuditReader } from './audit.policy';
import { listEventsHolding, listRecordedActions, renameActor, updateEventValues } from './audit.queries';
import { AUDIT_CSV_HEADER, auditCsvRecord } from './audit-csv';
import {
  type AuditConditions,
  type AuditTrailRow,
  listAuditBatch,
  listAuditPage,
} from './audit-trail.queries';

/**
 * How the trail names the clusters its events concern. Clusters come after audit in the features'
 * order, so the trail does not read them: src/server/features.ts passes the clusters feature's
 * lookups in.
 */
export type ClusterDirectory = {
  idsBySlug(ctx: Pick<ServiceContext, 'db'>, slugs: string[]): Promise<Map<string, string>>;
  refsById(
    ctx: Pick<ServiceContext, 'db'>,
    ids: string[],
  ): Promise<Map<string, { slug: string; name: string }>>;
};

/**
 * The filter with the cluster's slug turned into its id. An unknown slug is bad input (a field
 * error), not an empty result, so a mistyped link says what is wrong.
 */
async function conditionsOf(
  db: Db,
  clusters: ClusterDirectory,
  filter: AuditFilter,
): Promise<AuditConditions> {
  const { cluster, ...rest } = filter;
  if (!cluster) return rest;
  const clusterId = (await clusters.idsBySlug({ db }, [cluster])).get(cluster);
  if (!clusterId) {
    const message = `there is no cluster "${cluster}"`;
    throw new AppError('validation_failed', `Some of the input is not valid: cluster.`, {
      fieldErrors: [{ path: ['query', 'cluster'], message }],
    });
  }
  return { ...rest, clusterId };
}

/** The rows as people read them, each with the slug and name of its cluster (null when gone). */
async function toViews(db: Db, clusters: ClusterDirectory, rows: AuditTrailRow[]): Promise<AuditEventView[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.clusterId ? [row.clusterId] : [])))];
  const refs = await clusters.refsById({ db }, ids);
  return rows.map((row) => toView(row, (row.clusterId && refs.get(row.clusterId)) || null));
}

function toView(row: AuditTrailRow, cluster: { slug: string; name: string } | null): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorName: row.actorName,
    actorAccountId: row.actorAccountId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: row.entityName,
    clusterId: row.clusterId,
    cluster,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}

/** The audit trail the actor may read: everything for programme staff, their cluster's for a manager. */
export async function listAuditEvents(
  { db, actor }: Pick<ServiceContext, 'db' | 'actor'>,
  query: ListAuditEventsQuery,
  clusters: ClusterDirectory,
): Promise<Page<AuditEventView>> {
  const scope = requireAuditReader(actor);
  const { page, pageSize, ...filter } = query;
  const conditions = await conditionsOf(db, clusters, filter);
  if (scope !== 'all' && scope.length === 0) return { items: [], total: 0, page, pageSize };
  const { rows, total } = await listAuditPage(db, scope, conditions, { page, pageSize });
  return { items: await toViews(db, clusters, rows), total, page, pageSize };
}

const BATCH_SIZE = 500;

/** Every event matching the filter in the scope, newest first, read a batch at a time. */
async function* eventBatches(
  db: Db,
  clusters: ClusterDirectory,
  scope: AuditScope,
  conditions: AuditConditions,
) {
  if (scope !== 'all' && scope.length === 0) return;
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await listAuditBatch(db, scope, conditions, beforeSeq, BATCH_SIZE);
    if (rows.length === 0) return;
    yield await toViews(db, clusters, rows);
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
  { db, actor, clock }: Pick<ServiceContext, 'db' | 'actor' | 'clock'>,
  filter: AuditFilter,
  clusters: ClusterDirectory,
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  const scope = requireAuditReader(actor);
  const conditions = await conditionsOf(db, clusters, filter);
  async function* chunks() {
    yield AUDIT_CSV_HEADER;
    for await (const batch of eventBatches(db, clusters, scope, conditions)) {
      yield batch.map(auditCsvRecord).join('');
    }
  }
  return { filename: `klynge-audit-${osloDate(clock.now())}.csv`, chunks: chunks() };
}

/** The events an account made, newest first, a batch at a time (for a person's data export). */
export function listAuditEventsByAccount(
  { db }: Pick<ServiceContext, 'db'>,
  accountId: string,
  clusters: ClusterDirectory,
): AsyncIterable<AuditEventView[]> {
  return eventBatches(db, clusters, 'all', { actorAccountId: accountId });
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
 * a before or after value or in the name an event gives its entity, the same neutral label takes
 * its place. Runs in the erasure's
 * transaction: its context's `db` is that transaction.
 */
export async function eraseFromAuditTrail(
  { db: tx }: Pick<ServiceContext, 'db'>,
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
      const entityName = row.entityName === null ? null : (redact(row.entityName, personal) as string);
      const changes = {
        ...(JSON.stringify(before) === JSON.stringify(row.before) ? {} : { before }),
        ...(JSON.stringify(after) === JSON.stringify(row.after) ? {} : { after }),
        ...(entityName === row.entityName ? {} : { entityName }),
      };
      await updateEventValues(tx, row.id, changes);
    }
    redacted += rows.length;
    if (rows.length < BATCH_SIZE) return { renamed, redacted };
    afterSeq = rows[rows.length - 1]!.seq;
  }
}

/** The actions the reader's part of the trail holds, for choosing one rather than typing its code. */
export async function listAuditActions({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>) {
  const scope = requireAuditReader(actor);
  return { items: await listRecordedActions(db, scope) };
}
