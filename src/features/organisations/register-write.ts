// Writes normalised register records into the local register copy, in batches, each batch in one
// transaction: a record is either fully written with its change history or not at all.
import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { norwegianSortKey } from '../../shared/sort-key';
import { type MunicipalityReference, resolveMunicipality } from '../reference/reference-files';
import type { ActorType } from './actor-type';
import { deriveActorType } from './brreg/brreg-classify';
import type { RegisterRecord } from './brreg/brreg-record';
import { organisationChanges, organisations, type RegisterImportCounts } from './organisations.table';

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

export function registerHash(columns: RegisterColumns): string {
  return createHash('sha1').update(JSON.stringify(columns)).digest('base64url');
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
  batch: RegisterColumns[],
  context: { importId: string | null; now: Date },
): Promise<BatchResult> {
  const byOrgnr = new Map(batch.map((columns) => [columns.orgnr, columns]));
  const existing = await tx
    .select({
      id: organisations.id,
      orgnr: organisations.orgnr,
      registerHash: organisations.registerHash,
      ...Object.fromEntries(TRACKED.map((key) => [key, organisations[key]])),
    })
    .from(organisations)
    .where(inArray(organisations.orgnr, [...byOrgnr.keys()]));
  const known = new Map(existing.map((row) => [row.orgnr, row as ExistingRow]));

  const writes: (RegisterColumns & { registerHash: string })[] = [];
  const history: { orgnr: string; kind: string; changes: Record<string, [unknown, unknown]> }[] = [];
  let created = 0;
  let unchanged = 0;
  for (const columns of byOrgnr.values()) {
    const hash = registerHash(columns);
    const before = known.get(columns.orgnr);
    if (before && before.registerHash === hash) {
      unchanged += 1;
      continue;
    }
    writes.push({ ...columns, registerHash: hash });
    if (!before) created += 1;
    else
      history.push({
        orgnr: columns.orgnr,
        kind: changeKind(before, columns),
        changes: diff(before, columns),
      });
  }
  if (writes.length > 0) {
    const ids = await tx
      .insert(organisations)
      .values(
        writes.map((w) => ({
          ...w,
          actorType: w.actorTypeDerived,
          source: 'register' as const,
          registerUpdatedAt: context.now,
        })),
      )
      .onConflictDoUpdate({
        target: organisations.orgnr,
        set: {
          ...Object.fromEntries(
            (Object.keys(writes[0]!) as (keyof RegisterColumns | 'registerHash')[])
              .filter((key) => key !== 'orgnr')
              .map((key) => [key, sql.raw(`excluded.${organisations[key].name}`)]),
          ),
          actorType: sql`coalesce(${organisations.actorTypeOverride}, excluded.actor_type_derived)`,
          source: sql`'register'`,
          registerUpdatedAt: context.now,
          updatedAt: context.now,
        },
      })
      .returning({ id: organisations.id, orgnr: organisations.orgnr });
    if (history.length > 0) {
      const idOf = new Map(ids.map((row) => [row.orgnr, row.id]));
      await tx.insert(organisationChanges).values(
        history.map((h) => ({
          organisationId: idOf.get(h.orgnr)!,
          importId: context.importId,
          kind: h.kind,
          changes: h.changes,
          effectiveOn: h.kind === 'deleted' ? (byOrgnr.get(h.orgnr)?.deletedOn ?? null) : null,
        })),
      );
    }
  }
  return { new: created, updated: writes.length - created, unchanged };
}

export async function findRegisterColumns(tx: Db, orgnr: string) {
  const [row] = await tx.select().from(organisations).where(eq(organisations.orgnr, orgnr)).limit(1);
  return row;
}
