import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../server/app';
import { fixedClock } from '../server/clock';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../server/db/client';
import { writeLogicalDump } from '../server/db/logical-dump';
import { seedDemo } from '../server/demo-seed';
import { FEATURES } from '../server/features';
import { createDiskFileStore } from '../server/files/disk-file-store';
import { createLogger } from '../server/logger';
import { TEST_PUBLIC_URL, TEST_TODAY } from '../testing/harness';
import { runStatement } from '../testing/postgres-server';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { BackupError, backupDatabase, restoreDatabase } from './backup';

/**
 * `klynge backup` and `klynge restore` on the demo data: what comes back holds the same rows in
 * every table, the same sequence positions and the same migrations as what was backed up.
 */

const kind = inject('databaseKind');
const work = mkdtempSync(join(tmpdir(), 'klynge-backup-'));
let source: TestDatabase;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.db, fixedClock(TEST_TODAY), TEST_TODAY.slice(0, 10), FEATURES);
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await source?.drop();
  rmSync(work, { recursive: true, force: true });
});

let targets = 0;

/** A new, empty database of the kind under test: a database on the test server, or a data directory. */
async function emptyTarget(): Promise<DatabaseTarget> {
  targets += 1;
  if (kind === 'postgres') {
    const admin = inject('postgresUrl');
    const name = `klynge_restore_${process.pid}_${targets}`;
    await runStatement(admin, `create database ${name}`);
    cleanups.push(() => runStatement(admin, `drop database if exists ${name} with (force)`));
    return { kind: 'postgres', url: admin.replace(/\/postgres$/, `/${name}`) };
  }
  return { kind: 'embedded', dataDir: join(work, `restored-${targets}`) };
}

type Contents = { tables: Record<string, string[]>; sequences: string[]; migrations: string[] };

/** Every row of every table as PostgreSQL writes it out, in order; and the sequences and migrations. */
async function contentsOf(handle: DatabaseHandle): Promise<Contents> {
  const { rows } = await handle.pool.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const tables: Record<string, string[]> = {};
  for (const { name } of rows) {
    const all = await handle.pool.query<{ row: string }>(
      `select t::text as row from public."${name}" t order by 1`,
    );
    tables[name] = all.rows.map((r) => r.row);
  }
  const sequences = await handle.pool.query<{ s: string }>(
    `select sequencename || '=' || coalesce(last_value::text, '-') as s from pg_sequences where schemaname = 'public' order by 1`,
  );
  const migrations = await handle.pool.query<{ hash: string }>(
    `select hash from drizzle.__drizzle_migrations order by id`,
  );
  return {
    tables,
    sequences: sequences.rows.map((r) => r.s),
    migrations: migrations.rows.map((r) => r.hash),
  };
}

async function contentsAt(target: DatabaseTarget): Promise<Contents> {
  const handle = await openDatabase(target);
  try {
    return await contentsOf(handle);
  } finally {
    await handle.close();
  }
}

describe('a backup and its restore', () => {
  let file: string;
  let restored: DatabaseTarget;

  it('bring back every row of every table of the demo data in an empty database', async () => {
    file = join(work, kind === 'postgres' ? 'klynge.dump' : 'klynge.sql');
    // The app keeps answering while the backup is taken.
    const app = createApp({
      database: source,
      clock: fixedClock(TEST_TODAY),
      files: createDiskFileStore(join(work, 'files')),
      logger: createLogger('silent'),
      publicUrl: TEST_PUBLIC_URL,
    });
    const [backup, ...answers] = await Promise.all([
      backupDatabase(source.target, file),
      ...Array.from({ length: 5 }, () => app.request('/api/clusters?pageSize=5')),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(backup.kind).toBe(kind === 'postgres' ? 'pg_dump' : 'logical');

    restored = await emptyTarget();
    await restoreDatabase(restored, file);
    const before = await contentsOf(source);
    const after = await contentsAt(restored);
    expect(Object.keys(before.tables).length).toBeGreaterThan(20);
    expect(before.tables.organisations!.length).toBeGreaterThan(1_000);
    expect(after).toEqual(before);
  }, 240_000);

  it('refuse to restore into a database that holds rows, and leave it as it was', async () => {
    const before = await contentsAt(restored);
    await expect(restoreDatabase(restored, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(restored, file)).rejects.toThrow(/is not empty \(.*hold rows\)/);
    expect(await contentsAt(restored)).toEqual(before);
  }, 120_000);

  it('restore nothing from a file cut short, so the same database takes the whole file after', async () => {
    const logical = join(work, 'portable.sql');
    const client = await source.pool.connect();
    try {
      await writeLogicalDump(client, logical);
    } finally {
      client.release();
    }
    const text = readFileSync(logical, 'utf8');
    const cut = join(work, 'cut.sql');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const target = await emptyTarget();
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/cut short/);
    await restoreDatabase(target, logical);
    expect(await contentsAt(target)).toEqual(await contentsOf(source));
  }, 240_000);

  it('take a gzipped dump when the file name ends in .gz, and restore it', async () => {
    const gzipped = join(work, 'klynge.sql.gz');
    const client = await source.pool.connect();
    try {
      await writeLogicalDump(client, gzipped);
    } finally {
      client.release();
    }
    expect(readFileSync(gzipped).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const target = await emptyTarget();
    await restoreDatabase(target, gzipped);
    expect(await contentsAt(target)).toEqual(await contentsOf(source));
  }, 240_000);

  it('refuse a file that is not a backup, saying so', async () => {
    const other = join(work, 'notes.txt');
    writeFileSync(other, 'not a backup\n');
    await expect(restoreDatabase(await emptyTarget(), other)).rejects.toThrow(
      /neither a Klynge dump nor a pg_dump archive/,
    );
  });
});
