import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from '../applications/applications.table';
import { calls } from '../calls/calls.table';
import { clusters, engagements } from '../clusters/clusters.table';
import type { LevelCode } from '../programme/levels';
import type { DecisionKind, DecisionOutcome, DecisionStatus } from './decisions.lifecycle';

const instant = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A decision on an application of a call (`kind` = `call`), or on extending a running engagement
 * outside any call (`extension`). It stays a draft until its round is published (or, for an
 * extension, until it is made), and is then history: it never changes again.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<DecisionKind>().notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    callId: uuid('call_id').references(() => calls.id),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
    outcome: text('outcome').$type<DecisionOutcome>().notNull(),
    /** The level admitted at; null for a rejection. */
    levelCode: text('level_code').$type<LevelCode>(),
    startsOn: date('starts_on'),
    years: integer('years'),
    /** The grant for each year of the period, NOK, in the period's order. */
    yearlyGrantsNok: jsonb('yearly_grants_nok').$type<number[]>().notNull().default([]),
    conditions: text('conditions').notNull().default(''),
    letterNb: text('letter_nb').notNull().default(''),
    letterEn: text('letter_en').notNull().default(''),
    status: text('status').$type<DecisionStatus>().notNull().default('draft'),
    /** The engagement the decision started (an admission) or extended (an extension), once published. */
    engagementId: uuid('engagement_id').references(() => engagements.id),
    /** For a Hub-node admitted: the hub it was linked to on publication. */
    hubClusterId: uuid('hub_cluster_id').references(() => clusters.id),
    publishedAt: instant('published_at'),
    /** An operator admin's reason for publishing past a year's frame or the state-aid cap. */
    overrideReason: text('override_reason'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_application_key').on(t.applicationId),
    index('decisions_call_idx').on(t.callId),
    index('decisions_cluster_idx').on(t.clusterId),
    check('decisions_kind_check', sql`${t.kind} in ('call', 'extension')`),
    check('decisions_outcome_check', sql`${t.outcome} in ('admit', 'reject', 'extend')`),
    check('decisions_status_check', sql`${t.status} in ('draft', 'published')`),
    check(
      'decisions_call_check',
      sql`(${t.kind} = 'call') = (${t.applicationId} is not null and ${t.callId} is not null)`,
    ),
    check('decisions_years_check', sql`${t.years} is null or ${t.years} >= 1`),
  ],
);

/** A published round: when, and the programme's size that day, as its announcement states them. */
export const roundPublications = pgTable('round_publications', {
  callId: uuid('call_id')
    .primaryKey()
    .references(() => calls.id),
  publishedAt: instant('published_at').notNull(),
  publishedOn: date('published_on').notNull(),
  clustersInProgramme: integer('clusters_in_programme').notNull(),
  overrideReason: text('override_reason'),
});
