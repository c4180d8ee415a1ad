import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { LIMITS } from '../features/accounts/throttle';
import { createCluster } from '../features/clusters/clusters.seed';
import { clusters } from '../features/clusters/clusters.table';
import { queueMail } from '../features/mail/mail.service';
import { mailMessages } from '../features/mail/mail.table';
import { startMailWorker } from '../features/mail/mail-worker';
import { createProgramme } from '../features/programme/programme.seed';
import { TEST_PUBLIC_URL, TEST_TODAY } from '../testing/harness';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createApp } from './app';
import { fixedClock, systemClock } from './clock';
import { type DatabaseHandle, openDatabase } from './db/client';
import { createDiskFileStore } from './files/disk-file-store';
import { csrfTokenFor } from './http/csrf';
import { createReadCache, DEFAULT_READ_CACHE, type ReadCache } from './http/read-cache';
import { type ReadCacheChannel, startReadCacheChannel } from './http/read-cache-channel';
import { createLogger } from './logger';

/**
 * Klynge grows past one process by running several app instances on one PostgreSQL database.
 * Two instances, each with its own pool, read cache and mail worker, must behave as one: what is
 * written through one is read through the other, a session and a sign-in throttle hold on both,
 * and each queued mail is sent once. (The embedded database has one process by construction.)
 */
const ORIGIN = 'http://localhost';
const SLUG = 'delt-klynge';
const logger = createLogger(process.env.KLYNGE_TEST_LOG ?? 'silent');
/** No test here uploads a file, so nothing is ever written under this directory. */
const files = createDiskFileStore(join(tmpdir(), `klynge-unused-files-${process.pid}`));

type Instance = {
  database: DatabaseHandle;
  channel: ReadCacheChannel;
  /** How often its read cache was cleared. */
  clears(): number;
  request(method: string, path: string, options?: { cookie?: string; body?: unknown }): Promise<Response>;
  signIn(email: string, password?: string): Promise<string>;
};

function instance(database: DatabaseHandle): Instance {
  // The clock stands still, so a kept answer never grows old: only a clear can remove it.
  const kept = createReadCache(fixedClock(TEST_TODAY), DEFAULT_READ_CACHE);
  let clears = 0;
  const cache: ReadCache = {
    ...kept,
    invalidate() {
      clears += 1;
      kept.invalidate();
    },
  };
  const channel = startReadCacheChannel({ database, cache, logger });
  const app = createApp({
    database,
    clock: fixedClock(TEST_TODAY),
    publicUrl: TEST_PUBLIC_URL,
    logger,
    readCache: cache,
    readCacheChannel: channel,
    files,
  });
  const request: Instance['request'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { origin: ORIGIN };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.cookie) {
      headers.cookie = options.cookie;
      headers['x-csrf-token'] = csrfTokenFor(options.cookie.slice(options.cookie.indexOf('=') + 1));
    }
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return Promise.resolve(app.request(path, { method, headers, body }));
  };
  return {
    database,
    channel,
    clears: () => clears,
    request,
    async signIn(email, password = TEST_PASSWORD) {
      const response = await request('POST', '/api/auth/login', { body: { email, password } });
      expect(response.status).toBe(200);
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
  };
}

const nameOn = async (on: Instance) =>
  ((await (await on.request('GET', `/api/clusters/${SLUG}`)).json()) as { name: string }).name;

describe('two app instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let second: DatabaseHandle;
  let a: Instance;
  let b: Instance;
  let staffEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    second = await openDatabase(database.target);
    a = instance(database);
    b = instance(second);
    await Promise.all([a.channel.listening(), b.channel.listening()]);
    const programme = await createProgramme(database.db);
    await createCluster(database.db, programme, { slug: SLUG, name: 'Delt klynge' });
    staffEmail = (await createTestAccount(database.db, 'programme_staff')).email;
  }, 60_000);

  afterAll(async () => {
    await a?.channel.stop();
    await b?.channel.stop();
    await second?.close();
    await database?.drop();
  });

  it("clears the other instance's kept anonymous answers when one answers a write", async () => {
    const cleared = b.clears();
    const staff = await a.signIn(staffEmail);
    // Signing in is a write too: let its notice reach B before B keeps an answer.
    await expect.poll(() => b.clears(), { timeout: 2_000, interval: 10 }).toBeGreaterThan(cleared);
    expect(await nameOn(b)).toBe('Delt klynge');
    // B keeps its answer: a change nobody announces does not reach its anonymous readers.
    await database.db
      .update(clusters)
      .set({ name: 'Delt klynge (endret i databasen)' })
      .where(eq(clusters.slug, SLUG));
    expect(await nameOn(b)).toBe('Delt klynge');

    const write = await a.request('PATCH', `/api/clusters/${SLUG}`, {
      cookie: staff,
      body: { name: 'Delt klynge Nord' },
    });
    expect(write.status).toBe(200);
    // The notification is committed before A answers; B clears as soon as it arrives.
    await expect.poll(() => nameOn(b), { timeout: 2_000, interval: 20 }).toBe('Delt klynge Nord');
  });

  it('listens again after losing its connection, and clears its cache when it does', async () => {
    expect(await nameOn(b)).toBe('Delt klynge Nord');
    await database.db.update(clusters).set({ name: 'Delt klynge Sør' }).where(eq(clusters.slug, SLUG));
    // An administrator (or a failover) ends every listening connection.
    await database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = current_database()`,
    );
    // While B was not listening it may have missed a write: on listening again it clears.
    await expect.poll(() => nameOn(b), { timeout: 5_000, interval: 50 }).toBe('Delt klynge Sør');
    await b.channel.listening();
    await a.channel.listening();
    const staff = await a.signIn(staffEmail);
    await a.request('PATCH', `/api/clusters/${SLUG}`, { cookie: staff, body: { name: 'Delt klynge Vest' } });
    await expect.poll(() => nameOn(b), { timeout: 2_000, interval: 20 }).toBe('Delt klynge Vest');
  });

  it('accepts a session begun on one instance on the other, and ends it on both', async () => {
    const session = await a.signIn(staffEmail);
    const me = await b.request('GET', '/api/auth/me', { cookie: session });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'account', email: staffEmail });

    expect((await b.request('POST', '/api/auth/logout', { cookie: session })).status).toBe(200);
    const after = await a.request('GET', '/api/auth/me', { cookie: session });
    expect(await after.json()).toMatchObject({ kind: 'anonymous' });
  });

  it('holds a sign-in throttle counted on one instance on the other', async () => {
    const { email } = await createTestAccount(database.db, 'programme_staff');
    for (let i = 0; i < LIMITS.pair; i++) {
      const failed = await a.request('POST', '/api/auth/login', {
        body: { email, password: 'not the password at all' },
      });
      expect(failed.status).toBe(401);
    }
    const blocked = await b.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
  });

  it('has each queued mail delivered once by two mail workers', async () => {
    const subjects = Array.from({ length: 60 }, (_, i) => `Melding ${i + 1}`);
    for (const subject of subjects) {
      await queueMail(
        database.db,
        { clock: systemClock, mailServer: true },
        { to: 'mottaker@example.test', subject, text: 'Hei', kind: 'test' },
      );
    }
    const sentBy: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const transport = (name: 'a' | 'b') => ({
      async send(message: { subject: string }) {
        // A send takes a moment, so the two workers' rounds overlap.
        await new Promise((done) => setTimeout(done, 3));
        sentBy[name].push(message.subject);
      },
    });
    const workers = [
      startMailWorker({
        db: a.database.db,
        transport: transport('a'),
        clock: systemClock,
        logger,
        intervalMs: 10,
      }),
      startMailWorker({
        db: b.database.db,
        transport: transport('b'),
        clock: systemClock,
        logger,
        intervalMs: 10,
      }),
    ];
    for (const worker of workers) worker.wake();
    const queued = async () =>
      (
        await database.db
          .select({ id: mailMessages.id })
          .from(mailMessages)
          .where(eq(mailMessages.status, 'queued'))
      ).length;
    await expect.poll(queued, { timeout: 10_000, interval: 50 }).toBe(0);
    // A few more rounds on both, in which a message sent twice would show.
    await new Promise((done) => setTimeout(done, 100));
    await Promise.all(workers.map((worker) => worker.stop()));

    expect([...sentBy.a, ...sentBy.b].sort()).toEqual([...subjects].sort());
    expect(sentBy.a.length).toBeGreaterThan(0);
    expect(sentBy.b.length).toBeGreaterThan(0);
  });
});
