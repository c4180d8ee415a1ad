import type { Db } from '../../server/db/client';
import type { ServiceContext } from '../../server/service-context';
import { auditEvents } from './audit.table';

/**
 * The one way every feature records a write. It needs nothing but the audit table, so any
 * feature may import it without depending on the audit trail's pages and exports.
 */

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  /** What the entity is called now; when absent, the `name` the after (or before) value holds. */
  entityName?: string | null;
  clusterId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** The `name` a recorded value carries, if it is an object with one. */
function nameIn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const name = (value as Record<string, unknown>).name;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** Records a write. Call it with the transaction that makes the write, so both land or neither. */
export async function recordAudit(
  tx: Db,
  context: Pick<ServiceContext, 'actor' | 'clock' | 'requestId'>,
  entry: AuditEntry,
): Promise<void> {
  const { actor } = context;
  await tx.insert(auditEvents).values({
    occurredAt: context.clock.now(),
    actorAccountId: actor.kind === 'account' ? actor.accountId : null,
    actorName: actor.kind === 'account' ? actor.name : 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityName: entry.entityName ?? nameIn(entry.after) ?? nameIn(entry.before) ?? null,
    clusterId: entry.clusterId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: context.requestId ?? null,
  });
}

/**
 * What a partial update changes: for each field of `current` whose value in `next` differs
 * (compared as JSON, so arrays and objects compare by content), its old value in `before` and its
 * new one in `after`. Fields `next` leaves undefined are unchanged. An update that changes nothing
 * has an empty `after` and should write and audit nothing.
 */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  next: { [K in keyof T]?: T[K] | undefined },
): { before: Partial<T>; after: Partial<T>; changed: boolean } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(current) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) === JSON.stringify(current[key])) continue;
    before[key] = current[key];
    after[key] = value as T[keyof T];
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}
