import { defineConfig } from 'vitest/config';

const DB_TESTS = ['src/**/*.routes.test.{ts,tsx}', 'src/**/*.db.test.{ts,tsx}'];
/** What only a PostgreSQL server has: several processes on one database, a server to freeze. */
const POSTGRES_TESTS = ['src/**/*.postgres.test.{ts,tsx}'];

/**
 * One runner, four projects: unit tests with no database; every route and database test twice,
 * on the embedded PGlite and on a real PostgreSQL server (and a few on the server alone); browser
 * journeys against the built app.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...DB_TESTS, ...POSTGRES_TESTS],
          provide: { databaseKind: 'none' },
          // Several unit tests start a process or walk a year hour by hour; a machine busy with the
          // database projects beside them may take seconds where an idle one takes milliseconds.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'routes-pglite',
          include: DB_TESTS,
          globalSetup: ['src/testing/global-setup.ts'],
          provide: { databaseKind: 'pglite' },
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'routes-postgres',
          include: [...DB_TESTS, ...POSTGRES_TESTS],
          globalSetup: ['src/testing/global-setup.ts'],
          provide: { databaseKind: 'postgres' },
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // Journeys across features in e2e/; a feature's own browser tests beside its pages.
          include: ['e2e/**/*.spec.ts', 'src/features/*/ui/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
