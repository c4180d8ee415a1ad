import type { z } from '@hono/zod-openapi';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db/client';
import type { ServiceContext } from './service-context';

// What a feature tells the personal-data feature about the people in its tables (decision 013).
// Each feature that holds anything about a person declares it in its `<f>.personal-data.ts`; the
// composition root hands the list to the personal-data feature, which merges the declarations
// into one export document and one erasure, so a new feature never edits that feature.

/** Who is being exported or erased, as they were found before anything changed. */
export type Person = {
  personId: string;
  /** Null for a contact who never had an account. */
  accountId: string | null;
  /** Every e-mail address they are known by (on the person and on the account), as stored. */
  addresses: readonly string[];
  name: string;
  phone: string | null;
};

/** What takes the place of a person's name and address in rows erasure keeps. */
export type ErasureLabels = {
  name: string;
  /** Unique to the person and unreachable, so a unique index still holds and no mail can go to it. */
  email: string;
};

/**
 * A column the coverage rule takes for a person's data that erasure deliberately leaves, with the
 * reason: an organisation's own address, or an account id in a row that dies by itself.
 */
export type KeptColumn = { column: PgColumn; reason: string };

type Shape = z.ZodRawShape;
type Counts<Removed extends Shape> = { [Kind in keyof Removed]: number };

/**
 * A value whose JSON is `T`: the export is written with `JSON.stringify`, so a `Date` read from
 * the database stands wherever the document holds a timestamp's string.
 */
export type Serialisable<T> = T extends string
  ? T | Date
  : T extends readonly (infer Item)[]
    ? Serialisable<Item>[]
    : T extends object
      ? { [Key in keyof T]: Serialisable<T[Key]> }
      : T;

/**
 * One feature's part of a person's data.
 *
 * - `tables`: every table of the feature that holds rows about a person; the coverage test in
 *   `personal-data.test.ts` fails for a table with a person, account or address column that no
 *   declaration names, unless each such column is `kept` with its reason.
 * - `export`: the members the feature adds to the export document (`shape`, a zod shape that
 *   documents them in the OpenAPI document) and how they are read, in the export's transaction.
 * - `erase`: the counts by kind it adds to the erasure's `removed` (`removed`, a zod shape) and
 *   the erasure itself, in the erasure's transaction (`tx`, which is also the context's `db`).
 * - `streamed`: a member of the export too large to hold in memory, read batch by batch after
 *   the export's transaction has committed, and written after every other member.
 * - `redaction`: runs after every declaration's `erase`, with every value that identified the
 *   person, for data that must outlive the person (the audit trail); `shape` holds the members it
 *   adds to the erasure's answer.
 */
export type PersonalData<
  Exported extends Shape = Shape,
  Removed extends Shape = Shape,
  Redacted extends Shape = Shape,
  Item = unknown,
> = {
  tables: readonly PgTable[];
  kept?: readonly KeptColumn[];
  export?: {
    shape: Exported;
    read(tx: Db, person: Person): Promise<Serialisable<z.output<z.ZodObject<Exported>>>>;
  };
  erase?: {
    removed: Removed;
    run(tx: Db, ctx: ServiceContext, person: Person, labels: ErasureLabels): Promise<Counts<Removed>>;
  };
  streamed?: {
    member: string;
    schema: z.ZodType<Item[]>;
    list(ctx: Pick<ServiceContext, 'db'>, person: Person): AsyncIterable<Item[]>;
  };
  redaction?: {
    shape: Redacted;
    redact(
      tx: Db,
      ctx: ServiceContext,
      person: Person,
      values: readonly string[],
    ): Promise<z.output<z.ZodObject<Redacted>>>;
  };
};

/**
 * Checks a declaration's parts against their shapes (what `read` answers is what `shape`
 * documents, `run` counts every kind it declares) and gives it the type the list holds.
 */
export function definePersonalData<
  Exported extends Shape = Record<never, never>,
  Removed extends Shape = Record<never, never>,
  Redacted extends Shape = Record<never, never>,
  Item = never,
>(declaration: PersonalData<Exported, Removed, Redacted, Item>): PersonalData {
  // Each declaration is checked against its own shapes here; the list holds them side by side
  // under the shapes' common type, which the compiler cannot relate to a generic one.
  return declaration as unknown as PersonalData;
}

/** Every value that identified the person: what erasure hunts for in data that stays. */
export function identifyingValues(person: Person): string[] {
  return [person.name, ...person.addresses, ...(person.phone ? [person.phone] : [])];
}
