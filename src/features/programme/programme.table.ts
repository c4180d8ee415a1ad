import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LevelCode } from './levels';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    nameNb: text('name_nb').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNb: text('description_nb').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /**
     * How many years in all a cluster organisation may receive operating aid across the levels that
     * count as operating aid. Ten under the EEA's block exemption for innovation clusters.
     */
    operatingAidCapYears: integer('operating_aid_cap_years').notNull().default(10),
    ...timestamps,
  },
  (t) => [check('programmes_operating_aid_cap_check', sql`${t.operatingAidCapYears} >= 1`)],
);

/**
 * The organisations that run the programme, in the order they present themselves, each with the
 * person the press should call. The name is kept as the operator entered it: the programme comes
 * before the organisation register and does not depend on it.
 */
export const programmeOperators = pgTable(
  'programme_operators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    orgnr: text('orgnr').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    pressContactName: text('press_contact_name'),
    pressContactEmail: text('press_contact_email'),
    pressContactPhone: text('press_contact_phone'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('programme_operators_programme_orgnr_key').on(t.programmeId, t.orgnr),
    // A person's export and erasure look their press-contact entries up by address.
    index('programme_operators_press_contact_email_idx').on(sql`lower(${t.pressContactEmail})`),
    check('programme_operators_orgnr_check', sql`${t.orgnr} ~ '^[0-9]{9}$'`),
  ],
);

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
    /** Whether a grant at this level is operating aid, so its years count towards the programme's cap. */
    operatingAid: boolean('operating_aid').notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('levels_programme_code_key').on(t.programmeId, t.code),
    check('levels_duration_check', sql`${t.durationYears} >= 1 and ${t.extensionYears} >= 0`),
    check('levels_open_years_check', sql`${t.openToYear} is null or ${t.openToYear} >= ${t.openFromYear}`),
  ],
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
