import type { Actor } from '../../shared/access';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { Logger } from '../logger';

/** What every request handler can reach through `c.get(...)` and `c.var`. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    db: Database;
    clock: Clock;
    /** Who is calling: an account signed in with a session cookie, or anonymous. */
    actor: Actor;
    /** Whether demo seed accounts may sign in (never in production). */
    allowDemoAccounts: boolean;
  };
};
