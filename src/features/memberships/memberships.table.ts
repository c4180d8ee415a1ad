import { and, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MembershipRole } from '../../shared/membership-roles';
import { clusters } from '../clusters/clusters.table';
import { organisations } from '../organisations/organisations.table';

/** An organisation's partnership in a cluster. A partner who leaves and rejoins gets a new row. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<MembershipRole>().notNull(),
    joinedOn: date('joined_on').notNull(),
    agreementSignedOn: date('agreement_signed_on'),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Holds every column of "partners today" per cluster, so counts are index-only scans.
    index('memberships_cluster_idx').on(t.clusterId, t.joinedOn, t.leftOn),
    index('memberships_organisation_idx').on(t.organisationId),
    uniqueIndex('memberships_one_open_key').on(t.clusterId, t.organisationId).where(sql`${t.leftOn} is null`),
    // One partnership per period: two rows beginning the same day are the same period twice.
    uniqueIndex('memberships_one_per_period_key').on(t.clusterId, t.organisationId, t.joinedOn),
    check('memberships_role_check', sql`${t.role} in ('core_partner', 'partner', 'associate')`),
    check('memberships_period_check', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

/** A membership counts on `day` from the day it starts until the day before it ends. */
export function membershipActiveOn(day: string): SQL {
  return and(lte(memberships.joinedOn, day), or(isNull(memberships.leftOn), gt(memberships.leftOn, day)))!;
}
