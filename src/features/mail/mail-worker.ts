import type { Clock } from '../../server/clock';
import type { Database } from '../../server/db/client';
import type { Logger } from '../../server/logger';
import { systemContext } from '../../server/service-context';
import { type DeliveryResult, deliverDueMail, type MailTransport } from './mail.service';

const OUTCOMES: [keyof DeliveryResult, string][] = [
  ['sent', 'sent'],
  ['kept', 'kept in the outbox (no SMTP server)'],
  ['retrying', 'retrying later'],
  ['failed', 'failed for good'],
];

/**
 * What a delivery round did, in words: each outcome that happened with its count. Nothing for a
 * round that did nothing, and never "delivered" for mail that only stayed in the outbox.
 */
export function describeDeliveryRound(result: DeliveryResult): string | null {
  const parts = OUTCOMES.filter(([key]) => result[key] > 0).map(([key, words]) => `${result[key]} ${words}`);
  return parts.length === 0 ? null : `mail: ${parts.join(', ')}`;
}

/**
 * Delivers the outbox in the background: every few seconds, and at once when woken after a
 * message was queued. One round at a time; stopping waits for the rounds already asked for.
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
    if (stopped) return round;
    round = round.then(async () => {
      try {
        const result = await deliverDueMail(context, transport);
        const line = describeDeliveryRound(result);
        if (line) logger[result.failed > 0 ? 'warn' : 'info'](result, line);
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
