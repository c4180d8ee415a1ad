import type { DatabaseHandle } from './client';

/**
 * The first key of the two-key advisory locks Klynge takes for work that must not run twice at
 * once (the second is the work's name, hashed). Two-key locks never meet the single-key one the
 * migrations take.
 */
const RUN_ALONE_NAMESPACE = 4711;

export type RunAlone<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `work` unless work of the same name is running in another process on the same PostgreSQL
 * database, in which case it does nothing and says so: so that work started on every instance (an
 * import run by cron on each host, say) runs once. The lock is PostgreSQL's, held by a connection
 * of its own for as long as the work runs, so a process that dies lets go of it at once.
 *
 * On the embedded database every connection shares one session, where such a lock would always be
 * granted; there is one server process there, and the work simply runs.
 */
export async function runAlone<T>(
  database: DatabaseHandle,
  name: string,
  work: () => Promise<T>,
): Promise<RunAlone<T>> {
  if (database.kind !== 'postgres') return { ran: true, result: await work() };
  const client = await database.connectAlone();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock($1, hashtext($2)) as locked',
      [RUN_ALONE_NAMESPACE, name],
    );
    if (!rows[0]?.locked) return { ran: false };
    return { ran: true, result: await work() };
  } finally {
    // Ending the session lets go of the lock.
    await client.end();
  }
}
