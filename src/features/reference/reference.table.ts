import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Reference data loaded by the operator (`klynge import municipalities`, `klynge import sn2007`).
 * Klynge works without it, with coarser answers: see docs/decisions/008-reference-data.md.
 */
export const municipalities = pgTable('municipalities', {
  number: text('number').primaryKey(),
  name: text('name').notNull(),
  countyCode: text('county_code').notNull(),
});

/** Municipality numbers that changed in a reform, old → current. */
export const municipalityRenumberings = pgTable('municipality_renumberings', {
  oldNumber: text('old_number').primaryKey(),
  newNumber: text('new_number').notNull(),
});

/** SN2007 codes at every level: sections, divisions, groups, classes and subclasses. */
export const industryCodes = pgTable('industry_codes', {
  code: text('code').primaryKey(),
  level: integer('level').notNull(),
  parentCode: text('parent_code'),
  section: text('section').notNull(),
  nameNb: text('name_nb').notNull(),
  nameEn: text('name_en'),
});
