import { type SQL, sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ActorType } from './actor-type';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgnr: text('orgnr').notNull().unique(),
    name: text('name').notNull(),
    nameSortKey: text('name_sort_key').notNull(),
    /** Enhetsregisteret's organisasjonsform code: AS, ASA, STAT, FYLK, SA, FLI, … */
    organisationForm: text('organisation_form'),
    /** SN2007 subclass codes as the register writes them ("62.010"), the primary one first. */
    naceCodes: text('nace_codes').array().notNull().default(sql`'{}'::text[]`),
    employees: integer('employees'),
    municipalityNumber: text('municipality_number'),
    countyCode: text('county_code'),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    website: text('website'),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('norwegian'::regconfig, ${organisations.name})`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_search_idx').using('gin', t.search),
    index('organisations_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('organisations_county_idx').on(t.countyCode),
    check('organisations_orgnr_check', sql`${t.orgnr} ~ '^[0-9]{9}$'`),
    check('organisations_employees_check', sql`${t.employees} is null or ${t.employees} >= 0`),
  ],
);
