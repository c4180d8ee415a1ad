import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { QueryConfig } from 'pg';
import type { DatabaseHandle } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Any fixed number, shared by every Klynge process migrating the same PostgreSQL database.
const MIGRATION_LOCK_KEY = 4_711_2024;

/** Applies the committed migrations. Several app processes may start at once; one migrates. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'embedded') {
    await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // A connection outside the pool: waiting for another process's migration, or building an index
  // on a large table, may rightly take longer than any statement timeout the app's pool sets.
  const client = await handle.connectAlone();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
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
