import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { startMailWorker } from '../features/mail/mail-worker';
import { smtpTransport } from '../features/mail/smtp-transport';
import { startPartnerTallyWorker } from '../features/memberships/partner-tallies.worker';
import { hasProgramme } from '../features/programme/programme.service';
import { loadWebAssets } from '../web/shell/server/web.routes';
import { createApp } from './app';
import { osloDate, systemClock } from './clock';
import { type DatabaseHandle, openDatabase } from './db/client';
import { DataDirLockedError } from './db/data-dir-lock';
import { migrateDatabase } from './db/migrate';
import { seedDemo } from './demo-seed';
import {
  ConfigError,
  databaseTarget,
  databaseTimeouts,
  type Env,
  loadEnv,
  publicUrlOf,
  seedsDemoOnFirstStart,
  singleSignOnSettings,
} from './env';
import { FEATURES } from './features';
import { createDiskFileStore } from './files/disk-file-store';
import { createReadCache, DEFAULT_READ_CACHE } from './http/read-cache';
import { startReadCacheChannel } from './http/read-cache-channel';
import { createLogger } from './logger';
import { DIST_DIR } from './paths';

/** Opens, migrates and (for the embedded default on first start) seeds the database. */
export async function prepareDatabase(
  env: Env,
  logger = createLogger(env.LOG_LEVEL),
): Promise<DatabaseHandle> {
  // The server gives up on a database that does not answer; commands (the CLI) wait for it.
  const database = await openDatabase(
    { ...databaseTarget(env), timeouts: databaseTimeouts(env) },
    { logger },
  );
  try {
    await migrateDatabase(database);
    if (seedsDemoOnFirstStart(env) && !(await hasProgramme(database))) {
      logger.info('empty embedded database: loading the demo data');
      const summary = await seedDemo(database.db, systemClock, osloDate(systemClock.now()), FEATURES);
      logger.info(summary, 'demo data loaded');
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Starts the HTTP server and returns a function that shuts it down gracefully. */
export async function startServer(env: Env): Promise<{ port: number; stop(): Promise<void> }> {
  const logger = createLogger(env.LOG_LEVEL);
  const database = await prepareDatabase(env, logger);
  const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : null;
  const mail = startMailWorker({ db: database.db, transport, clock: systemClock, logger });
  const tallies = startPartnerTallyWorker({ db: database.db, clock: systemClock, logger });
  const readCache = createReadCache(systemClock, {
    ...DEFAULT_READ_CACHE,
    ttlMs: env.READ_CACHE_SECONDS * 1000,
  });
  // Other instances may share a PostgreSQL server; the embedded database has one process.
  const readCacheChannel =
    database.kind === 'postgres' && readCache.enabled
      ? startReadCacheChannel({ database, cache: readCache, logger })
      : undefined;
  const app = createApp({
    wakeMail: mail.wake,
    mailServer: transport !== null,
    database,
    clock: systemClock,
    logger,
    // Beside the embedded database, and with a PostgreSQL server too: files are not in the database.
    files: createDiskFileStore(join(env.KLYNGE_DATA_DIR, 'files')),
    web: loadWebAssets(DIST_DIR),
    publicUrl: publicUrlOf(env),
    trustProxy: env.TRUST_PROXY,
    allowDemoAccounts: env.NODE_ENV !== 'production',
    singleSignOn: singleSignOnSettings(env),
    readCache,
    readCacheChannel,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  const port = await new Promise<number>((done, fail) => {
    server.once('listening', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : env.PORT);
    });
    server.once('error', fail);
  });
  logger.info({ port, database: database.kind }, `Klynge is listening on http://localhost:${port}`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down: finishing requests in flight');
      const closed = new Promise<void>((done) => server.close(() => done()));
      const grace = new Promise<void>((done) => setTimeout(done, env.SHUTDOWN_GRACE_SECONDS * 1000).unref());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await Promise.race([closed, grace]);
      await mail.stop();
      await tallies.stop();
      await readCacheChannel?.stop();
      transport?.close();
      await database.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { port, stop };
}

function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** `klynge serve` and `npm start`: run until SIGTERM or SIGINT. */
export async function runServer(): Promise<void> {
  try {
    const { stop } = await startServer(loadEnv());
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  } catch (error) {
    console.error(explain(error));
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runServer();
