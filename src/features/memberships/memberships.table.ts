import { and, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  json,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MembershipRole } from '../../shared/membership-roles';
import { clusters } from '../clusters/clusters.table';
import type { ActorType } from '../organisations/actor-type';
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
    // Copies of the partner organisation's facts that the partner list is sorted by and the
    // partner statistics count, so that both read one index of this table and not a row of
    // organisations per partner. Database triggers keep them (migration
    // 0015_partner-facts): on insert they are read from the organisation, and a change to the
    // organisation is copied to its memberships. Nothing writes them otherwise.
    organisationSortKey: text('organisation_sort_key').notNull().default(''),
    organisationOrgnr: text('organisation_orgnr').notNull().default(''),
    organisationActorType: text('organisation_actor_type').$type<ActorType>().notNull().default('sme'),
    /** False for an organisation entered by hand whose actor type nobody stated. */
    organisationTypeKnown: boolean('organisation_type_known').notNull().default(true),
    organisationCountyCode: text('organisation_county_code'),
    organisationEmployees: integer('organisation_employees'),
    /** The SN2007 division (two digits) of the organisation's primary industry code. */
    organisationDivision: text('organisation_division'),
    organisationName: text('organisation_name').notNull().default(''),
  },
  (t) => [
    // Holds every column of "partners today" per cluster and every fact the partner statistics
    // count, so counts and statistics are index-only scans.
    index('memberships_cluster_idx').on(
      t.clusterId,
      t.joinedOn,
      t.leftOn,
      t.role,
      t.organisationActorType,
      t.organisationTypeKnown,
      t.organisationCountyCode,
      t.organisationEmployees,
      t.organisationDivision,
    ),
    // The partner list's order and every column a row of it shows, so a page (or the page after
    // a cursor) is read in order from the index alone, without a row of this table or of
    // organisations.
    index('memberships_list_idx').on(
      t.clusterId,
      sql`${t.organisationSortKey} COLLATE "C"`,
      t.organisationOrgnr,
      t.joinedOn,
      t.leftOn,
      t.role,
      t.organisationActorType,
      t.id,
      t.agreementSignedOn,
      t.organisationCountyCode,
      t.organisationEmployees,
      t.organisationName,
    ),
    index('memberships_organisation_idx').on(t.organisationId),
    uniqueIndex('memberships_one_open_key').on(t.clusterId, t.organisationId).where(sql`${t.leftOn} is null`),
    // One partnership per period: two rows beginning the same day are the same period twice.
    uniqueIndex('memberships_one_per_period_key').on(t.clusterId, t.organisationId, t.joinedOn),
    check('memberships_role_check', sql`${t.role} in ('core_partner', 'partner', 'associate')`),
    check('memberships_period_check', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

/** A membership counts on `day` from the day it starts until the day before it ends. */
export function membershipActiveOn(day: string | SQL): SQL {
  return and(lte(memberships.joinedOn, day), or(isNull(memberships.leftOn), gt(memberships.leftOn, day)))!;
}

/** One figure of a cluster's partners today: how many fall under `key` of `dimension`. */
export type PartnerTallyCount = { dimension: string; key: string | null; count: number };

/**
 * A cluster's partner figures as counted on one day, so that a profile, the registry and the
 * partner list read one row where they would count hundreds of memberships. A figure is good
 * while `counted_on` is today and `counted_stamp` equals `stamp`. Database triggers (migration
 * 0018_partner-tallies) add one to `stamp` in the same transaction as any change to the
 * cluster's memberships, including a change to an organisation that its memberships copy; the
 * reader that finds no good figures counts them and stores them with the stamp it saw, unless
 * the stamp has moved on meanwhile. Nothing else writes this table.
 */
export const partnerTallies = pgTable('partner_tallies', {
  clusterId: uuid('cluster_id')
    .primaryKey()
    .references(() => clusters.id, { onDelete: 'cascade' }),
  stamp: integer('stamp').notNull().default(0),
  countedStamp: integer('counted_stamp'),
  countedOn: date('counted_on'),
  /** Partners today. */
  active: integer('active'),
  /** Organisations that were partners and have left (some may have rejoined). */
  former: integer('former'),
  counts: json('counts').$type<PartnerTallyCount[]>(),
});
