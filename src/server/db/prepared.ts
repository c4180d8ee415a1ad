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
    ): { execute(values?: Record<string, unknown>): Promise<{ rows: unknown[] }> };
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

/** Statements already written out, by the caller's key, oldest first; at most `KEPT` of them. */
const written = new Map<string, { query: { sql: string; params: unknown[] }; name: string }>();
const KEPT = 500;

/**
 * `executeNamed` for a read that runs on every request: the statement is written out (drizzle's
 * walk over the query, and its name's hash) once per `key`, with `sql.placeholder(…)` where the
 * request's values go, and later runs only fill in `values`. The key names everything the built
 * statement depends on besides those values, such as the day written into it.
 */
export async function executeKept<T>(
  db: Db,
  key: string,
  build: () => SQL,
  values: Record<string, unknown>,
): Promise<T[]> {
  const { dialect, session } = db as unknown as Internals;
  let statement = written.get(key);
  if (!statement) {
    const query = dialect.sqlToQuery(build());
    statement = { query, name: nameOf(query.sql) };
    if (written.size >= KEPT) written.delete(written.keys().next().value!);
    written.set(key, statement);
  }
  const name = ownSessions.has(db as Database) ? statement.name : undefined;
  const result = await session.prepareQuery(statement.query, undefined, name, false).execute(values);
  return result.rows as T[];
}

type Prepared<T> = { execute(values: Record<string, unknown>): Promise<T> };
/** Prepared builder queries by database (a transaction is a database of its own here) and key. */
const preparedByDb = new WeakMap<object, Map<string, Prepared<unknown>>>();

/**
 * `runNamed` for a read that runs on every request: drizzle's query builder is walked once per
 * database and `key`, with `sql.placeholder(…)` where the request's values go, and drizzle still
 * maps the answer into the builder's shape. The key names everything the query depends on
 * besides `values`.
 */
export function runKept<T>(
  db: Db,
  key: string,
  build: () => { prepare(name: string): Prepared<T> },
  values: Record<string, unknown>,
): Promise<T> {
  let kept = preparedByDb.get(db);
  if (!kept) {
    kept = new Map();
    preparedByDb.set(db, kept);
  }
  let prepared = kept.get(key) as Prepared<T> | undefined;
  if (!prepared) {
    const builder = build();
    // An unnamed statement where connections share one session (see `executeNamed`).
    const name = ownSessions.has(db as Database)
      ? nameOf(`${key}\n${(builder as unknown as { toSQL(): { sql: string } }).toSQL().sql}`)
      : (undefined as unknown as string);
    prepared = builder.prepare(name);
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, prepared as Prepared<unknown>);
  }
  return prepared.execute(values);
}
