import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { SingleSignOnSettings } from '../features/accounts/oidc-client';
import { type App, createApp } from '../server/app';
import { type Clock, fixedClock } from '../server/clock';
import type { Database, SentQuery } from '../server/db/client';
import { createDiskFileStore } from '../server/files/disk-file-store';
import type { FileStore } from '../server/files/file-store';
import { csrfTokenFor } from '../server/http/csrf';
import { createLogger } from '../server/logger';
import { DIST_DIR } from '../server/paths';
import { loadWebAssets } from '../web/shell/server/web.routes';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The day route tests live on, so level and membership rules give the same answers every run. */
export const TEST_TODAY = '2026-06-15T10:00:00Z';

export type TestClient = {
  app: App;
  /** GET a path and parse the JSON body. */
  get(path: string, init?: RequestInit): Promise<TestResponse>;
  /** Send JSON as a browser on this site would (Origin set), optionally with a session cookie. */
  send(
    method: string,
    path: string,
    body?: unknown,
    options?: { cookie?: string; origin?: string; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** Signs in and returns the Cookie header value for later requests. */
  signIn(email: string, password: string): Promise<string>;
};

export type TestContext = TestClient & {
  db: Database;
  database: TestDatabase;
  clock: Clock;
  /** A file store of the test file's own, in a temporary folder removed afterwards. */
  files: FileStore;
  /** The same database through an app whose clock says another time: for expiry and deadlines. */
  at(time: string): TestClient;
  /**
   * Runs `work` and returns what it gave with every statement it sent to the database, so a test
   * can hold a read to its cost. Tests in a file run one at a time, so nothing else is counted.
   */
  withQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: SentQuery[] }>;
};

export type TestResponse = { status: number; body: any; headers: Headers };

/** The address test apps are at (their PUBLIC_URL), and the origin a browser on them sends. */
export const TEST_PUBLIC_URL = 'http://localhost';

/**
 * Gives a test file its own migrated database (PGlite or PostgreSQL, by project) and an app built
 * on it with createApp. Data comes from the factories in each test; nothing is shared between files.
 */
async function parse(pending: Response | Promise<Response>): Promise<TestResponse> {
  const response = await pending;
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, body, headers: response.headers };
}

type AppOptions = {
  web?: boolean;
  clock?: Clock;
  allowDemoAccounts?: boolean;
  /** PUBLIC_URL; TEST_PUBLIC_URL unless a test is about another address. */
  publicUrl?: string;
  /** Proxy hops trusted for X-Forwarded-For, as TRUST_PROXY sets them. */
  trustProxy?: number;
  /** Whether the app has an SMTP server for its mail; true unless a test says otherwise. */
  mailServer?: boolean;
  /** Read when the app is built, so a provider started in an earlier beforeAll can supply it. */
  singleSignOn?: () => SingleSignOnSettings;
};

function clientFor(database: TestDatabase, clock: Clock, files: FileStore, options: AppOptions): TestClient {
  const app = createApp({
    database,
    clock,
    files,
    logger: createLogger(process.env.KLYNGE_TEST_LOG ?? 'silent'),
    web: options.web ? loadWebAssets(DIST_DIR) : undefined,
    allowDemoAccounts: options.allowDemoAccounts ?? true,
    trustProxy: options.trustProxy,
    mailServer: options.mailServer ?? true,
    singleSignOn: options.singleSignOn?.(),
    publicUrl: options.publicUrl ?? TEST_PUBLIC_URL,
  });
  const client: TestClient = {
    app,
    get: (path, init) => parse(app.request(path, init)),
    send(method, path, body, options = {}) {
      const headers: Record<string, string> = {
        origin: options.origin ?? TEST_PUBLIC_URL,
        ...options.headers,
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (options.cookie) {
        headers.cookie = options.cookie;
        const session = /(?:^|; )klynge_session=([^;]+)/.exec(options.cookie)?.[1];
        if (session) headers['x-csrf-token'] ??= csrfTokenFor(session);
      }
      return parse(
        app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
      );
    },
    async signIn(email, password) {
      const response = await client.send('POST', '/api/auth/login', { email, password });
      if (response.status !== 200) throw new Error(`Sign-in failed: ${JSON.stringify(response.body)}`);
      const cookie = response.headers.get('set-cookie') ?? '';
      return cookie.split(';')[0]!;
    },
  };
  return client;
}

export function setupTestApp(options: AppOptions = {}): TestContext {
  const context = {} as TestContext;
  let filesDir: string | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const clock = options.clock ?? fixedClock(TEST_TODAY);
    filesDir = await mkdtemp(join(tmpdir(), 'klynge-test-files-'));
    const files = createDiskFileStore(filesDir);
    Object.assign(context, {
      ...clientFor(database, clock, files, options),
      db: database.db,
      database,
      clock,
      files,
      at: (time: string) => clientFor(database, fixedClock(time), files, options),
      async withQueries<T>(work: () => Promise<T>) {
        const queries: SentQuery[] = [];
        const stop = database.onQuery((query) => queries.push(query));
        try {
          return { result: await work(), queries };
        } finally {
          stop();
        }
      },
    } satisfies TestContext);
  }, 60_000);
  afterAll(async () => {
    await context.database?.drop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });
  return context;
}
