import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { Database, Db } from './client';

// The parts of drizzle's database object that run a built query under a name. Drizzle's own
// `.prepare(name)` is only on its query builders; the public reads are written with `sql`.
type Internals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string | undefined,
      arrayMode: boolean,
    ): { execute(): Promise<{ rows: unknown[] }> };
  };
};

/** Databases whose connections each have a session of their own: PostgreSQL servers. */
const ownSessions = new WeakSet<Database>();

/** Marks a database as one whose pooled connections may each keep named statements. */
export function allowNamedStatements(db: Database): void {
  ownSessions.add(db);
}

/**
 * Runs a read as a named prepared statement, named after its text: each pooled connection has
 * PostgreSQL parse and plan it once (and keep a generic plan when that is no worse), and later
 * runs send only its parameters. The public reads are single statements several kilobytes long;
 * sending, parsing and planning them was a large share of their cost. The embedded database
 * shares one session among all its connections, which would make two connections' statements of
 * the same name collide, and a transaction's connection is borrowed, so both run it unnamed.
 * The statement goes through drizzle either way, so the query hook sees it.
 */
export async function executeNamed<T>(db: Db, query: SQL): Promise<T[]> {
  const { dialect, session } = db as unknown as Internals;
  const built = dialect.sqlToQuery(query);
  const name = ownSessions.has(db as Database) ? nameOf(built.sql) : undefined;
  const result = await session.prepareQuery(built, undefined, name, false).execute();
  return result.rows as T[];
}

/** The same for a query built with drizzle's query builder, whose answer drizzle then maps. */
export function runNamed<T>(
  db: Db,
  query: {
    toSQL(): { sql: string };
    prepare(name: string): { execute(): Promise<T> };
    execute(): Promise<T>;
  },
): Promise<T> {
  return ownSessions.has(db as Database)
    ? query.prepare(nameOf(query.toSQL().sql)).execute()
    : query.execute();
}

function nameOf(text: string): string {
  return `klynge_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
}
