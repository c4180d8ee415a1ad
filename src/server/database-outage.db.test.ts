import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { createCluster } from '../features/clusters/clusters.seed';
import { memberships } from '../features/memberships/memberships.table';
import { createOrganisation } from '../features/organisations/organisations.seed';
import { organisations } from '../features/organisations/organisations.table';
import { createProgramme } from '../features/programme/programme.seed';
import { copyPgliteTemplate } from '../testing/global-setup';
import { type PostgresServer, runStatement, startPostgresServer } from '../testing/postgres-server';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from './db/client';
import { findLockHolder } from './db/data-dir-lock';
import { migrateDatabase } from './db/migrate';
import { csrfTokenFor } from './http/csrf';

/**
 * The database side dies while the real server process is taking writes: the PostgreSQL
 * postmaster is killed and started again on the same data directory, or the embedded database's
 * process is killed and its supervisor starts it again. The app must live through it, answer only
 * 503 while the database is away, serve fully once it is back, and keep every write it
 * acknowledged.
 */

const kind = inject('databaseKind');
const mainScript = fileURLToPath(new URL('./main.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SLUG = 'utfallsklyngen';
const ORGANISATIONS = 600;
const WRITERS = 4;
/** Writes acknowledged before the database side is killed. */
const WARM_UP_WRITES = 20;

type Answer = {
  sentAt: number;
  at: number;
  status: number | 'no answer';
  retryAfter: string | null;
  type: string | null;
};

let postgres: PostgresServer | undefined;
let dataDir: string | undefined;
let target: DatabaseTarget;
const orgnrs: string[] = [];
let app: ChildProcess | undefined;
let base = '';
let appOutput = '';

async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Starts `src/server/main.ts` in a process of its own, as `klynge serve` does, and waits for its port. */
function startApp(): Promise<void> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    // Production will not start without the address people use; nothing here sends links.
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
    ...(postgres ? { DATABASE_URL: postgres.url('klynge') } : { KLYNGE_DATA_DIR: dataDir! }),
  };
  const child = spawn(process.execPath, ['--import', tsxLoader, mainScript], { env, stdio: 'pipe' });
  app = child;
  return new Promise((done, fail) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      appOutput += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      appOutput += chunk.toString();
      const port = /"port":(\d+).*Klynge is listening/.exec(appOutput)?.[1];
      if (port && !base) {
        base = `http://127.0.0.1:${port}`;
        done();
      }
    });
    child.once('exit', (code) =>
      fail(new Error(`The app exited with ${code} before listening:\n${appOutput}`)),
    );
  });
}

beforeAll(async () => {
  if (kind === 'postgres') {
    // Its own server, which the test may kill: acknowledged means written, as in production.
    postgres = await startPostgresServer({ durableCommits: true });
    await runStatement(postgres.url('postgres'), 'create database klynge');
    target = { kind: 'postgres', url: postgres.url('klynge') };
  } else {
    dataDir = copyPgliteTemplate(inject('pgliteTemplateDir'));
    target = { kind: 'embedded', dataDir };
  }
  await withDatabase(async (database) => {
    await migrateDatabase(database);
    const programme = await createProgramme(database.db);
    await createCluster(database.db, programme, { slug: SLUG, name: 'Utfallsklyngen' });
    await createTestAccount(database.db, 'programme_staff', {}, { email: 'staff@outage.example' });
    for (let i = 0; i < ORGANISATIONS; i++) orgnrs.push((await createOrganisation(database.db)).orgnr);
  });
  await startApp();
}, 120_000);

afterAll(async () => {
  if (app && app.exitCode === null && app.signalCode === null) {
    app.kill('SIGKILL');
    await new Promise((done) => app!.once('exit', done));
  }
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'staff@outage.example', password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: csrfTokenFor(cookie.slice(cookie.indexOf('=') + 1)) };
}

/**
 * When the app was first seen failing after the kill, and its first success among the writes sent
 * after that. (Writes sent just after the kill may still succeed: a killed postmaster's server
 * processes finish what they are doing before they notice.)
 */
function recovery(answers: readonly Answer[], killedAt: number) {
  const firstFailure = answers.find((a) => a.at >= killedAt && a.status !== 201);
  const firstBack = firstFailure && answers.find((a) => a.sentAt > firstFailure.at && a.status === 201);
  return firstFailure && firstBack ? { firstFailure, firstBack } : undefined;
}

/** Kills the database side; answers once it has been told to come back (or comes back by itself). */
async function killDatabase(): Promise<void> {
  if (postgres) {
    process.kill(postgres.postmasterPid(), 'SIGKILL');
    await postgres.restart();
    return;
  }
  const child = findLockHolder(dataDir!);
  if (!child) throw new Error('The embedded database process holds no lock.');
  process.kill(child.pid, 'SIGKILL');
}

describe(`the app while its database (${kind}) is killed under write load`, () => {
  it('lives, answers only 503 while the database is away, recovers by itself and keeps every acknowledged write', async () => {
    const session = await signIn();
    const answers: (Answer & { orgnr: string })[] = [];
    let next = 0;
    let stopAt = Number.POSITIVE_INFINITY;
    let killedAt = Number.POSITIVE_INFINITY;

    const addPartner = async (orgnr: string): Promise<Answer> => {
      const sentAt = Date.now();
      try {
        const response = await fetch(`${base}/api/clusters/${SLUG}/members`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: base,
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body: JSON.stringify({ orgnr }),
          signal: AbortSignal.timeout(20_000),
        });
        await response.arrayBuffer();
        return {
          sentAt,
          at: Date.now(),
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          type: response.headers.get('content-type'),
        };
      } catch {
        return { sentAt, at: Date.now(), status: 'no answer', retryAfter: null, type: null };
      }
    };
    const writer = async () => {
      while (Date.now() < stopAt && next < orgnrs.length) {
        const orgnr = orgnrs[next++]!;
        const answer = await addPartner(orgnr);
        answers.push({ ...answer, orgnr });
        // A client told to come back later does not hammer the server.
        if (answer.status !== 201) await new Promise((done) => setTimeout(done, 50));
        if (recovery(answers, killedAt) && stopAt === Number.POSITIVE_INFINITY) stopAt = Date.now() + 500;
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, writer));

    // Kill once the load is under way: a number of writes acknowledged, however slow the machine.
    const loadStarted = Date.now();
    while (
      answers.filter((a) => a.status === 201).length < WARM_UP_WRITES &&
      Date.now() - loadStarted < 30_000
    ) {
      await new Promise((done) => setTimeout(done, 50));
    }
    killedAt = Date.now();
    await killDatabase();
    // Give up waiting for recovery after a while; the assertions below then say what went wrong.
    setTimeout(() => {
      stopAt = Math.min(stopAt, Date.now());
    }, 30_000).unref();
    await load;

    expect(app!.exitCode, appOutput.slice(-3_000)).toBeNull();
    expect(app!.signalCode).toBeNull();

    const before = answers.filter((a) => a.at < killedAt);
    const after = answers.filter((a) => a.at >= killedAt);
    const { firstFailure, firstBack } = recovery(answers, killedAt) ?? {};
    const outage = after.filter((a) => !firstBack || a.at < firstBack.at);
    const byStatus = (list: Answer[]) =>
      list.reduce<Record<string, number>>((counts, a) => {
        counts[a.status] = (counts[a.status] ?? 0) + 1;
        return counts;
      }, {});

    expect(before.length).toBeGreaterThan(0);
    expect(byStatus(before)).toEqual({ 201: before.length });
    // Every answer after the kill is a success or a 503 with Retry-After; never a 500 or silence.
    expect(after.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);
    for (const a of after.filter((a) => a.status === 503)) {
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.type).toBe('application/problem+json');
    }
    expect(firstFailure, 'the outage was seen').toBeDefined();
    expect(firstBack, 'a write succeeds again after the outage').toBeDefined();
    // Full service once it is back: every write sent after the first success succeeds.
    expect(
      answers.filter((a) => a.sentAt > firstBack!.at && a.status !== 201),
      appOutput
        .split('\n')
        .filter((line) => /"level":[45]0/.test(line))
        .slice(-20)
        .join('\n'),
    ).toEqual([]);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // Every acknowledged write is in the database: looked up through a second connection while
    // the server still runs (the embedded one through its socket).
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.orgnr);
    const joined = await openDatabase(target.kind === 'embedded' ? { ...target, joinRunning: true } : target);
    const stored = await joined.db
      .select({ orgnr: organisations.orgnr })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(inArray(organisations.orgnr, acknowledged));
    await joined.close();
    const storedOrgnrs = new Set(stored.map((row) => row.orgnr));
    const lost = acknowledged.filter((orgnr) => !storedOrgnrs.has(orgnr));
    expect(lost).toEqual([]);

    if (process.env.KLYNGE_OUTAGE_REPORT) {
      console.info(
        JSON.stringify({
          database: kind,
          acknowledged: acknowledged.length,
          lost: lost.length,
          duringOutage: byStatus(outage),
          afterwards: byStatus(after.filter((a) => firstBack && a.at >= firstBack.at)),
          recoveryMs: firstBack ? firstBack.at - killedAt : null,
          answeredByStatus: byStatus(answers),
        }),
      );
    }
  }, 120_000);
});
