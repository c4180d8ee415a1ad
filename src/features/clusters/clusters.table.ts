import { type SQL, sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClusterStatus } from '../../shared/cluster-status';
import { brands, levels, programmes } from '../programme/programme.table';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export type FocusArea = { nb: string; en: string };

export const clusters = pgTable(
  'clusters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** See shared/sort-key.ts: Norwegian order under the C collation. */
    nameSortKey: text('name_sort_key').notNull(),
    descriptionNb: text('description_nb').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    foundedYear: integer('founded_year'),
    website: text('website'),
    focusAreas: jsonb('focus_areas').$type<FocusArea[]>().notNull().default([]),
    /** Orgnr of the host organisation; it may not be in the local register copy yet. */
    hostOrgnr: text('host_orgnr'),
    status: text('status').$type<ClusterStatus>().notNull().default('active'),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`setweight(to_tsvector('norwegian'::regconfig, ${clusters.name}), 'A')
          || setweight(to_tsvector('norwegian'::regconfig, coalesce(${clusters.shortName}, '')), 'A')
          || setweight(to_tsvector('norwegian'::regconfig, ${clusters.focusAreas}), 'B')
          || setweight(to_tsvector('norwegian'::regconfig, ${clusters.descriptionNb}), 'C')
          || setweight(to_tsvector('english'::regconfig, ${clusters.descriptionEn}), 'D')`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clusters_search_idx').using('gin', t.search),
    index('clusters_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('clusters_sort_idx').on(sql`${t.nameSortKey} COLLATE "C"`),
    check('clusters_status_check', sql`${t.status} in ('forming', 'active', 'ended')`),
  ],
);

export const clusterCounties = pgTable(
  'cluster_counties',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    countyCode: text('county_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.countyCode] }),
    index('cluster_counties_county_idx').on(t.countyCode),
  ],
);

/** SN2007 section letters or two-digit divisions. */
export const clusterSectors = pgTable(
  'cluster_sectors',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** The section letter, also for a division, so that a filter on a section finds both. */
    section: text('section').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.code] }), index('cluster_sectors_section_idx').on(t.section)],
);

/** A cluster's period at one level: the level history is the list of these. */
export const engagements = pgTable(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    levelId: uuid('level_id')
      .notNull()
      .references(() => levels.id),
    startsOn: date('starts_on').notNull(),
    plannedEndOn: date('planned_end_on').notNull(),
    /** Set when the period was extended; the engagement then runs to this date. */
    extendedToOn: date('extended_to_on'),
    /** Set when the engagement stopped before its planned (or extended) end. */
    endedOn: date('ended_on'),
    yearlyGrantNok: integer('yearly_grant_nok').notNull().default(0),
    decisionRef: text('decision_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('engagements_cluster_idx').on(t.clusterId, t.startsOn),
    index('engagements_level_idx').on(t.levelId),
    check('engagements_period_check', sql`${t.plannedEndOn} > ${t.startsOn}`),
    check('engagements_grant_check', sql`${t.yearlyGrantNok} >= 0`),
  ],
);

/** The last day an engagement runs, all changes considered. */
export const engagementEnd = sql<string>`coalesce(${engagements.endedOn}, ${engagements.extendedToOn}, ${engagements.plannedEndOn})`;

/** Whether an engagement covers the day: the one rule for "at this level on that day". */
export function engagementActiveOn(day: string): SQL {
  return sql`${engagements.startsOn} <= ${day}::date and ${engagementEnd} >= ${day}::date`;
}

/** A node network attached to a hub cluster. */
export const hubLinks = pgTable(
  'hub_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hubClusterId: uuid('hub_cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    nodeClusterId: uuid('node_cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hub_links_hub_idx').on(t.hubClusterId),
    index('hub_links_node_idx').on(t.nodeClusterId),
    check('hub_links_not_self_check', sql`${t.hubClusterId} <> ${t.nodeClusterId}`),
  ],
);

export const clusterBrands = pgTable(
  'cluster_brands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
  },
  (t) => [index('cluster_brands_cluster_idx').on(t.clusterId)],
);
