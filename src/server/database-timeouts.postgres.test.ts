import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { createCluster } from '../features/clusters/clusters.seed';
import { createProgramme } from '../features/programme/programme.seed';
import { TEST_PUBLIC_URL, TEST_TODAY } from '../testing/harness';
import { type PostgresServer, runStatement, startPostgresServer } from '../testing/postgres-server';
import { loadWebAssets } from '../web/shell/server/web.routes';
import { createApp } from './app';
import { fixedClock } from './clock';
import { type DatabaseHandle, openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { isDatabaseUnavailable } from './db/unavailable';
import { createDiskFileStore } from './files/disk-file-store';
import { createLogger } from './logger';
import { DIST_DIR } from './paths';

/**
 * A PostgreSQL server that stops answering (every process of it stopped with SIGSTOP, as a frozen
 * machine or a stuck storage would) must not hold the app's requests: readiness says so within
 * five seconds, requests fail with 503 within the configured timeouts, and everything works again
 * once the server does. On the embedded default the timeouts are the connection's alone; this
 * runs against the PostgreSQL server only.
 */
const TIMEOUTS = { connectMs: 1_000, statementMs: 1_000, idleInTransactionMs: 1_000 };

let server: PostgresServer;
let database: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let cookie: string;
/** No test here uploads a file, so nothing is ever written under this directory. */
const files = createDiskFileStore(join(tmpdir(), `klynge-unused-files-${process.pid}`));
let frozen: number[] = [];

function freeze() {
  frozen = server.serverPids();
  for (const pid of frozen) process.kill(pid, 'SIGSTOP');
}
function thaw() {
  for (const pid of frozen) process.kill(pid, 'SIGCONT');
  frozen = [];
}

async function timed(path: string, init?: RequestInit) {
  const started = performance.now();
  const response = await app.request(path, init);
  await response.arrayBuffer();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    ms: performance.now() - started,
  };
}

describe('the app on a PostgreSQL server that stops answering', () => {
  beforeAll(async () => {
    server = await startPostgresServer();
    await runStatement(server.url('postgres'), 'create database klynge');
    database = await openDatabase({ kind: 'postgres', url: server.url('klynge'), timeouts: TIMEOUTS });
    await migrateDatabase(database);
    const programme = await createProgramme(database.db);
    await createCluster(database.db, programme, { slug: 'frossen', name: 'Frossenklyngen' });
    await createTestAccount(database.db, 'programme_staff', {}, { email: 'staff@frozen.example' });
    app = createApp({
      database,
      clock: fixedClock(TEST_TODAY),
      publicUrl: TEST_PUBLIC_URL,
      logger: createLogger('silent'),
      web: loadWebAssets(DIST_DIR),
      files,
    });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email: 'staff@frozen.example', password: TEST_PASSWORD }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  }, 60_000);

  afterAll(async () => {
    if (frozen.length > 0) thaw();
    await database?.close();
    await server?.stop();
  });

  it('says it is not ready within five seconds, and fails requests with 503 instead of hanging', async () => {
    // Connections in the pool already, as in a running server.
    expect((await timed('/readyz')).status).toBe(200);
    expect((await timed('/api/clusters/frossen', { headers: { cookie } })).status).toBe(200);

    freeze();
    const [ready, page, ...reads] = await Promise.all([
      timed('/readyz'),
      // A page is read through the API in-process; it says "try again shortly", as a 503.
      timed('/?q=frossen'),
      // More requests than the pool has connections: some wait for a connection, some for an answer.
      ...Array.from({ length: 14 }, () => timed('/api/clusters/frossen', { headers: { cookie } })),
    ]);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(5_000);
    expect(page).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    expect(reads.map((r) => r.status)).toEqual(reads.map(() => 503));
    expect(reads.every((r) => r.retryAfter !== null)).toBe(true);
    // Waiting for a connection or for an answer, each gives up within its timeout and a margin.
    expect(Math.max(...reads.map((r) => r.ms))).toBeLessThan(TIMEOUTS.statementMs + 2_000 + 2_000);

    thaw();
    const deadline = Date.now() + 10_000;
    while ((await timed('/readyz')).status !== 200 && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect((await timed('/readyz')).status).toBe(200);
    expect((await timed('/api/clusters/frossen', { headers: { cookie } })).status).toBe(200);
  }, 40_000);

  it('ends a statement that runs longer than the statement timeout', async () => {
    const started = performance.now();
    const failure = await database.db.execute(sql`select pg_sleep(5)`).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe('57014');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('ends a transaction left idle longer than the idle-in-transaction timeout, and the pool goes on', async () => {
    const failure = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await new Promise((done) => setTimeout(done, TIMEOUTS.idleInTransactionMs + 500));
        await tx.execute(sql`select 1`);
      })
      .catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    const { rows } = await database.pool.query('select 1 as one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
