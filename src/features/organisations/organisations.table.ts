import { type SQL, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ActorType } from './actor-type';

export type OrganisationSource = 'register' | 'unverified';

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
    /** The actor type in force: the override when someone set one, else the derived one. */
    actorType: text('actor_type').$type<ActorType>().notNull(),
    /** What the classification rules say, kept so an override can be lifted again. */
    actorTypeDerived: text('actor_type_derived').$type<ActorType>(),
    /** Set by a cluster manager or operator; survives later imports. */
    actorTypeOverride: text('actor_type_override').$type<ActorType>(),
    website: text('website'),
    /** 'register': filled from Enhetsregisteret; 'unverified': entered by hand, not (yet) in the register copy. */
    source: text('source').$type<OrganisationSource>().notNull().default('register'),
    registerKind: text('register_kind').$type<'enhet' | 'underenhet'>(),
    organisationFormName: text('organisation_form_name'),
    naceDescriptions: text('nace_descriptions').array().notNull().default(sql`'{}'::text[]`),
    municipalityName: text('municipality_name'),
    postalCode: text('postal_code'),
    postalPlace: text('postal_place'),
    institutionalSectorCode: text('institutional_sector_code'),
    foundedOn: date('founded_on'),
    registeredOn: date('registered_on'),
    bankrupt: boolean('bankrupt').notNull().default(false),
    underLiquidation: boolean('under_liquidation').notNull().default(false),
    underForcedLiquidation: boolean('under_forced_liquidation').notNull().default(false),
    /** Deleted in the register (slettedato). The row stays: memberships and history point to it. */
    deletedOn: date('deleted_on'),
    parentOrgnr: text('parent_orgnr'),
    /** Hash of the register facts last written, so an unchanged record is recognised without comparing columns. */
    registerHash: text('register_hash'),
    registerUpdatedAt: timestamp('register_updated_at', { withTimezone: true }),
    /** Contact details the organisation keeps itself (its partner contacts edit them); never from the register. */
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
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
    index('organisations_orgnr_prefix_idx').on(sql`${t.orgnr} text_pattern_ops`),
    check('organisations_orgnr_check', sql`${t.orgnr} ~ '^[0-9]{9}$'`),
    check('organisations_employees_check', sql`${t.employees} is null or ${t.employees} >= 0`),
  ],
);

/** What changed in an organisation's register facts, and from which import. Never updated, only added. */
export const organisationChanges = pgTable(
  'organisation_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    importId: uuid('import_id').references(() => registerImports.id),
    /** created, changed, bankrupt, dissolving, deleted, removed, restored */
    kind: text('kind').notNull(),
    /** Field → [before, after] for the fields that changed. */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    effectiveOn: date('effective_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_changes_organisation_idx').on(t.organisationId, t.createdAt)],
);

export type RegisterImportCounts = {
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
};

/** One run of a register or reference import, with what it did. */
export const registerImports = pgTable('register_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** brreg, brreg-updates, sn2007, municipalities */
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  /** running, completed, failed */
  status: text('status').notNull(),
  counts: jsonb('counts').$type<RegisterImportCounts>().notNull(),
  message: text('message'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
