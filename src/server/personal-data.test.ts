import { is } from 'drizzle-orm';
import { foreignKey, getTableConfig, PgTable, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { accounts, persons } from '../features/accounts/accounts.table';
import { FEATURES } from './features';
import { definePersonalData, type PersonalData } from './personal-data';

// Erasure and export reach only what features declare. A table that holds something about a
// person and that no declaration names would keep it after the person asked to be forgotten,
// silently; this test makes that a failing build instead.

type OwnedTable = { feature: string; table: PgTable };
type Declared = { feature: string; declaration: PersonalData };

/** Column names that say a column identifies a person or reaches them. */
const PERSONAL_COLUMN =
  /^(person_id|.+_person_id|account_id|.+_account_id|email|.+_email|to_address|phone|.+_phone)$/;
const PERSON_TABLES = ['persons', 'accounts'];

const tableName = (table: PgTable) => getTableConfig(table).name;

/** The columns of a table that identify or reach a person, by name or by a foreign key to them. */
function listPersonalColumns(table: PgTable): string[] {
  const { columns, foreignKeys } = getTableConfig(table);
  const referencing = foreignKeys.flatMap((key) => {
    const { columns: from, foreignTable } = key.reference();
    return PERSON_TABLES.includes(tableName(foreignTable)) ? from.map((column) => column.name) : [];
  });
  return columns
    .map((column) => column.name)
    .filter((name) => PERSONAL_COLUMN.test(name) || referencing.includes(name));
}

/**
 * Every way the declarations fall short of the tables, one sentence each: a table with personal
 * columns that no declaration names and whose columns are not all kept for a reason; a
 * declaration that answers for another feature's table or column; a kept column without a reason
 * or that holds nothing the rule asks about.
 */
function findCoverageGaps(tables: readonly OwnedTable[], declared: readonly Declared[]): string[] {
  const ownerOf = new Map(tables.map(({ feature, table }) => [table, feature]));
  const gaps: string[] = [];
  for (const { feature, declaration } of declared) {
    for (const table of declaration.tables) {
      if (ownerOf.get(table) !== feature) {
        gaps.push(`${feature} declares ${tableName(table)}, which is not one of its tables`);
      }
    }
    for (const { column, reason } of declaration.kept ?? []) {
      const table = column.table as PgTable;
      const name = `${tableName(table)}.${column.name}`;
      if (ownerOf.get(table) !== feature)
        gaps.push(`${feature} keeps ${name}, which is not one of its columns`);
      if (reason.trim().length === 0) gaps.push(`${feature} keeps ${name} without saying why`);
      if (!listPersonalColumns(table).includes(column.name)) {
        gaps.push(`${feature} keeps ${name}, which the rule does not take for a person's data`);
      }
    }
  }
  // Only a feature's own declaration answers for its tables: another's claim covers nothing.
  const own = declared.flatMap(({ feature, declaration }) => ({
    tables: declaration.tables.filter((table) => ownerOf.get(table) === feature),
    kept: (declaration.kept ?? []).filter(({ column }) => ownerOf.get(column.table as PgTable) === feature),
  }));
  const named = new Set(own.flatMap(({ tables }) => tables));
  const kept = new Set(
    own.flatMap(({ kept }) =>
      kept.map(({ column }) => `${tableName(column.table as PgTable)}.${column.name}`),
    ),
  );
  for (const { feature, table } of tables) {
    if (named.has(table)) continue;
    for (const column of listPersonalColumns(table)) {
      const name = `${tableName(table)}.${column}`;
      if (!kept.has(name)) {
        gaps.push(
          `${name} (${feature}) can hold a person's data, but no personal-data declaration names ` +
            `${tableName(table)} and none keeps the column with a reason`,
        );
      }
    }
  }
  return gaps;
}

const modules = import.meta.glob<Record<string, unknown>>('../features/*/*.table.ts', { eager: true });
const TABLES: OwnedTable[] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.values(exports)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => ({ feature: /features\/([^/]+)\//.exec(file)![1]!, table })),
);

const DECLARED: Declared[] = FEATURES.flatMap((feature) =>
  'personalData' in feature ? [{ feature: feature.name, declaration: feature.personalData }] : [],
);

describe('personal-data coverage', () => {
  it('finds the tables of every feature', () => {
    expect(TABLES.map(({ table }) => tableName(table))).toEqual(
      expect.arrayContaining(['persons', 'accounts', 'mail_messages', 'audit_events', 'organisations']),
    );
  });

  it('has every table that can hold a person’s data declared by its feature, or its columns kept for a reason', () => {
    expect(findCoverageGaps(TABLES, DECLARED)).toEqual([]);
  });

  it('registers every feature’s declaration in src/server/features.ts', () => {
    const files = import.meta.glob<Record<string, unknown>>('../features/*/*.personal-data.ts', {
      eager: true,
    });
    for (const [file, exports] of Object.entries(files)) {
      const feature = /features\/([^/]+)\//.exec(file)![1]!;
      const registered = DECLARED.find((declared) => declared.feature === feature)?.declaration;
      // A declaration, or a factory of one given what the feature needs from later ones (audit's
      // directory of clusters): the factory's declaration names the registered one's tables.
      const isRegistered = (value: unknown) => {
        const declaration =
          typeof value === 'function' ? (value as (deps: never) => unknown)(undefined as never) : value;
        if (declaration === registered) return true;
        const tables = (declaration as { tables?: unknown[] } | undefined)?.tables;
        return (
          registered !== undefined &&
          tables?.length === registered.tables.length &&
          tables.every((table, index) => table === registered.tables[index])
        );
      };
      expect(
        Object.values(exports).some(isRegistered),
        `${file} is the personalData of ${feature} in FEATURES`,
      ).toBe(true);
    }
  });

  describe('the rule itself', () => {
    const registrations = pgTable(
      'event_registrations',
      {
        id: uuid('id').primaryKey(),
        attendee: uuid('attendee').references(() => persons.id),
        registeredBy: uuid('registered_by'),
        contactEmail: text('contact_email'),
        guestPhone: text('guest_phone'),
        title: text('title'),
      },
      (t) => [foreignKey({ columns: [t.registeredBy], foreignColumns: [accounts.id] })],
    );
    const withEvents = [{ feature: 'events', table: registrations }];

    it('names each column of a table nobody declares that holds an address, a phone or a reference to a person', () => {
      expect(findCoverageGaps(withEvents, [])).toEqual([
        expect.stringMatching(/^event_registrations\.attendee \(events\)/),
        expect.stringMatching(/^event_registrations\.registered_by \(events\)/),
        expect.stringMatching(/^event_registrations\.contact_email \(events\)/),
        expect.stringMatching(/^event_registrations\.guest_phone \(events\)/),
      ]);
    });

    it('is satisfied by the owning feature’s declaration naming the table', () => {
      const events = definePersonalData({ tables: [registrations] });
      expect(findCoverageGaps(withEvents, [{ feature: 'events', declaration: events }])).toEqual([]);
    });

    it('accepts a column kept with a reason, and only by its own feature', () => {
      const kept = definePersonalData({
        tables: [],
        kept: [
          { column: registrations.attendee, reason: 'test' },
          { column: registrations.registeredBy, reason: 'test' },
          { column: registrations.contactEmail, reason: 'test' },
          { column: registrations.guestPhone, reason: 'test' },
        ],
      });
      expect(findCoverageGaps(withEvents, [{ feature: 'events', declaration: kept }])).toEqual([]);
      expect(findCoverageGaps(withEvents, [{ feature: 'mail', declaration: kept }])).toEqual(
        expect.arrayContaining([
          'mail keeps event_registrations.attendee, which is not one of its columns',
          expect.stringMatching(/^event_registrations\.attendee \(events\)/),
        ]),
      );
    });

    it('refuses a kept column without a reason, or one that holds nothing about a person', () => {
      const careless = definePersonalData({
        tables: [registrations],
        kept: [
          { column: registrations.contactEmail, reason: ' ' },
          { column: registrations.title, reason: 'not personal anyway' },
        ],
      });
      expect(findCoverageGaps(withEvents, [{ feature: 'events', declaration: careless }])).toEqual([
        'events keeps event_registrations.contact_email without saying why',
        "events keeps event_registrations.title, which the rule does not take for a person's data",
      ]);
    });

    it('refuses a feature declaring another feature’s table, which stays uncovered', () => {
      const greedy = definePersonalData({ tables: [registrations] });
      expect(findCoverageGaps(withEvents, [{ feature: 'mail', declaration: greedy }])).toEqual([
        'mail declares event_registrations, which is not one of its tables',
        expect.stringMatching(/^event_registrations\.attendee \(events\)/),
        expect.stringMatching(/^event_registrations\.registered_by \(events\)/),
        expect.stringMatching(/^event_registrations\.contact_email \(events\)/),
        expect.stringMatching(/^event_registrations\.guest_phone \(events\)/),
      ]);
    });
  });
});
