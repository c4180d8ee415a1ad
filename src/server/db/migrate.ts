import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { QueryConfig } from 'pg';
import type { DatabaseHandle } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Any fixed number, shared by every Klynge process migrating the same PostgreSQL database.
const MIGRATION_LOCK_KEY = 4_711_2024;

/**
 * Applies the committed migrations. Several app processes may start at once; one migrates.
 * `upTo` stops after that many, for a restore that loads data made at that point (see
 * `logical-dump.ts`) before migrating the rest.
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  options: { upTo?: number } = {},
): Promise<void> {
  const migrationsFolder = options.upTo === undefined ? MIGRATIONS_FOLDER : firstMigrations(options.upTo);
  try {
    if (handle.kind === 'embedded') {
      await migrate(handle.db, { migrationsFolder });
      return;
    }
    // A connection outside the pool: waiting for another process's migration, or building an
    // index on a large table, may rightly take longer than any statement timeout the pool sets.
    const client = await handle.connectAlone();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      await client.end();
    }
  } finally {
    if (migrationsFolder !== MIGRATIONS_FOLDER) rmSync(migrationsFolder, { recursive: true, force: true });
  }
}

/** A copy of the migrations folder with only the first `count`: drizzle applies what its journal lists. */
function firstMigrations(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'klynge-migrations-'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const entries = journal.entries.slice(0, count);
  mkdirSync(join(folder, 'meta'));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries)
    copyFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`));
  return folder;
}

/** The migrations this version of Klynge ships, in order, by the hash drizzle records for each. */
export function codeMigrations(): string[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((migration) => migration.hash);
}

function journalEntryCount(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export type MigrationState = { applied: number; expected: number };

/**
 * How many migrations the database has against how many the code ships. With `timeoutMs`, a
 * server that does not answer in that time fails the check (and the connection is ended).
 */
export async function readMigrationState(
  handle: DatabaseHandle,
  options: { timeoutMs?: number } = {},
): Promise<MigrationState> {
  const expected = journalEntryCount();
  // node-postgres takes a timeout per query; its types do not list it.
  const query: QueryConfig & { query_timeout?: number } = {
    text: `select count(*)::text as applied from drizzle.__drizzle_migrations`,
    query_timeout: options.timeoutMs,
  };
  const result = await handle.pool.query<{ applied: string }>(query);
  return { applied: Number(result.rows[0]?.applied ?? 0), expected };
}
