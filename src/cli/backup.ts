import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../server/db/client';
import {
  appliedMigrations,
  isLogicalDump,
  loadLogicalDump,
  readHeader,
  tablesWithRows,
  writeLogicalDump,
} from '../server/db/logical-dump';
import { codeMigrations, migrateDatabase } from '../server/db/migrate';

/**
 * `klynge backup FILE` and `klynge restore FILE`.
 *
 * A PostgreSQL server is dumped with its own pg_dump in the custom format (`-Fc`) and restored with
 * pg_restore: what its administrators know and trust. The embedded database is dumped through SQL
 * while the app runs (`server/db/logical-dump.ts` says why and how); that dump restores into either
 * kind of database. Either way a backup is written beside FILE and renamed into place only when
 * complete, so a failed run never leaves a file that looks like a backup. A restore goes only into
 * a database with no rows in it.
 */

export class BackupError extends Error {
  override name = 'BackupError';
}

export type BackupResult = { kind: 'pg_dump' | 'logical'; summary: string };

/** Where PostgreSQL's client programs are: KLYNGE_PG_BIN, else the newest installed server's. */
export function findPostgresTool(tool: 'pg_dump' | 'pg_restore', serverMajor: number): string {
  const candidates: string[] = [];
  if (process.env.KLYNGE_PG_BIN) candidates.push(process.env.KLYNGE_PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(join(root, version, 'bin'));
    }
  }
  const found = candidates.map((dir) => join(dir, tool)).filter((path) => existsSync(path));
  if (found.length === 0) {
    throw new BackupError(
      `${tool} was not found. Install PostgreSQL's client programs (apt-get install postgresql-client) ` +
        'or set KLYNGE_PG_BIN to the directory that holds them.',
    );
  }
  // pg_dump refuses a server newer than itself; the newest found is the best chance.
  const fit = found.find((path) => majorOf(path) >= serverMajor);
  if (!fit) {
    throw new BackupError(
      `The database runs PostgreSQL ${serverMajor}, but the newest ${tool} found (${found[0]}) is version ` +
        `${majorOf(found[0]!)}. Install the client programs of version ${serverMajor} or newer, or set KLYNGE_PG_BIN.`,
    );
  }
  return fit;
}

function majorOf(tool: string): number {
  const version = execFileSync(tool, ['--version'], { encoding: 'utf8' });
  return Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1] ?? 0);
}

/** The URL without its password, which goes to the child in PGPASSWORD instead of its command line. */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.href, env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new BackupError(`${tool.split('/').pop()} failed:\n${errors.trim()}`)),
    );
  });
}

async function serverMajor(handle: DatabaseHandle): Promise<number> {
  const { rows } = await handle.pool.query<{ version: string }>(
    `select current_setting('server_version_num') as version`,
  );
  return Math.floor(Number(rows[0]!.version) / 10_000);
}

/** Writes the backup of the database `target` names to `file`. */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupResult> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // The embedded database is joined through its socket when a server holds it: the backup is taken
  // while the app runs.
  const handle = await openDatabase(target.kind === 'embedded' ? { ...target, joinRunning: true } : target);
  try {
    if (target.kind === 'postgres') {
      const { dbname, env } = connectionFor(target.url);
      const pgDump = findPostgresTool('pg_dump', await serverMajor(handle));
      await run(pgDump, ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env);
      renameSync(partial, file);
      return { kind: 'pg_dump', summary: 'pg_dump, custom format' };
    }
    const summary = await withClient(handle, (client) => writeLogicalDump(client, partial));
    renameSync(partial, file);
    return {
      kind: 'logical',
      summary: `${summary.rows.toLocaleString('en')} rows from ${summary.tables} tables, at migration ${summary.migrations}`,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

async function withClient<T>(
  handle: DatabaseHandle,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await handle.pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Refuses, naming what it holds, a target that holds any row. */
async function requireEmpty(handle: DatabaseHandle): Promise<void> {
  const full = await withClient(handle, tablesWithRows);
  if (full.length > 0) {
    throw new BackupError(
      `The database is not empty (${full.slice(0, 5).join(', ')}${full.length > 5 ? ', …' : ''} hold rows), ` +
        'so nothing was restored. Restore into a new, empty database or data directory.',
    );
  }
}

/** Whether the file is an archive of pg_dump's custom format, which begins with these bytes. */
async function isPgDumpArchive(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString('latin1') === 'PGDMP';
  } finally {
    await handle.close();
  }
}

/** Loads the backup in `file` into the empty database `target` names, then migrates it to this version. */
export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<BackupResult> {
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const logical = await isLogicalDump(file);
  if (!logical && !(await isPgDumpArchive(file))) {
    throw new BackupError(`${file} is neither a Klynge dump nor a pg_dump archive (custom format).`);
  }
  if (!logical && target.kind === 'embedded') {
    throw new BackupError(
      `${file} is a pg_dump archive, which restores into a PostgreSQL server: set DATABASE_URL to an ` +
        'empty database on one.',
    );
  }
  // Never joined: a restore needs the database to itself, and a running server would serve half a restore.
  const handle = await openDatabase(target.kind === 'embedded' ? { ...target, joinRunning: false } : target);
  try {
    await requireEmpty(handle);
    if (logical) return await restoreLogical(handle, file);
    return await restorePgDump(handle, (target as { url: string }).url, file);
  } finally {
    await handle.close();
  }
}

async function restorePgDump(handle: DatabaseHandle, url: string, file: string): Promise<BackupResult> {
  const { dbname, env } = connectionFor(url);
  const pgRestore = findPostgresTool('pg_restore', await serverMajor(handle));
  // A database the app has migrated but never written to counts as empty: the dump's tables
  // replace its own.
  const { rows } = await handle.pool.query<{ migrated: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as migrated`,
  );
  const replace = rows[0]?.migrated ? ['--clean', '--if-exists'] : [];
  await run(
    pgRestore,
    [
      '--exit-on-error',
      '--single-transaction',
      '--no-owner',
      '--no-privileges',
      ...replace,
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
  await migrateDatabase(handle);
  return { kind: 'pg_dump', summary: 'pg_restore, then migrated to this version' };
}

async function restoreLogical(handle: DatabaseHandle, file: string): Promise<BackupResult> {
  const header = (await readHeader(file))!;
  const code = codeMigrations();
  if (!header.migrations.every((hash, index) => code[index] === hash)) {
    throw new BackupError(
      `${file} was made by another version of Klynge: its migrations are not this version's. ` +
        'Restore it with the version that made it, then upgrade.',
    );
  }
  const applied = await withClient(handle, appliedMigrations);
  if (!applied.every((hash, index) => header.migrations[index] === hash)) {
    throw new BackupError(
      'The database is migrated further than the dump: restore into a new, empty database.',
    );
  }
  // The rows fit the schema of the migrations they were taken at; later migrations then move them on.
  await migrateDatabase(handle, { upTo: header.migrations.length });
  const loaded = await withClient(handle, (client) => loadLogicalDump(client, file));
  await migrateDatabase(handle);
  return {
    kind: 'logical',
    summary: `${loaded.rows.toLocaleString('en')} rows into ${loaded.tables} tables, then migrated to this version`,
  };
}
