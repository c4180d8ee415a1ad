import type { Clock } from '../../server/clock';
import { osloDate } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import type { Logger } from '../../server/logger';
import { SIZE_LIMITS } from '../organisations/actor-type';
import { keepStaleFigures } from './partner-tallies.queries';

/** Clusters counted per statement: a few hundred milliseconds of the database's time at most. */
const BATCH = 200;

/**
 * Keeps every cluster's partner figures good: counts those that are not (a new day, a change to
 * the cluster's memberships, a new cluster) in batches, until none is left. A reader who comes
 * first still counts a profile's figures itself; the registry's pages and partner lists, which
 * count the partners of clusters without good figures, then seldom have to. Idempotent, so any
 * number of instances may run it at once.
 */
export async function keepAllPartnerFigures(db: Db, clock: Clock): Promise<number> {
  let kept = 0;
  for (;;) {
    const batch = await keepStaleFigures(db, osloDate(clock.now()), SIZE_LIMITS, BATCH);
    kept += batch;
    if (batch < BATCH) return kept;
  }
}

/** Runs `keepAllPartnerFigures` now and then every `intervalMs` (a minute unless told). */
export function startPartnerTallyWorker(options: {
  db: Database;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}) {
  let round: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return round;
    round = round.then(async () => {
      try {
        const kept = await keepAllPartnerFigures(options.db, options.clock);
        if (kept > 0) options.logger.debug({ kept }, `partner figures counted for ${kept} clusters`);
      } catch (error) {
        options.logger.warn({ err: error }, 'counting partner figures failed; trying again later');
      }
    });
    return round;
  };
  const timer = setInterval(run, options.intervalMs ?? 60_000);
  timer.unref();
  void run();
  return {
    async stop() {
      clearInterval(timer);
      stopped = true;
      await round;
    },
  };
}
