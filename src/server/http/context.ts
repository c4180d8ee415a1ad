import type { Actor } from '../../shared/access';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import type { FileStore } from '../files/file-store';
import type { Logger } from '../logger';
import type { CachedAnswer, ReadCache } from './read-cache';

/** What every request handler can reach through `c.get(...)` and `c.var`. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    db: Database;
    clock: Clock;
    /** Uploaded files, stored by content hash (decision 018). */
    files: FileStore;
    /** Who is calling: an account signed in with a session cookie, or anonymous. */
    actor: Actor;
    /**
     * What the request presented to say who it is, valid or not: a session cookie, an
     * Authorization header, or nothing. Only requests with nothing may be served from the read cache.
     */
    credentials: 'none' | 'session' | 'authorization';
    /** Whether demo seed accounts may sign in (never in production). */
    allowDemoAccounts: boolean;
    /** The address people use (PUBLIC_URL), whatever the request says about where it went. */
    publicUrl: string;
    /** How many proxies in front of the app are trusted to say who the client is (TRUST_PROXY). */
    trustedProxyHops: number;
    /** Asks the mail worker to deliver now, after a transaction that queued mail has committed. */
    wakeMail: () => void;
    /** Whether an SMTP server takes the mail; without one, queued mail is kept in the outbox. */
    mailServer: boolean;
    /** Public answers for anonymous readers, kept up to READ_CACHE_SECONDS (see read-cache.ts). */
    readCache: ReadCache;
    /** The answer this request computed and kept in the read cache, if it did. */
    keptAnswer: CachedAnswer | undefined;
  };
};
