// `klynge import brreg FILE`: Enhetsregisteret's bulk download (JSON array of enheter or
// underenheter, plain or gzip, or the bulk CSV) streamed into the local register copy.
import { basename } from 'node:path';
import type { ServiceContext } from '../../server/service-context';
import { loadMunicipalityReference } from '../reference/reference.service';
import { RegisterFileError, readRegisterFile } from './brreg/brreg-reader';
import { type ParseResult, parseCsvRecord, parseJsonRecord } from './brreg/brreg-record';
import type { RegisterImportCounts } from './organisations.table';
import { finishRegisterImport, insertRegisterImport } from './register.queries';
import { type PreparedRecord, prepareRecord, toRegisterColumns, writeRegisterBatch } from './register-write';

export type RegisterKindOption = 'enhet' | 'underenhet' | 'auto';

export type Rejection = { entry: number; orgnr: string | null; reason: string };

export type ImportSummary = {
  importId: string;
  status: 'completed' | 'failed';
  counts: RegisterImportCounts;
  /** Entries 1..committedEntries of the file are in the database (or were rejected and reported). */
  committedEntries: number;
  error?: string;
};

export type ImportOptions = {
  kind?: RegisterKindOption;
  batchSize?: number;
  onProgress?(bytesRead: number, totalBytes: number, entries: number): void;
  onReject?(rejection: Rejection): void;
};

/** Bulk files do not say what they hold; an underenhet has a beliggenhetsadresse, an enhet does not. */
function kindOf(entry: { value: unknown } | { row: Record<string, string> }, option: RegisterKindOption) {
  if (option !== 'auto') return option;
  if ('row' in entry)
    return Object.keys(entry.row).some((k) => k.startsWith('beliggenhetsadresse')) ? 'underenhet' : 'enhet';
  return entry.value && typeof entry.value === 'object' && 'beliggenhetsadresse' in entry.value
    ? 'underenhet'
    : 'enhet';
}

export async function importRegisterFile(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  // Per-batch costs (a transaction, a hash lookup, planning the upsert) fade at a few thousand
  // records, and two batches held at once are a few megabytes.
  const batchSize = options.batchSize ?? 5_000;
  const kindOption = options.kind ?? 'auto';
  const counts: RegisterImportCounts = { read: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 };
  const { db, clock } = ctx;
  const importId = await insertRegisterImport(db, { kind: 'brreg', fileName: basename(path), counts });
  const reference = await loadMunicipalityReference(ctx);

  let batch: PreparedRecord[] = [];
  let lastEntryInBatch = 0;
  let committedEntries = 0;
  // One batch is written while the next is read and parsed: the database and this process each
  // get a core. Never more than one write in flight, so a failure stops the import at once.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const written = batch;
    const upTo = lastEntryInBatch;
    batch = [];
    await writing;
    writing = (async () => {
      if (written.length > 0) {
        const result = await db.transaction((tx) =>
          writeRegisterBatch(tx, written, { importId, now: clock.now() }),
        );
        counts.new += result.new;
        counts.updated += result.updated;
        counts.unchanged += result.unchanged;
      }
      committedEntries = upTo;
    })();
  };
  const drain = async () => {
    await flush();
    await writing;
  };

  let bytes = { read: 0, total: 0 };
  let error: string | undefined;
  try {
    for await (const entry of readRegisterFile(path, {
      onBytes: (read, total) => {
        bytes = { read, total };
      },
    })) {
      counts.read += 1;
      const kind = kindOf(entry, kindOption);
      const parsed: ParseResult =
        'row' in entry ? parseCsvRecord(entry.row, kind) : parseJsonRecord(entry.value, kind);
      if (parsed.ok) {
        batch.push(prepareRecord(toRegisterColumns(parsed.record, reference)));
      } else {
        counts.rejected += 1;
        options.onReject?.({ entry: entry.index + 1, orgnr: parsed.orgnr, reason: parsed.reason });
      }
      lastEntryInBatch = entry.index + 1;
      if (batch.length >= batchSize) await flush();
      options.onProgress?.(bytes.read, bytes.total, counts.read);
    }
    await drain();
  } catch (caught) {
    if (!(caught instanceof RegisterFileError)) {
      await writing.catch(() => {});
      await finish('failed', caught instanceof Error ? caught.message : String(caught));
      throw caught;
    }
    // The entries read before the damage are whole; keep them, and say exactly how far we got.
    await drain();
    error = caught.message;
  }
  await finish(error ? 'failed' : 'completed', error);
  return { importId, status: error ? 'failed' : 'completed', counts, committedEntries, error };

  async function finish(status: 'completed' | 'failed', message?: string) {
    await finishRegisterImport(db, importId, {
      status,
      counts,
      message: message ?? null,
      finishedAt: clock.now(),
    });
  }
}
