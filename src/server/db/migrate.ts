import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
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
  const client = await handle.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

function journalEntryCount(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export type MigrationState = { applied: number; expected: number };

/** How many migrations the database has against how many the code ships. */
export async function readMigrationState(handle: DatabaseHandle): Promise<MigrationState> {
  const expected = journalEntryCount();
  const result = await handle.pool.query<{ applied: string }>(
    `select count(*)::text as applied from drizzle.__drizzle_migrations`,
  );
  return { applied: Number(result.rows[0]?.applied ?? 0), expected };
}
