import type { Logger } from './logger';

/**
 * Background work done in rounds: every `intervalMs`, and at once when woken. One round at a time
 * (a wake during a round queues the next); a round that fails is logged with `failure` and the
 * next one tries again; stopping waits for the rounds already asked for. The timer does not keep
 * the process alive.
 */
export function startRounds(options: {
  round: () => Promise<void>;
  intervalMs: number;
  logger: Logger;
  failure: string;
}) {
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return current;
    current = current.then(async () => {
      try {
        await options.round();
      } catch (error) {
        options.logger.warn({ err: error }, options.failure);
      }
    });
    return current;
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return {
    wake: () => void run(),
    async stop() {
      clearInterval(timer);
      stopped = true;
      await current;
    },
  };
}
