import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { clusters, engagements } from '../clusters/clusters.table';
import { levels, programmes } from '../programme/programme.table';

const instant = (name: string) => timestamp(name, { withTimezone: true });

/** The years a budget row may name: wide enough for history and planning, narrow enough to catch typos. */
export const BUDGET_YEAR_MIN = 2000;
export const BUDGET_YEAR_MAX = 2100;

const yearCheck = (name: string, column: unknown) =>
  check(
    name,
    sql`${column} between ${sql.raw(String(BUDGET_YEAR_MIN))} and ${sql.raw(String(BUDGET_YEAR_MAX))}`,
  );

/** The programme's frame for one year: what it may commit that year, in NOK, as the operators enter it. */
export const budgetFrames = pgTable(
  'budget_frames',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    year: integer('year').notNull(),
    frameNok: integer('frame_nok').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.year] }),
    yearCheck('budget_frames_year_check', t.year),
    check('budget_frames_amount_check', sql`${t.frameNok} >= 0`),
  ],
);

/**
 * The optional split of a year's frame per level: the part of the frame a level may commit. A
 * level without a row has no part of its own and is held only to the whole frame.
 */
export const budgetFrameLevels = pgTable(
  'budget_frame_levels',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    year: integer('year').notNull(),
    levelId: uuid('level_id')
      .notNull()
      .references(() => levels.id),
    amountNok: integer('amount_nok').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.year, t.levelId] }),
    yearCheck('budget_frame_levels_year_check', t.year),
    check('budget_frame_levels_amount_check', sql`${t.amountNok} >= 0`),
  ],
);

/**
 * The yearly price index the operators enter (for example SSB's consumer price index), which
 * deflates nominal amounts into real ones: real = nominal × 100 / index, in kroner of the year whose
 * index is 100.
 */
export const budgetPriceIndex = pgTable(
  'budget_price_index',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    year: integer('year').notNull(),
    value: numeric('value', { precision: 9, scale: 3, mode: 'number' }).notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.year] }),
    yearCheck('budget_price_index_year_check', t.year),
    check('budget_price_index_value_check', sql`${t.value} > 0`),
  ],
);

/**
 * What the programme has promised one cluster for one year of one engagement. Written by a
 * decision (its id is kept without a foreign key: decisions come after the budget in the features'
 * order) or by the demo and imports, which have none.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    levelId: uuid('level_id')
      .notNull()
      .references(() => levels.id),
    year: integer('year').notNull(),
    amountNok: integer('amount_nok').notNull(),
    decisionId: uuid('decision_id'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('commitments_year_idx').on(t.year, t.levelId),
    index('commitments_cluster_idx').on(t.clusterId, t.year),
    index('commitments_engagement_idx').on(t.engagementId),
    index('commitments_decision_idx').on(t.decisionId),
    yearCheck('commitments_year_check', t.year),
    check('commitments_amount_check', sql`${t.amountNok} >= 0`),
  ],
);

/** An amount paid out to a cluster against one year of an engagement, recorded by programme staff. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    levelId: uuid('level_id')
      .notNull()
      .references(() => levels.id),
    year: integer('year').notNull(),
    amountNok: integer('amount_nok').notNull(),
    paidOn: date('paid_on').notNull(),
    note: text('note').notNull().default(''),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('payments_year_idx').on(t.year, t.levelId),
    index('payments_cluster_idx').on(t.clusterId, t.year),
    index('payments_engagement_idx').on(t.engagementId),
    yearCheck('payments_year_check', t.year),
    check('payments_amount_check', sql`${t.amountNok} > 0`),
  ],
);
