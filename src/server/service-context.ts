import type { Actor } from '../shared/access';
import type { Clock } from './clock';
import type { Db } from './db/client';

/**
 * What every service function is given: the database, the time, who is acting and the request
 * that asked. Routes pass `c.var`, which holds all four; the CLI, workers and tests build one with
 * `systemContext` or by hand. A service that needs less takes a `Pick` of it.
 *
 * Inside a transaction, queries get the transaction (`tx`), never `ctx.db`: on the embedded
 * database a query sent on another connection waits for the transaction to end, which is never.
 * For the same reason a service that joins its caller's transaction is given `{ ...ctx, db: tx }`;
 * a transaction it opens there is a savepoint inside the caller's.
 */
export type ServiceContext = {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** The request's id, so an audit event can be traced to the request log line; absent outside HTTP. */
  requestId?: string;
};

/** A context for work nobody signed in asked for: the CLI, imports, workers. Audited as "system". */
export function systemContext(db: Db, clock: Clock): ServiceContext {
  return { db, clock, actor: { kind: 'anonymous' } };
}
