import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LevelCode } from './levels';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameNb: text('name_nb').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionNb: text('description_nb').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  /** Organisations that run the programme, in the order they present themselves. */
  operators: text('operators').array().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
});

export const levels = pgTable(
  'levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    code: text('code').$type<LevelCode>().notNull(),
    nameNb: text('name_nb').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNb: text('description_nb').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    durationYears: integer('duration_years').notNull(),
    extensionYears: integer('extension_years').notNull().default(0),
    openFromYear: integer('open_from_year').notNull(),
    openToYear: integer('open_to_year'),
    /** False for levels that carry no grant (a pre-project funded elsewhere, say). */
    funded: boolean('funded').notNull().default(true),
    sortOrder: integer('sort_order').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('levels_programme_code_key').on(t.programmeId, t.code)],
);

export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    code: text('code').notNull(),
    nameNb: text('name_nb').notNull(),
    nameEn: text('name_en').notNull(),
    /** The level during which the brand is granted. */
    duringLevelCode: text('during_level_code').$type<LevelCode>().notNull(),
    fromYear: integer('from_year').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('brands_programme_code_key').on(t.programmeId, t.code)],
);
