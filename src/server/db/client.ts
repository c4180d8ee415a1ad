import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
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
   * Calls `listener` with every statement sent through `db` (transaction control included) until
   * the returned function is called: route tests count what a read costs, benchmarks explain it.
   */
  onQuery(listener: (query: SentQuery) => void): () => void;
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string; joinRunning?: boolean };

// node-postgres would turn `date` columns into JS Dates at local midnight; keep them as the
// ISO strings PostgreSQL sends, which is what drizzle's `date` columns promise.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

function wrap(pool: pg.Pool, kind: DatabaseKind, embedded?: EmbeddedDatabase): DatabaseHandle {
  // An idle connection the server closed (a restart, a failover, an administrator) reports here;
  // the pool has already dropped it and the next query opens a new one. Without a listener
  // node-postgres would crash the process.
  pool.on('error', () => {});
  const listeners = new Set<(query: SentQuery) => void>();
  const logger = {
    logQuery(sql: string, params: unknown[]) {
      for (const listener of listeners) listener({ sql, params });
    },
  };
  const db = drizzle(pool, { logger });
  if (kind === 'postgres') allowNamedStatements(db);
  return {
    db,
    pool,
    kind,
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
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const options = Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, options });
    return wrap(pool, 'postgres');
  }
  const embedded = target.joinRunning
    ? await openEmbeddedDatabase(target.dataDir)
    : await startEmbeddedDatabase(target.dataDir);
  // One connection. The socket multiplexes every connection onto PGlite's one session and keeps
  // only transactions apart, not a query's Parse/Bind/Execute messages: a transaction on one
  // connection beside a query on another could destroy that query's unnamed statement or
  // portal, or answer it with another query's rows. PGlite runs one statement at a time anyway.
  const pool = new pg.Pool({ ...embedded.connection, max: 1 });
  return wrap(pool, 'embedded', embedded);
}
