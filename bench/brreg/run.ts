/**
 * The register import benchmark: a synthetic full-size Enhetsregisteret (generate.ts) imported into
 * a fresh database with the app's own importRegisterFile, timed against PostgreSQL COPY of the same
 * rows in the same run; peak RSS; a second (idempotent) import; 10,000 change-feed entries.
 *
 *   node --import tsx bench/brreg/run.ts [--db postgres|pglite|both] [--count 1500000] [--dir DIR]
 *                                        [--data DIR] [--no-copy]
 *
 * Each database runs in a child process of its own, so its peak RSS (maxRSS) is its own. The
 * generated files stay in --dir (default $TMPDIR/klynge-brreg-COUNT) and are reused when the
 * manifest there matches. Results are printed as a table and written to DIR/results-*.json.
 * See bench/README.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readRegisterFile } from '../../src/features/organisations/brreg/brreg-reader';
import { parseJsonRecord } from '../../src/features/organisations/brreg/brreg-record';
import { organisations } from '../../src/features/organisations/organisations.table';
import { importRegisterFile } from '../../src/features/organisations/register-import';
import { applyRegisterUpdates } from '../../src/features/organisations/register-updates';
import {
  prepareRecord,
  type RegisterColumns,
  toRegisterColumns,
} from '../../src/features/organisations/register-write';
import { systemClock } from '../../src/server/clock';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { PARTNERSHIP_FACTS } from '../../src/server/features';
import { runStatement, startPostgresServer } from '../../src/testing/postgres-server';
import { DEFAULT_COUNT, DEFAULT_DATA_DIR, defaultOutDir, type Manifest } from './generate';

type DbName = 'postgres' | 'pglite';

/** The issue's targets, judged on PostgreSQL. */
const TARGETS = { copyRatio: 0.5, peakRssMb: 400, updatesSeconds: 5 };

const THIS_FILE = fileURLToPath(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Which code was measured: the commit, and the files changed on top of it outside bench/. */
function codeVersion(): { commit: string; changedFiles: string[] } {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', REPO_ROOT, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const changedFiles = git('status', '--porcelain')
      .split('\n')
      .filter((line) => line.trim() && !line.slice(3).startsWith('bench/'));
    return { commit: git('rev-parse', 'HEAD').trim(), changedFiles };
  } catch {
    return { commit: 'unknown (not a git checkout)', changedFiles: [] };
  }
}
const GENERATOR = fileURLToPath(new URL('./generate.ts', import.meta.url));

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const round = (n: number) => Math.round(n);

// ---------------------------------------------------------------------------------------------
// Where time goes: every query through node-postgres, by kind
// ---------------------------------------------------------------------------------------------

type QueryKind =
  | 'select stored hashes'
  | 'select old facts'
  | 'upsert organisations'
  | 'insert history'
  | 'feed: select rows'
  | 'feed: memberships'
  | 'feed: delete'
  | 'begin/commit'
  | 'other';
const queryTime = new Map<QueryKind, { ms: number; count: number }>();

/** Recognises the statements of register-write.ts and register-updates.ts (as of this benchmark). */
function kindOfQuery(text: string): QueryKind {
  const head = text.slice(0, 120).toLowerCase().replace(/"/g, '').trimStart();
  if (head.startsWith('begin') || head.startsWith('commit')) return 'begin/commit';
  if (head.startsWith('select orgnr, register_hash from organisations')) return 'select stored hashes';
  if (head.startsWith('select id, orgnr, register_hash,')) return 'select old facts';
  if (head.startsWith('insert into organisations ')) return 'upsert organisations';
  if (head.startsWith('insert into organisation_changes')) return 'insert history';
  if (head.startsWith('select id, orgnr, name,')) return 'feed: select rows';
  if (head.includes(' from memberships')) return 'feed: memberships';
  if (head.startsWith('delete from organisations')) return 'feed: delete';
  return 'other';
}

/** Wraps pg.Client#query (promise form) to add up the wall time of each kind of query. */
function instrumentQueries(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (!(result instanceof Promise)) return result;
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    const kind = kindOfQuery(text);
    const started = performance.now();
    const add = () => {
      const entry = queryTime.get(kind) ?? { ms: 0, count: 0 };
      entry.ms += performance.now() - started;
      entry.count += 1;
      queryTime.set(kind, entry);
    };
    result.then(add, add);
    return result;
  };
}

function takeQueryTimes(): Record<string, { seconds: number; count: number }> {
  const out = Object.fromEntries(
    [...queryTime].map(([kind, { ms, count }]) => [kind, { seconds: seconds(ms), count }]),
  );
  queryTime.clear();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Memory: this process, and the PGlite child process when there is one
// ---------------------------------------------------------------------------------------------

function procStatus(pid: number): { rssMb: number; hwmMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(kb('VmRSS') / 1024), hwmMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

/** The embedded database's process: the child this process forked to run embedded-server.ts. */
function findEmbeddedChild(): number | undefined {
  try {
    const out = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,args='], { encoding: 'utf8' });
    const line = out.split('\n').find((l) => l.includes('embedded-server'));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 1/100 s). */
function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The server processes serving one database ("postgres: postgres DBNAME 127.0.0.1(…)"). */
function backendPids(database: string): number[] {
  try {
    const out = execFileSync('ps', ['-u', 'postgres', '-o', 'pid=,args='], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((line) => line.includes(`postgres: postgres ${database} `))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
  } catch {
    return [];
  }
}

/**
 * CPU time of the database side of a phase: the backends of our database (or the PGlite process),
 * sampled every second, since a backend's time is gone once it exits. The machine is shared, so
 * CPU seconds say more about cost than wall time does.
 */
class CpuTracker {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  constructor(private readonly pids: () => number[]) {
    this.sample(true);
  }
  sample(baseline = false): void {
    for (const pid of this.pids()) {
      const cpu = procCpuSeconds(pid);
      if (cpu === undefined) continue;
      if (!this.first.has(pid)) this.first.set(pid, baseline ? cpu : 0);
      this.last.set(pid, cpu);
    }
  }
  seconds(): number {
    this.sample();
    let total = 0;
    for (const [pid, last] of this.last) total += last - (this.first.get(pid) ?? 0);
    return Math.round(total * 10) / 10;
  }
}

type Cpu = { importerSeconds: number; databaseSeconds: number };

function startCpu(dbPids: () => number[]): { tracker: CpuTracker; stop(): Cpu } {
  const tracker = new CpuTracker(dbPids);
  const own = process.cpuUsage();
  return {
    tracker,
    stop() {
      const used = process.cpuUsage(own);
      return {
        importerSeconds: Math.round((used.user + used.system) / 100_000) / 10,
        databaseSeconds: tracker.seconds(),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// COPY baseline: the same normalised rows the importer writes, as CSV, loaded with psql \copy
// ---------------------------------------------------------------------------------------------

const COPY_KEYS: (keyof RegisterColumns)[] = [
  'orgnr',
  'name',
  'nameSortKey',
  'registerKind',
  'organisationForm',
  'organisationFormName',
  'naceCodes',
  'naceDescriptions',
  'employees',
  'municipalityNumber',
  'municipalityName',
  'countyCode',
  'postalCode',
  'postalPlace',
  'institutionalSectorCode',
  'foundedOn',
  'registeredOn',
  'website',
  'bankrupt',
  'underLiquidation',
  'underForcedLiquidation',
  'deletedOn',
  'parentOrgnr',
  'actorTypeDerived',
];
const COPY_COLUMNS = [
  ...COPY_KEYS.map((key) => organisations[key].name),
  organisations.registerHash.name,
  organisations.actorType.name,
  organisations.source.name,
  organisations.registerUpdatedAt.name,
];

function csvText(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map((item) => `"${String(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
    return csvText(`{${items.join(',')}}`);
  }
  return csvText(String(value));
}

/**
 * Reads the files the way the importer does (reader, record parser, normalisation, hash) and writes
 * the rows it would write as CSV. Its time is the import's floor without any database work.
 */
async function writeCopyCsv(files: string[], out: string): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const stream = createWriteStream(out);
  const now = new Date();
  let rows = 0;
  let buffer = '';
  for (const file of files) {
    for await (const entry of readRegisterFile(file)) {
      if (!('value' in entry)) continue;
      const value = entry.value as Record<string, unknown>;
      const kind =
        value && typeof value === 'object' && 'beliggenhetsadresse' in value ? 'underenhet' : 'enhet';
      const parsed = parseJsonRecord(value, kind);
      if (!parsed.ok) continue;
      const columns = toRegisterColumns(parsed.record);
      const fields = COPY_KEYS.map((key) => csvValue(columns[key]));
      fields.push(
        csvValue(prepareRecord(columns).hash),
        csvValue(columns.actorTypeDerived),
        csvText('register'),
        csvValue(now),
      );
      buffer += `${fields.join(',')}\n`;
      rows++;
      if (buffer.length > 1 << 20) {
        if (!stream.write(buffer)) await once(stream, 'drain');
        buffer = '';
      }
    }
  }
  stream.end(buffer);
  await once(stream, 'close');
  return { rows, ms: performance.now() - started };
}

/** Runs psql's \copy; returns the wall time and the CPU time of the server backend that loaded the rows. */
function psqlCopy(args: string[], csv: string): { ms: number; backendCpuSeconds: number } {
  const started = performance.now();
  const out = execFileSync(
    'psql',
    [
      '-X',
      '-q',
      '-A',
      '-t',
      '-v',
      'ON_ERROR_STOP=1',
      ...args,
      '-c',
      `\\copy organisations (${COPY_COLUMNS.map((c) => `"${c}"`).join(', ')}) from '${csv}' with (format csv)`,
      '-c',
      `select pg_read_file('/proc/self/stat')`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ms = performance.now() - started;
  const stat = out.trim();
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ms, backendCpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}

// ---------------------------------------------------------------------------------------------
// One database, in a child process
// ---------------------------------------------------------------------------------------------

type ImportRun = {
  seconds: number;
  recordsPerSecond: number;
  counts: { read: number; new: number; updated: number; unchanged: number; rejected: number };
  rejections: Record<string, number>;
  queries: Record<string, { seconds: number; count: number }>;
  cpu: Cpu;
};

export type DbResult = {
  db: DbName;
  code: { commit: string; changedFiles: string[] };
  count: number;
  rowsInTable: number;
  firstImport: ImportRun & { perFile: { file: string; seconds: number; read: number }[] };
  peakRssMb: {
    importer: number;
    importerAtEnd: number;
    sampledImporterMax: number;
    /** The PGlite process: VmHWM at the end, VmHWM before the import, and the largest VmRSS seen during it. */
    embeddedChild?: number;
    embeddedChildBeforeImport?: number;
    embeddedChildSampledMax?: number;
  };
  secondImport: ImportRun;
  updates: { seconds: number; cpu: Cpu; entriesPerSecond: number; summary: Record<string, unknown> };
  copy?: {
    rows: number;
    seconds: number;
    recordsPerSecond: number;
    csvPassSeconds: number;
    csvPassRecordsPerSecond: number;
    csvPassCpuSeconds: number;
    backendCpuSeconds: number;
    ratio: number;
    /** Import CPU (this process and its backends) per COPY CPU (the backend), same rows. */
    cpuRatio: number;
  };
  loadavg: { start: number[]; end: number[] };
};

async function freshDatabase(db: DbName) {
  if (db === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'klynge-brreg-pglite-'));
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    return {
      handle,
      async newDatabase(): Promise<{ psqlArgs: string[] } | undefined> {
        return undefined;
      },
      async dispose() {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const server = await startPostgresServer();
  await runStatement(server.url('postgres'), 'create database klynge_brreg');
  const handle = await openDatabase({ kind: 'postgres', url: server.url('klynge_brreg') });
  return {
    handle,
    /** A second fresh, migrated database on the same server: the COPY baseline's empty table. */
    async newDatabase() {
      await runStatement(server.url('postgres'), 'create database klynge_copy');
      const copyHandle = await openDatabase({ kind: 'postgres', url: server.url('klynge_copy') });
      await migrateDatabase(copyHandle);
      await copyHandle.close();
      return {
        psqlArgs: ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres', '-d', 'klynge_copy'],
      };
    },
    async dispose() {
      await handle.close();
      await server.stop();
    },
  };
}

function reasonKey(reason: string): string {
  // "organisasjonsnummer 123456789: the check digit …" → "organisasjonsnummer: the check digit …"
  return reason.replace(/\d{9}/g, 'N').slice(0, 90);
}

async function timedImport(
  label: string,
  handle: DatabaseHandle,
  files: string[],
  onSample: () => string,
  dbPids: () => number[],
): Promise<ImportRun & { perFile: { file: string; seconds: number; read: number }[] }> {
  const counts = { read: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejections: Record<string, number> = {};
  const perFile: { file: string; seconds: number; read: number }[] = [];
  takeQueryTimes();
  const cpu = startCpu(dbPids);
  const sampler = setInterval(() => cpu.tracker.sample(), 1_000);
  const started = performance.now();
  for (const file of files) {
    const fileStarted = performance.now();
    let lastPrint = fileStarted;
    let lastEntries = 0;
    const summary = await importRegisterFile({ db: handle.db, clock: systemClock }, file, {
      onProgress(read, total, entries) {
        const now = performance.now();
        if (now - lastPrint < 5_000) return;
        const rate = ((entries - lastEntries) * 1000) / (now - lastPrint);
        lastPrint = now;
        lastEntries = entries;
        console.log(
          `  [${label}] ${file.split('/').at(-1)} ${((read / total) * 100).toFixed(1)}% ` +
            `${entries.toLocaleString('en')} entries, ${round(rate).toLocaleString('en')}/s now, ${onSample()}`,
        );
      },
      onReject(rejection) {
        const key = reasonKey(rejection.reason);
        rejections[key] = (rejections[key] ?? 0) + 1;
      },
    });
    if (summary.status !== 'completed') throw new Error(`Import of ${file} failed: ${summary.error}`);
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += summary.counts[key];
    perFile.push({ file, seconds: seconds(performance.now() - fileStarted), read: summary.counts.read });
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  return {
    seconds: seconds(ms),
    recordsPerSecond: round((counts.read * 1000) / ms),
    counts,
    rejections,
    queries: takeQueryTimes(),
    cpu: cpu.stop(),
    perFile,
  };
}

async function runDb(db: DbName, dir: string, options: { copy: boolean }): Promise<DbResult> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const files = [manifest.files.enheter, manifest.files.underenheter];
  const start = loadavg();
  const code = codeVersion();
  instrumentQueries();
  console.log(`[${db}] fresh database, migrations`);
  const fresh = await freshDatabase(db);
  try {
    await migrateDatabase(fresh.handle);
    const child = db === 'pglite' ? findEmbeddedChild() : undefined;
    const dbPids = () => (child ? [child] : backendPids('klynge_brreg'));
    // PGlite's high-water mark is set when it creates the data directory; say so apart from the import's.
    const childBeforeImport = child ? procStatus(child) : undefined;
    let sampledMax = 0;
    let childMax = 0;
    const sample = () => {
      const rss = mb(process.memoryUsage().rss);
      sampledMax = Math.max(sampledMax, rss);
      const childStatus = child ? procStatus(child) : undefined;
      if (childStatus) childMax = Math.max(childMax, childStatus.rssMb);
      return `rss ${rss} MB${childStatus ? `, PGlite process ${childStatus.rssMb} MB` : ''}`;
    };
    const sampler = setInterval(sample, 1_000);

    console.log(`[${db}] import of ${manifest.count.toLocaleString('en')} records`);
    const firstImport = await timedImport(db, fresh.handle, files, sample, dbPids);
    sample();
    const importerPeak = maxRssMb();
    console.log(
      `[${db}] first import: ${firstImport.seconds} s, ${firstImport.recordsPerSecond}/s, peak RSS ${importerPeak} MB`,
    );
    const rowsInTable = Number(
      (await fresh.handle.pool.query<{ n: string }>('select count(*)::text as n from organisations')).rows[0]!
        .n,
    );

    console.log(`[${db}] second import of the same files (all unchanged)`);
    const secondImport = await timedImport(`${db} again`, fresh.handle, files, sample, dbPids);
    console.log(`[${db}] second import: ${secondImport.seconds} s, ${secondImport.recordsPerSecond}/s`);

    console.log(`[${db}] change feed: ${manifest.files.feed}`);
    const updatesCpu = startCpu(dbPids);
    const updatesSampler = setInterval(() => updatesCpu.tracker.sample(), 500);
    const updatesStarted = performance.now();
    const summary = await applyRegisterUpdates(
      { db: fresh.handle.db, clock: systemClock },
      manifest.files.feed,
      PARTNERSHIP_FACTS,
    );
    const updatesMs = performance.now() - updatesStarted;
    clearInterval(updatesSampler);
    const updates = {
      seconds: Math.round(updatesMs) / 1000,
      cpu: updatesCpu.stop(),
      entriesPerSecond: round((summary.entries * 1000) / updatesMs),
      summary: { ...summary, rejected: summary.rejected.length, queries: takeQueryTimes() },
    };
    console.log(`[${db}] change feed: ${updates.seconds} s for ${summary.entries} entries`);
    clearInterval(sampler);
    const embeddedChild = child ? (procStatus(child)?.hwmMb ?? childMax) : undefined;
    const importerAtEnd = maxRssMb();

    let copy: DbResult['copy'];
    const target = options.copy ? await fresh.newDatabase() : undefined;
    if (target) {
      const csv = join(dir, 'copy-baseline.csv');
      console.log(`[${db}] COPY baseline: writing ${csv}`);
      const passCpu = process.cpuUsage();
      const pass = await writeCopyCsv(files, csv);
      const passUsed = process.cpuUsage(passCpu);
      console.log(`[${db}] COPY baseline: psql \\copy of ${pass.rows.toLocaleString('en')} rows`);
      const { ms, backendCpuSeconds } = psqlCopy(target.psqlArgs, csv);
      rmSync(csv, { force: true });
      const importCpu = firstImport.cpu.importerSeconds + firstImport.cpu.databaseSeconds;
      const copyRate = (pass.rows * 1000) / ms;
      copy = {
        rows: pass.rows,
        seconds: seconds(ms),
        recordsPerSecond: round(copyRate),
        csvPassSeconds: seconds(pass.ms),
        csvPassRecordsPerSecond: round((pass.rows * 1000) / pass.ms),
        csvPassCpuSeconds: Math.round((passUsed.user + passUsed.system) / 100_000) / 10,
        backendCpuSeconds,
        ratio: Math.round((firstImport.recordsPerSecond / copyRate) * 1000) / 1000,
        cpuRatio: Math.round((backendCpuSeconds / importCpu) * 1000) / 1000,
      };
      console.log(`[${db}] COPY: ${copy.seconds} s, ${copy.recordsPerSecond}/s; import/COPY ${copy.ratio}`);
    }

    return {
      db,
      code,
      count: manifest.count,
      rowsInTable,
      firstImport,
      peakRssMb: {
        importer: importerPeak,
        importerAtEnd,
        sampledImporterMax: sampledMax,
        embeddedChild,
        embeddedChildBeforeImport: childBeforeImport?.hwmMb,
        embeddedChildSampledMax: child ? childMax : undefined,
      },
      secondImport,
      updates,
      copy,
      loadavg: { start, end: loadavg() },
    };
  } finally {
    await fresh.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The parent: generate when needed, one child per database, a table at the end
// ---------------------------------------------------------------------------------------------

function runNode(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`${args[0]} exited with ${code ?? signal}`)),
    );
  });
}

function manifestMatches(dir: string, count: number): boolean {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return false;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  return manifest.count === count && Object.values(manifest.files).every((f) => existsSync(f));
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

function table(results: DbResult[], manifest: Manifest): string {
  const lines = [
    `Code: ${results.map((r) => `${r.db} at ${r.code.commit.slice(0, 7)}${r.code.changedFiles.length ? ` + ${r.code.changedFiles.length} changed files` : ''}`).join(', ')}.`,
    `Records: ${manifest.count.toLocaleString('en')} (${manifest.enheter.toLocaleString('en')} enheter, ` +
      `${manifest.underenheter.toLocaleString('en')} underenheter, ${manifest.invalidOrgnrs} invalid orgnrs); ` +
      `${mb(manifest.bytes.enheterJson + manifest.bytes.underenheterJson)} MB JSON, ` +
      `${mb(manifest.bytes.enheterGzip + manifest.bytes.underenheterGzip)} MB gzip.`,
    '',
    `| | ${results.map((r) => r.db).join(' | ')} |`,
    `|---|${results.map(() => '---:|').join('')}`,
  ];
  const row = (label: string, value: (r: DbResult) => string) =>
    lines.push(`| ${label} | ${results.map(value).join(' | ')} |`);
  row('first import, s', (r) => String(r.firstImport.seconds));
  row('first import, records/s', (r) => r.firstImport.recordsPerSecond.toLocaleString('en'));
  row('COPY of the same rows, s', (r) => (r.copy ? String(r.copy.seconds) : '–'));
  row('COPY, records/s', (r) => (r.copy ? r.copy.recordsPerSecond.toLocaleString('en') : '–'));
  row('import / COPY', (r) => (r.copy ? `${Math.round(r.copy.ratio * 100)} %` : '–'));
  row(
    'first import CPU s: importer + database',
    (r) => `${r.firstImport.cpu.importerSeconds} + ${r.firstImport.cpu.databaseSeconds}`,
  );
  row('COPY CPU s (server backend)', (r) => (r.copy ? String(r.copy.backendCpuSeconds) : '–'));
  row('COPY CPU / import CPU', (r) => (r.copy ? `${Math.round(r.copy.cpuRatio * 100)} %` : '–'));
  row('read + parse + hash only (no db), records/s', (r) =>
    r.copy ? r.copy.csvPassRecordsPerSecond.toLocaleString('en') : '–',
  );
  row('peak RSS of the importing process, MB', (r) => String(r.peakRssMb.importer));
  row('PGlite process: VmHWM at end / before import / largest RSS during, MB', (r) =>
    r.peakRssMb.embeddedChild === undefined
      ? '–'
      : `${r.peakRssMb.embeddedChild} / ${r.peakRssMb.embeddedChildBeforeImport} / ${r.peakRssMb.embeddedChildSampledMax}`,
  );
  row('second import (unchanged), s', (r) => String(r.secondImport.seconds));
  row('second import, records/s', (r) => r.secondImport.recordsPerSecond.toLocaleString('en'));
  row('10,000 feed entries, s', (r) => String(r.updates.seconds));
  row(
    'feed CPU s: importer + database',
    (r) => `${r.updates.cpu.importerSeconds} + ${r.updates.cpu.databaseSeconds}`,
  );
  row('load average at start / end (2 cores)', (r) => `${r.loadavg.start[0]} / ${r.loadavg.end[0]}`);
  const postgres = results.find((r) => r.db === 'postgres');
  if (postgres) {
    lines.push('', 'Targets (PostgreSQL):');
    if (postgres.copy) {
      lines.push(
        `- import ≥ 50 % of COPY: ${Math.round(postgres.copy.ratio * 100)} %, ${verdict(postgres.copy.ratio >= TARGETS.copyRatio)}`,
      );
    }
    lines.push(
      `- peak RSS ≤ ${TARGETS.peakRssMb} MB: ${postgres.peakRssMb.importer} MB, ${verdict(postgres.peakRssMb.importer <= TARGETS.peakRssMb)}`,
      `- 10,000 feed entries ≤ ${TARGETS.updatesSeconds} s: ${postgres.updates.seconds} s, ${verdict(postgres.updates.seconds <= TARGETS.updatesSeconds)}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      count: { type: 'string', default: String(DEFAULT_COUNT) },
      dir: { type: 'string' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      'no-copy': { type: 'boolean', default: false },
      child: { type: 'string' },
      result: { type: 'string' },
    },
  });
  const count = Number(values.count);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error('--count must be a positive whole number.');
  const dir = resolve(values.dir ?? defaultOutDir(count));

  if (values.child) {
    const db = values.child as DbName;
    const result = await runDb(db, dir, { copy: db === 'postgres' && !values['no-copy'] });
    writeFileSync(values.result!, JSON.stringify(result, null, 2));
    return;
  }

  const dbs: DbName[] =
    values.db === 'both'
      ? ['postgres', 'pglite']
      : values.db === 'postgres' || values.db === 'pglite'
        ? [values.db]
        : [];
  if (dbs.length === 0) throw new Error(`--db must be postgres, pglite or both, not "${values.db}".`);

  if (!manifestMatches(dir, count)) {
    console.log(`Generating ${count.toLocaleString('en')} records into ${dir}`);
    await runNode([GENERATOR, '--count', String(count), '--out', dir, '--data', values.data!]);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  const results: DbResult[] = [];
  for (const db of dbs) {
    const resultFile = join(dir, `results-${db}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const args = [THIS_FILE, '--child', db, '--count', String(count), '--dir', dir, '--result', resultFile];
    if (values['no-copy']) args.push('--no-copy');
    await runNode(args);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as DbResult;
    results.push(result);
    console.log(JSON.stringify(result, null, 2));
  }
  console.log(`\n${table(results, manifest)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
