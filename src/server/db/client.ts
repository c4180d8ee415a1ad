import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from '../logger';
import { type EmbeddedDatabase, openEmbeddedDatabase, startEmbeddedDatabase } from './embedded';
import { allowNamedStatements } from './prepared';
import { SESSION_SETTINGS } from './session-settings';

export type Database = NodePgDatabase;
/** A transaction handle; services take `Database | Transaction` as `Db`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Db = Database | Transaction;

export type DatabaseKind = 'embedded' | 'postgres';

/** A statement the app sent through drizzle: its SQL text and parameters. */
export type SentQuery = { sql: string; params: unknown[] };

export type DatabaseHandle = {
  db: Database;
  pool: pg.Pool;
  kind: DatabaseKind;
  /**
   * A connection of its own, outside the pool and without the statement timeouts: for work that
   * may rightly take long or wait long (migrations waiting for another process's) and for
   * `LISTEN`. The caller ends it.
   */
  connectAlone(): Promise<pg.Client>;
  /**
   * Calls `listener` with every statement sent through `db` (transaction control included) until
   * the returned function is called: route tests count what a read costs, benchmarks explain it.
   */
  onQuery(listener: (query: SentQuery) => void): () => void;
  close(): Promise<void>;
};

/**
 * How long the server process waits on its database before answering 503 (decision 019). Without
 * them (the CLI, the tests' databases) a command waits as long as it takes.
 */
export type DatabaseTimeouts = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /**
   * The longest statement; PostgreSQL server only (0: none). A server that has not answered a
   * little after it is given up from this side, so a frozen server cannot hold a request.
   */
  statementMs: number;
  /** The longest a transaction may wait for the app between statements; PostgreSQL server only (0: none). */
  idleInTransactionMs: number;
};

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 30_000,
};

/** How much longer than the server's own statement timeout we wait before giving up on it. */
const UNANSWERED_MARGIN_MS = 2_000;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; timeouts?: DatabaseTimeouts }
  | { kind: 'embedded'; dataDir: string; joinRunning?: boolean; timeouts?: DatabaseTimeouts };

// node-postgres would turn `date` columns into JS Dates at local midnight; keep them as the
// ISO strings PostgreSQL sends, which is what drizzle's `date` columns promise.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * A connection that ends itself when the server leaves a query unanswered past `query_timeout`.
 * node-postgres fails such a query but keeps the connection, with the unanswered query still in
 * front of every later one: each request that drew it from the pool would wait out the timeout
 * again. Ended, it reports an error and the pool drops it.
 */
class ImpatientClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: node-postgres's query has a dozen overloads; every form passes through unchanged.
  override query(config: any, values?: any, callback?: any): any {
    const giveUp = (error: unknown) => {
      if (error instanceof Error && error.message === 'Query read timeout') this.connection.stream.destroy();
    };
    if (typeof callback === 'function') {
      return super.query(config, values, (error: Error | undefined, result: unknown) => {
        giveUp(error);
        callback(error, result);
      });
    }
    if (typeof values === 'function') {
      return super.query(config, (error: Error | undefined, result: unknown) => {
        giveUp(error);
        values(error, result);
      });
    }
    const result = super.query(config, values);
    if (result instanceof Promise) result.catch(giveUp);
    return result;
  }
}

/**
 * Keeps a lost connection from taking the process with it. node-postgres reports a connection the
 * server ended (a restart, a crash, an administrator) as an `error` event on its client; the pool
 * listens only while the client is idle, and an `error` event nobody listens to ends the process.
 * So every client gets a listener for its whole life. A client that fails while checked out is
 * also given back to the pool as broken, at once: Drizzle never gives back a client whose `begin`
 * failed, and the pool, counting it as in use for ever, would shrink by one each time.
 */
function guardPool(pool: pg.Pool, logger: Logger | undefined): void {
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client as pg.PoolClient));
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      logger?.warn({ reason: error.message }, 'a database connection was lost');
      if (!checkedOut.has(client)) return;
      const release = client.release;
      // The holder still calls release when it is done; by then it has nothing to give back.
      client.release = () => {};
      release(error);
    });
  });
  // An idle connection that fails is reported here, after the pool has dropped it; the next query
  // opens a new one.
  pool.on('error', () => {});
}

function wrap(
  pool: pg.Pool,
  kind: DatabaseKind,
  aloneConfig: pg.ClientConfig,
  logger: Logger | undefined,
  embedded?: EmbeddedDatabase,
): DatabaseHandle {
  const listeners = new Set<(query: SentQuery) => void>();
  const queryLogger = {
    logQuery(sql: string, params: unknown[]) {
      for (const listener of listeners) listener({ sql, params });
    },
  };
  const db = drizzle(pool, { logger: queryLogger });
  if (kind === 'postgres') allowNamedStatements(db);
  return {
    db,
    pool,
    kind,
    async connectAlone() {
      const client = new pg.Client(aloneConfig);
      // As in the pool: a lost connection must not end the process. Its queries fail, and a
      // caller that must know (a listener) adds its own listener.
      client.on('error', (error) =>
        logger?.warn({ reason: error.message }, 'a database connection was lost'),
      );
      await client.connect();
      return client;
    },
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/** Opens the database the configuration names: a PostgreSQL server or the embedded PGlite. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { logger?: Logger } = {},
): Promise<DatabaseHandle> {
  const timeouts = target.timeouts;
  const connectionTimeoutMillis = timeouts?.connectMs;
  if (target.kind === 'postgres') {
    const sessionOptions = Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    const serverTimeouts = timeouts && {
      // Sent with the connection's startup message, so they hold for every statement on it.
      statement_timeout: timeouts.statementMs || undefined,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs || undefined,
      query_timeout: timeouts.statementMs ? timeouts.statementMs + UNANSWERED_MARGIN_MS : undefined,
    };
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      connectionTimeoutMillis,
      Client: ImpatientClient,
      ...serverTimeouts,
      options: sessionOptions,
    });
    guardPool(pool, options.logger);
    return wrap(pool, 'postgres', { connectionString: target.url, connectionTimeoutMillis }, options.logger);
  }
  const embedded = target.joinRunning
    ? await openEmbeddedDatabase(target.dataDir)
    : await startEmbeddedDatabase(target.dataDir, options);
  // One connection. The socket multiplexes every connection onto PGlite's one session and keeps
  // only transactions apart, not a query's Parse/Bind/Execute messages: a transaction on one
  // connection beside a query on another could destroy that query's unnamed statement or
  // portal, or answer it with another query's rows. PGlite runs one statement at a time anyway.
  // Statement timeouts are not set: that one session cannot be given settings per connection,
  // and a statement waiting behind another is waiting for the connection here, which
  // connectionTimeoutMillis bounds.
  const pool = new pg.Pool({
    ...embedded.connection,
    max: 1,
    connectionTimeoutMillis,
    Client: ImpatientClient,
  });
  guardPool(pool, options.logger);
  return wrap(
    pool,
    'embedded',
    { ...embedded.connection, connectionTimeoutMillis },
    options.logger,
    embedded,
  );
}
