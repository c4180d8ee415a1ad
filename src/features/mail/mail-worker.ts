import type { Clock } from '../../server/clock';
import type { Database } from '../../server/db/client';
import type { Logger } from '../../server/logger';
import { systemContext } from '../../server/service-context';
import { deliverDueMail, type MailTransport } from './mail.service';

/**
 * Delivers the outbox in the background: every few seconds, and at once when woken after a
 * message was queued. One round at a time; stopping waits for the round in progress.
 */
export function startMailWorker(options: {
  db: Database;
  transport: MailTransport | null;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}) {
  const { transport, logger } = options;
  const context = systemContext(options.db, options.clock);
  let round: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    round = round.then(async () => {
      if (stopped) return;
      try {
        const result = await deliverDueMail(context, transport);
        if (result.sent + result.kept + result.retrying + result.failed > 0)
          logger.info(result, 'mail delivered');
      } catch (error) {
        logger.warn({ err: error }, 'mail delivery round failed; trying again later');
      }
    });
    return round;
  };
  const timer = setInterval(run, options.intervalMs ?? 5_000);
  timer.unref();
  return {
    wake: () => void run(),
    async stop() {
      clearInterval(timer);
      stopped = true;
      await round;
    },
  };
}
