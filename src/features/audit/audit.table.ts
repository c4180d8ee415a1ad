import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who changed what, when: one row per write, in the same transaction as the write. Actor and
 * entity are plain values, not foreign keys, so the trail outlives what it describes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of recording: events in one transaction share a time but never a place in the trail. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /**
     * What the entity was called when the change was made (an organisation's name, a person's, a
     * call's title), so the trail reads as names even after the entity is renamed or gone.
     */
    entityName: text('entity_name'),
    /** The cluster the change concerns, so a cluster manager can read their cluster's trail. */
    clusterId: uuid('cluster_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_seq_idx').on(t.seq),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_cluster_idx').on(t.clusterId, t.seq),
  ],
);
