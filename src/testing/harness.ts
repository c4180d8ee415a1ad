import { afterAll, beforeAll } from 'vitest';
import { type App, createApp } from '../server/app';
import { type Clock, fixedClock } from '../server/clock';
import type { Database } from '../server/db/client';
import { createLogger } from '../server/logger';
import { DIST_DIR } from '../server/paths';
import { loadWebAssets } from '../web/server/web.routes';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The day route tests live on, so level and membership rules give the same answers every run. */
export const TEST_TODAY = '2026-06-15T10:00:00Z';

export type TestContext = {
  app: App;
  db: Database;
  database: TestDatabase;
  clock: Clock;
  /** GET a path and parse the JSON body. */
  get(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }>;
};

/**
 * Gives a test file its own migrated database (PGlite or PostgreSQL, by project) and an app built
 * on it with createApp. Data comes from the factories in each test; nothing is shared between files.
 */
export function setupTestApp(options: { web?: boolean; clock?: Clock } = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const clock = options.clock ?? fixedClock(TEST_TODAY);
    const app = createApp({
      database,
      clock,
      logger: createLogger(process.env.KLYNGE_TEST_LOG ?? 'silent'),
      web: options.web ? loadWebAssets(DIST_DIR) : undefined,
    });
    Object.assign(context, {
      app,
      db: database.db,
      database,
      clock,
      async get(path: string, init?: RequestInit) {
        const response = await app.request(path, init);
        const type = response.headers.get('content-type') ?? '';
        const body = type.includes('json') ? await response.json() : await response.text();
        return { status: response.status, body, headers: response.headers };
      },
    } satisfies TestContext);
  }, 60_000);
  afterAll(async () => {
    await context.database?.drop();
  });
  return context;
}
