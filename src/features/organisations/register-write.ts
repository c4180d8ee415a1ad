// Writes normalised register records into the local register copy, in batches, each batch in one
// transaction: a record is either fully written with its change history or not at all.
import { hash } from 'node:crypto';
import type { Db } from '../../server/db/client';
import { norwegianSortKey } from '../../shared/sort-key';
import { type MunicipalityReference, resolveMunicipality } from '../reference/reference-files';
import type { ActorType } from './actor-type';
import { deriveActorType } from './brreg/brreg-classify';
import type { RegisterRecord } from './brreg/brreg-record';
import type { organisations, RegisterImportCounts } from './organisations.table';
import {
  insertOrganisationChanges,
  listRegisterFacts,
  listRegisterHashes,
  upsertRegisterRecords,
} from './register.queries';

/** The columns a register record sets. Everything else (overrides, ids) belongs to Klynge. */
export type RegisterColumns = {
  orgnr: string;
  name: string;
  nameSortKey: string;
  registerKind: 'enhet' | 'underenhet';
  organisationForm: string | null;
  organisationFormName: string | null;
  naceCodes: string[];
  naceDescriptions: string[];
  employees: number | null;
  municipalityNumber: string | null;
  municipalityName: string | null;
  countyCode: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  institutionalSectorCode: string | null;
  foundedOn: string | null;
  registeredOn: string | null;
  website: string | null;
  bankrupt: boolean;
  underLiquidation: boolean;
  underForcedLiquidation: boolean;
  deletedOn: string | null;
  parentOrgnr: string | null;
  actorTypeDerived: ActorType;
};

const TRACKED: (keyof RegisterColumns)[] = [
  'name',
  'organisationForm',
  'naceCodes',
  'employees',
  'municipalityNumber',
  'countyCode',
  'institutionalSectorCode',
  'website',
  'bankrupt',
  'underLiquidation',
  'underForcedLiquidation',
  'deletedOn',
  'parentOrgnr',
  'actorTypeDerived',
];

export function toRegisterColumns(
  record: RegisterRecord,
  reference?: MunicipalityReference,
): RegisterColumns {
  const place = resolveMunicipality(record.municipalityNumber, reference);
  return {
    orgnr: record.orgnr,
    name: record.name,
    nameSortKey: norwegianSortKey(record.name),
    registerKind: record.kind,
    organisationForm: record.organisationForm,
    organisationFormName: record.organisationFormName,
    naceCodes: record.naceCodes.map((n) => n.code),
    naceDescriptions: record.naceCodes.map((n) => n.description ?? ''),
    employees: record.employees,
    municipalityNumber: place.municipalityNumber,
    municipalityName: record.municipalityName,
    countyCode: place.countyCode,
    postalCode: record.postalCode,
    postalPlace: record.postalPlace,
    institutionalSectorCode: record.institutionalSectorCode,
    foundedOn: record.foundedOn,
    registeredOn: record.registeredOn,
    website: record.website,
    bankrupt: record.bankrupt,
    underLiquidation: record.underLiquidation,
    underForcedLiquidation: record.underForcedLiquidation,
    deletedOn: record.deletedOn,
    parentOrgnr: record.parentOrgnr,
    actorTypeDerived: deriveActorType(record),
  };
}

/** A record ready to write: its columns, their JSON text (one row of the batch parameter) and its hash. */
export type PreparedRecord = { columns: RegisterColumns; json: string; hash: string };

/**
 * Serialises the columns once: the same text is hashed and then sent to the database. The hash
 * covers every register column, in the order toRegisterColumns builds them, so a hash stored by an
 * earlier import still matches an unchanged record. Runs on the reading side of the import, while
 * the database writes the batch before.
 */
export function prepareRecord(columns: RegisterColumns): PreparedRecord {
  const json = JSON.stringify(columns);
  return { columns, json, hash: hash('sha1', json, 'base64url') };
}

type ExistingRow = Pick<typeof organisations.$inferSelect, 'id' | 'orgnr' | 'registerHash'> &
  Partial<Record<keyof RegisterColumns, unknown>>;

/** What kind of change a difference is, for the history: flags first, then any other change. */
function changeKind(before: ExistingRow, after: RegisterColumns): string {
  if (after.bankrupt && !before.bankrupt) return 'bankrupt';
  if (
    (after.underLiquidation && !before.underLiquidation) ||
    (after.underForcedLiquidation && !before.underForcedLiquidation)
  ) {
    return 'dissolving';
  }
  if (after.deletedOn && !before.deletedOn) return 'deleted';
  if (!after.deletedOn && before.deletedOn) return 'restored';
  return 'changed';
}

function diff(before: ExistingRow, after: RegisterColumns): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of TRACKED) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = [before[key] ?? null, after[key] ?? null];
    }
  }
  return changes;
}

export type BatchResult = Pick<RegisterImportCounts, 'new' | 'updated' | 'unchanged'>;

/**
 * Upserts a batch by orgnr. A record whose facts hash to what is stored is left alone, so running
 * the same file twice changes nothing. An actor-type override set in Klynge always wins.
 */
export async function writeRegisterBatch(
  tx: Db,
  batch: PreparedRecord[],
  run: { importId: string | null; now: Date },
): Promise<BatchResult> {
  const byOrgnr = new Map(batch.map((record) => [record.columns.orgnr, record]));
  const stored = await listRegisterHashes(tx, [...byOrgnr.keys()]);
  const storedHash = new Map(stored.map((row) => [row.orgnr, row.registerHash]));

  const writes: PreparedRecord[] = [];
  let unchanged = 0;
  for (const record of byOrgnr.values()) {
    if (storedHash.get(record.columns.orgnr) === record.hash) unchanged += 1;
    else writes.push(record);
  }
  const changed = writes.filter((w) => storedHash.has(w.columns.orgnr)).map((w) => w.columns.orgnr);
  // Only records that really changed need their old facts, for the history.
  const before = new Map<string, ExistingRow>();
  if (changed.length > 0) {
    const rows = await listRegisterFacts(tx, changed, TRACKED);
    for (const row of rows) before.set(row.orgnr, row as ExistingRow);
  }
  if (writes.length > 0) {
    // The ids are needed only for the history; a batch of new records leaves them in the database.
    const written = await upsertRegisterRecords(tx, writes, run.now, before.size > 0);
    if (before.size > 0) {
      const idOf = new Map(written.map((row) => [row.orgnr, row.id]));
      await insertOrganisationChanges(
        tx,
        [...before.values()].map((old) => {
          const after = byOrgnr.get(old.orgnr)!.columns;
          const kind = changeKind(old, after);
          return {
            organisationId: idOf.get(old.orgnr)!,
            importId: run.importId,
            kind,
            changes: diff(old, after),
            effectiveOn: kind === 'deleted' ? after.deletedOn : null,
          };
        }),
      );
    }
  }
  return { new: writes.length - changed.length, updated: changed.length, unchanged };
}
