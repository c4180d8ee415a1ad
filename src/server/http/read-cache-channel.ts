import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DatabaseHandle } from '../db/client';
import type { Logger } from '../logger';
import type { ReadCache } from './read-cache';

/**
 * The PostgreSQL channel on which app instances sharing one database tell each other that a write
 * was answered, so that every instance's read cache is cleared, not only the writer's (decision
 * 010). The payload names the sender, which has cleared its own cache already.
 */
export const READ_CACHE_CHANNEL = 'klynge_read_cache';

export type ReadCacheChannel = {
  /** Tells the other instances that a write was answered. Never throws: the write has committed. */
  announce(): Promise<void>;
  /** Resolves once this instance listens (again, after a lost connection). */
  listening(): Promise<void>;
  stop(): Promise<void>;
};

/** Waits before listening again: 0.5 s, doubling while it keeps failing, at most 10 s. */
const relistenDelayMs = (failures: number) => Math.min(500 * 2 ** failures, 10_000);

/**
 * Listens for other instances' writes on a connection of its own and clears `cache` for each.
 * While that connection is lost, notifications are missed, so the cache is cleared again each
 * time listening starts: an answer kept meanwhile is never served past the moment listening
 * resumes (and never past the TTL in any case).
 */
export function startReadCacheChannel(options: {
  database: DatabaseHandle;
  cache: ReadCache;
  logger: Logger;
}): ReadCacheChannel {
  const { database, cache, logger } = options;
  const instance = randomUUID();
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  // Pending while not listening; those who wait for it are let go once listening starts.
  let signalListening: () => void = () => {};
  let isListening = false;
  const notListening = () =>
    new Promise<void>((done) => {
      signalListening = done;
    });
  let listening = notListening();

  const listenAgainLater = () => {
    if (stopped || retry) return;
    client = undefined;
    if (isListening) {
      isListening = false;
      listening = notListening();
    }
    retry = setTimeout(() => {
      retry = undefined;
      void listen();
    }, relistenDelayMs(failures));
    retry.unref();
  };

  const listen = async () => {
    let connection: pg.Client | undefined;
    try {
      connection = await database.connectAlone();
      connection.on('notification', (message) => {
        if (message.channel === READ_CACHE_CHANNEL && message.payload !== instance) cache.invalidate();
      });
      connection.on('error', listenAgainLater);
      connection.on('end', listenAgainLater);
      await connection.query(`listen ${READ_CACHE_CHANNEL}`);
      if (stopped) {
        await connection.end();
        return;
      }
      client = connection;
      if (failures > 0) logger.info('listening for other instances’ writes again');
      failures = 0;
      cache.invalidate();
      isListening = true;
      signalListening();
    } catch (error) {
      failures += 1;
      logger.warn(
        {
          reason: error instanceof Error ? error.message : String(error),
          retryInMs: relistenDelayMs(failures),
        },
        'cannot listen for other instances’ writes; the read cache may lag until it can',
      );
      connection?.removeAllListeners('end');
      await connection?.end().catch(() => {});
      listenAgainLater();
    }
  };
  void listen();

  return {
    async announce() {
      try {
        await database.pool.query('select pg_notify($1, $2)', [READ_CACHE_CHANNEL, instance]);
      } catch (error) {
        logger.warn(
          { reason: error instanceof Error ? error.message : String(error) },
          'could not tell other instances about a write',
        );
      }
    },
    listening: () => listening,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const connection = client;
      client = undefined;
      connection?.removeAllListeners('end');
      await connection?.end().catch(() => {});
    },
  };
}

/**
 * For writes made outside the server processes (the CLI's imports and seed): tells every instance
 * listening on the database to clear its read cache.
 */
export async function announceWriteToInstances(database: DatabaseHandle): Promise<void> {
  if (database.kind !== 'postgres') return;
  await database.pool.query('select pg_notify($1, $2)', [READ_CACHE_CHANNEL, 'command']);
}
