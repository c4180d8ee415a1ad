// The register copy's SQL: the batch upsert of the import, its change history, and the import
// runs themselves. Written for speed (see bench/brreg): one statement per batch.
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import {
  organisationChanges,
  organisations,
  type RegisterImportCounts,
  registerImports,
} from './organisations.table';
import type { PreparedRecord, RegisterColumns } from './register-write';

/** SQL types of the columns a register record writes, for reading a batch with json_to_recordset. */
const SQL_TYPES: Record<keyof RegisterColumns | 'registerHash', string> = {
  orgnr: 'text',
  name: 'text',
  nameSortKey: 'text',
  registerKind: 'text',
  organisationForm: 'text',
  organisationFormName: 'text',
  naceCodes: 'text[]',
  naceDescriptions: 'text[]',
  employees: 'integer',
  municipalityNumber: 'text',
  municipalityName: 'text',
  countyCode: 'text',
  postalCode: 'text',
  postalPlace: 'text',
  institutionalSectorCode: 'text',
  foundedOn: 'date',
  registeredOn: 'date',
  website: 'text',
  bankrupt: 'boolean',
  underLiquidation: 'boolean',
  underForcedLiquidation: 'boolean',
  deletedOn: 'date',
  parentOrgnr: 'text',
  actorTypeDerived: 'text',
  registerHash: 'text',
};

const WRITTEN = Object.keys(SQL_TYPES) as (keyof typeof SQL_TYPES)[];
const column = (key: keyof typeof SQL_TYPES) => organisations[key].name;

// The JSON rows keep the columns' own (camelCase) names, quoted in the record definition, so the
// text that was hashed is sent as it is.
const INSERT_COLUMNS = WRITTEN.map(column).join(', ');
const SELECT_COLUMNS = WRITTEN.map((key) => `r."${key}"`).join(', ');
const RECORD_DEFINITION = WRITTEN.map((key) => `"${key}" ${SQL_TYPES[key]}`).join(', ');
const UPDATE_SET = WRITTEN.filter((key) => key !== 'orgnr')
  .map((key) => `${column(key)} = excluded.${column(key)}`)
  .join(', ');

/** One row of the batch parameter: the record's JSON text with its hash added as one more field. */
function rowJson(record: PreparedRecord): string {
  return `${record.json.slice(0, -1)},"registerHash":"${record.hash}"}`;
}

/**
 * The batch travels as one JSON parameter, unpacked by json_to_recordset: one statement and one
 * parameter for thousands of rows, where a VALUES list would bind tens of thousands. Plain json is
 * read once as it is unpacked; jsonb would first be built in full (a quarter more database time).
 */
function upsertStatement(records: PreparedRecord[], now: Date, returning: boolean): SQL {
  const json = `[${records.map(rowJson).join(',')}]`;
  return sql`insert into organisations (${sql.raw(INSERT_COLUMNS)}, actor_type, source, register_updated_at, updated_at)
    select ${sql.raw(SELECT_COLUMNS)}, r."actorTypeDerived", 'register', ${now}::timestamptz, ${now}::timestamptz
    from json_to_recordset(${json}::json) as r(${sql.raw(RECORD_DEFINITION)})
    on conflict (orgnr) do update set ${sql.raw(UPDATE_SET)},
      actor_type = coalesce(organisations.actor_type_override, excluded.actor_type_derived),
      source = 'register',
      register_updated_at = excluded.register_updated_at,
      updated_at = excluded.updated_at
    ${returning ? sql`returning id, orgnr` : sql``}`;
}

/** The stored hash of each of these organisations that is in the register copy. */
export function listRegisterHashes(tx: Db, orgnrs: string[]) {
  return tx
    .select({ orgnr: organisations.orgnr, registerHash: organisations.registerHash })
    .from(organisations)
    .where(sql`${organisations.orgnr} = any(${sql.param(orgnrs)}::text[])`);
}

/** The stored register facts of these organisations, the given columns only, for their history. */
export function listRegisterFacts(tx: Db, orgnrs: string[], columns: (keyof RegisterColumns)[]) {
  return tx
    .select({
      id: organisations.id,
      orgnr: organisations.orgnr,
      registerHash: organisations.registerHash,
      ...Object.fromEntries(columns.map((key) => [key, organisations[key]])),
    })
    .from(organisations)
    .where(sql`${organisations.orgnr} = any(${sql.param(orgnrs)}::text[])`);
}

/** Writes the records; with `returning`, answers the id of each written organisation. */
export async function upsertRegisterRecords(
  tx: Db,
  records: PreparedRecord[],
  now: Date,
  returning: boolean,
): Promise<{ id: string; orgnr: string }[]> {
  const { rows } = await tx.execute<{ id: string; orgnr: string }>(upsertStatement(records, now, returning));
  return rows;
}

export async function insertOrganisationChanges(tx: Db, rows: (typeof organisationChanges.$inferInsert)[]) {
  await tx.insert(organisationChanges).values(rows);
}

/** Every stored column of these organisations, for patching with the register's change feed. */
export function listOrganisationsByOrgnr(tx: Db, orgnrs: string[]) {
  return tx.select().from(organisations).where(inArray(organisations.orgnr, orgnrs));
}

/** Deletes these organisations from the register copy; answers how many there were. */
export async function deleteOrganisationsByOrgnr(tx: Db, orgnrs: string[]): Promise<number> {
  const removed = await tx
    .delete(organisations)
    .where(inArray(organisations.orgnr, orgnrs))
    .returning({ id: organisations.id });
  return removed.length;
}

/** Starts the record of an import run; answers its id. */
export async function insertRegisterImport(
  db: Db,
  run: { kind: string; fileName: string; counts: RegisterImportCounts },
): Promise<string> {
  const [row] = await db
    .insert(registerImports)
    .values({ ...run, status: 'running' })
    .returning({ id: registerImports.id });
  return row!.id;
}

/** Closes the record of an import run with its outcome. */
export async function finishRegisterImport(
  db: Db,
  id: string,
  outcome: {
    status: 'completed' | 'failed';
    counts: RegisterImportCounts;
    finishedAt: Date;
    message?: string | null;
  },
) {
  await db.update(registerImports).set(outcome).where(eq(registerImports.id, id));
}
