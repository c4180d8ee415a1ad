import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { type DatabaseHandle, openDatabase } from './client';

/**
 * A PostgreSQL server may end a connection at any moment: a restart, a crash, an administrator.
 * When it ends one that a request holds, between two statements of a transaction, node-postgres
 * reports it as an `error` event on that connection; unheard, that event would end the process.
 */
let database: TestDatabase;
let handle: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: if the lost one were still counted as in use, nothing more could be asked.
  const { target } = database;
  if (target.kind !== 'postgres') throw new Error('This file runs on a PostgreSQL server.');
  handle = await openDatabase({
    ...target,
    poolSize: 1,
    timeouts: { connectMs: 2_000, statementMs: 0, idleInTransactionMs: 0 },
  });
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

describe('a connection the server ends while a transaction holds it', () => {
  it('fails that transaction alone; the process lives and the pool gives a new connection', async () => {
    const outcome = handle.db.transaction(async (tx) => {
      const held = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      await database.db.execute(sql`select pg_terminate_backend(${held.rows[0]!.pid}::int)`);
      // The connection is idle in its transaction when it learns it has been ended.
      await new Promise((done) => setTimeout(done, 300));
      await tx.execute(sql`select 1`);
    });
    await expect(outcome).rejects.toThrow();

    const after = await handle.db.execute<{ n: number }>(sql`select 1::int as n`);
    expect(after.rows[0]?.n).toBe(1);
    expect(handle.pool.totalCount).toBe(1);
  });
});
