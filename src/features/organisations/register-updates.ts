// `klynge import brreg-updates FILE`: a page of Enhetsregisteret's change feed (oppdateringer),
// applied to the local register copy. Changes arrive as JSON Patch operations on the register's
// own record shape, so the stored facts are turned back into that shape, patched and re-read.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ServiceContext } from '../../server/service-context';
import { loadMunicipalityReference } from '../reference/reference.service';
import { parseJsonRecord } from './brreg/brreg-record';
import type { PartnershipFacts } from './organisations.service';
import type { organisations } from './organisations.table';
import {
  deleteOrganisationsByOrgnr,
  finishRegisterImport,
  insertRegisterImport,
  listOrganisationsByOrgnr,
} from './register.queries';
import { type PreparedRecord, prepareRecord, toRegisterColumns, writeRegisterBatch } from './register-write';

export type ChangeType = 'Ny' | 'Endring' | 'Sletting' | 'Fjernet' | 'Ukjent';
export type PatchOperation = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };
export type FeedEntry = {
  oppdateringsid: number;
  dato: string;
  organisasjonsnummer: string;
  endringstype: ChangeType;
  endringer?: PatchOperation[];
};

export type UpdatesSummary = {
  importId: string;
  entries: number;
  created: number;
  changed: number;
  unchanged: number;
  deleted: number;
  removed: number;
  keptBecauseMember: number;
  rejected: { entry: number; orgnr: string; reason: string }[];
};

/** Reads a feed file: the API's page (`_embedded.oppdaterteEnheter` / `oppdaterteUnderenheter`) or a plain array. */
export function parseFeed(text: string): { entries: FeedEntry[]; kind: 'enhet' | 'underenhet' } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The change feed file is not valid JSON: ${(error as Error).message}`);
  }
  const embedded = (data as { _embedded?: Record<string, unknown> })?._embedded;
  const list = Array.isArray(data) ? data : (embedded?.oppdaterteEnheter ?? embedded?.oppdaterteUnderenheter);
  if (!Array.isArray(list)) {
    throw new Error(
      'The change feed file holds no list of changes (expected an array or _embedded.oppdaterteEnheter).',
    );
  }
  const kind = embedded?.oppdaterteUnderenheter ? 'underenhet' : 'enhet';
  const entries = (list as FeedEntry[]).slice().sort((a, b) => a.oppdateringsid - b.oppdateringsid);
  return { entries, kind };
}

function pointer(path: string): string[] {
  return path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies JSON Patch add, replace and remove to a plain object, creating parents as needed. */
export function applyPatch(
  document: Record<string, unknown>,
  operations: PatchOperation[],
): Record<string, unknown> {
  let root: Record<string, unknown> = structuredClone(document);
  for (const operation of operations) {
    const keys = pointer(operation.path);
    if (keys.length === 0) {
      if (operation.op === 'remove') root = {};
      else root = structuredClone(operation.value as Record<string, unknown>);
      continue;
    }
    let parent: Record<string, unknown> | unknown[] = root;
    for (const key of keys.slice(0, -1)) {
      const container = parent as Record<string, unknown>;
      if (container[key] === null || typeof container[key] !== 'object') container[key] = {};
      parent = container[key] as Record<string, unknown>;
    }
    const last = keys.at(-1)!;
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (operation.op === 'remove') parent.splice(index, 1);
      else if (operation.op === 'add') parent.splice(index, 0, operation.value);
      else parent[index] = operation.value;
    } else if (operation.op === 'remove') {
      delete parent[last];
    } else {
      parent[last] = operation.value;
    }
  }
  return root;
}

type OrganisationRow = typeof organisations.$inferSelect;

/** The stored facts in the register's own shape, for patching. */
export function toRegisterShape(row: OrganisationRow): Record<string, unknown> {
  const address = {
    kommunenummer: row.municipalityNumber ?? undefined,
    kommune: row.municipalityName ?? undefined,
    postnummer: row.postalCode ?? undefined,
    poststed: row.postalPlace ?? undefined,
  };
  const nace = Object.fromEntries(
    row.naceCodes.map((code, i) => [
      `naeringskode${i + 1}`,
      { kode: code, beskrivelse: row.naceDescriptions[i] || undefined },
    ]),
  );
  return {
    organisasjonsnummer: row.orgnr,
    navn: row.name,
    organisasjonsform: row.organisationForm
      ? { kode: row.organisationForm, beskrivelse: row.organisationFormName ?? undefined }
      : undefined,
    ...nace,
    harRegistrertAntallAnsatte: row.employees !== null,
    antallAnsatte: row.employees ?? undefined,
    [row.registerKind === 'underenhet' ? 'beliggenhetsadresse' : 'forretningsadresse']: address,
    institusjonellSektorkode: row.institutionalSectorCode ? { kode: row.institutionalSectorCode } : undefined,
    stiftelsesdato: row.foundedOn ?? undefined,
    registreringsdatoEnhetsregisteret: row.registeredOn ?? undefined,
    hjemmeside: row.website ?? undefined,
    konkurs: row.bankrupt,
    underAvvikling: row.underLiquidation,
    underTvangsavviklingEllerTvangsopplosning: row.underForcedLiquidation,
    slettedato: row.deletedOn ?? undefined,
    overordnetEnhet: row.parentOrgnr ?? undefined,
  };
}

const BATCH = 500;

/**
 * Applies a feed file. An organisation the register removed is deleted, unless it is or was a
 * cluster partner (`partnerships` says which): then it is kept, flagged as deleted.
 */
export async function applyRegisterUpdates(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  path: string,
  partnerships: Pick<PartnershipFacts, 'organisationIdsWithPartnerships'>,
): Promise<UpdatesSummary> {
  const { db, clock } = ctx;
  const { entries, kind } = parseFeed(await readFile(path, 'utf8'));
  const reference = await loadMunicipalityReference(ctx);
  const importId = await insertRegisterImport(db, {
    kind: 'brreg-updates',
    fileName: basename(path),
    counts: { read: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 },
  });
  const summary: UpdatesSummary = {
    importId,
    entries: entries.length,
    created: 0,
    changed: 0,
    unchanged: 0,
    deleted: 0,
    removed: 0,
    keptBecauseMember: 0,
    rejected: [],
  };

  for (let start = 0; start < entries.length; start += BATCH) {
    const slice = entries.slice(start, start + BATCH);
    await db.transaction(async (tx) => {
      const orgnrs = [...new Set(slice.map((e) => e.organisasjonsnummer))];
      const rows = await listOrganisationsByOrgnr(tx, orgnrs);
      const shapes = new Map(rows.map((row) => [row.orgnr, toRegisterShape(row)]));
      const ids = new Map(rows.map((row) => [row.orgnr, row.id]));
      const members = new Set(await partnerships.organisationIdsWithPartnerships(tx, [...ids.values()]));
      const touched = new Set<string>();
      const toRemove = new Set<string>();

      for (const [offset, entry] of slice.entries()) {
        const number = start + offset + 1;
        const orgnr = entry.organisasjonsnummer;
        const current = shapes.get(orgnr);
        const reject = (reason: string) => summary.rejected.push({ entry: number, orgnr, reason });
        const day = entry.dato?.slice(0, 10) ?? null;
        switch (entry.endringstype) {
          case 'Ny':
          case 'Endring': {
            if (!entry.endringer || entry.endringer.length === 0) {
              reject('The entry carries no changes; ask the register for them (includeChanges=true).');
              break;
            }
            if (
              !current &&
              entry.endringstype === 'Endring' &&
              !entry.endringer.some((op) => op.path === '/navn')
            ) {
              reject(
                'The organisation is not in the local register copy, and the change does not hold the whole record.',
              );
              break;
            }
            shapes.set(orgnr, applyPatch(current ?? { organisasjonsnummer: orgnr }, entry.endringer));
            touched.add(orgnr);
            toRemove.delete(orgnr);
            break;
          }
          case 'Sletting': {
            if (!current) {
              reject('Deleted in the register, and not in the local copy: nothing to do.');
              break;
            }
            shapes.set(orgnr, { ...current, slettedato: current.slettedato ?? day });
            touched.add(orgnr);
            break;
          }
          case 'Fjernet': {
            if (!current) break;
            const id = ids.get(orgnr);
            if (id && members.has(id)) {
              // Memberships and the audit trail point here: flag it instead of deleting it.
              shapes.set(orgnr, { ...current, slettedato: current.slettedato ?? day });
              touched.add(orgnr);
              summary.keptBecauseMember += 1;
            } else {
              toRemove.add(orgnr);
              touched.delete(orgnr);
            }
            break;
          }
          default:
            reject(`Unknown change type "${entry.endringstype}".`);
        }
      }

      const batch: PreparedRecord[] = [];
      for (const orgnr of touched) {
        const parsed = parseJsonRecord(
          shapes.get(orgnr),
          (rows.find((r) => r.orgnr === orgnr)?.registerKind ?? kind) as 'enhet' | 'underenhet',
        );
        if (!parsed.ok) {
          summary.rejected.push({
            entry: 0,
            orgnr,
            reason: `After the changes the record is not valid: ${parsed.reason}`,
          });
          continue;
        }
        const columns = toRegisterColumns(parsed.record, reference);
        if (columns.deletedOn && !rows.find((r) => r.orgnr === orgnr)?.deletedOn) summary.deleted += 1;
        batch.push(prepareRecord(columns));
      }
      if (batch.length > 0) {
        const result = await writeRegisterBatch(tx, batch, { importId, now: clock.now() });
        summary.created += result.new;
        summary.changed += result.updated;
        summary.unchanged += result.unchanged;
      }
      if (toRemove.size > 0) summary.removed += await deleteOrganisationsByOrgnr(tx, [...toRemove]);
    });
  }

  await finishRegisterImport(db, importId, {
    status: 'completed',
    counts: {
      read: summary.entries,
      new: summary.created,
      updated: summary.changed,
      unchanged: summary.unchanged,
      rejected: summary.rejected.length,
    },
    finishedAt: clock.now(),
  });
  return summary;
}
