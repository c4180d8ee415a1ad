import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { AppEnv } from './context';
import { cookieValue, credentialsSent, rawHeader, requestHeader } from './raw-header';
import { requestIdFrom } from './request-id';

/**
 * A short-lived, in-process cache of public JSON answers for anonymous readers (ADR 010).
 *
 * Anonymous visitors all see the same answer for the same URL and language, so one computed
 * answer can serve the next ones for a few seconds. Anyone who presents credentials (a session
 * cookie or an Authorization header, valid or not) always reads the database: a signed-in reader
 * must see their own writes at once. A write answered by this process clears everything; on a
 * PostgreSQL server the other app processes are told of it (`read-cache-channel.ts`) and clear
 * theirs too. A write nobody announces reaches anonymous readers here within one TTL.
 */
export type ReadCacheOptions = {
  /**
   * How long an answer may be served, counted from when its computation began; 0 turns the cache
   * off. In the last quarter of that time the next reader computes its successor while the others
   * are still served the kept answer.
   */
  ttlMs: number;
  /** Bounds on what is kept; the least recently used answers go first. */
  maxEntries: number;
  maxBytes: number;
};

export const DEFAULT_READ_CACHE: ReadCacheOptions = {
  ttlMs: 30_000,
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
};

export type CachedAnswer = {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /**
   * Every header the whole app gave the answer (security headers included) except the request's
   * own id, added once the app has finished answering. Until then the answer is served only
   * through its route, which runs the app's middlewares again.
   */
  headers?: Record<string, string>;
};

/** When an answer's computation began, and which clears of the cache had happened by then. */
export type ReadTicket = { generation: number; startedAt: number };

type Entry = { answer: CachedAnswer; startedAt: number; bytes: number };

export type ReadCache = {
  readonly enabled: boolean;
  /**
   * The answer kept for the key while it is younger than the TTL, and whether it is old enough
   * that its successor should be computed now.
   */
  find(key: string): { answer: CachedAnswer; refresh: boolean } | undefined;
  /** Call before computing an answer that may be kept. */
  begin(): ReadTicket;
  /** Keeps an answer, unless the cache was cleared since `ticket` (its data may predate the write). */
  keep(key: string, answer: CachedAnswer, ticket: ReadTicket): void;
  /** Whether the cache has not been cleared since `ticket`. */
  isCurrent(ticket: ReadTicket): boolean;
  /** Forgets every answer. Call it after any write this process commits. */
  invalidate(): void;
  /** How many answers and bytes are kept now. */
  size(): { entries: number; bytes: number };
  /** Answers being computed now, so concurrent misses for one key compute it once. */
  readonly flights: Map<string, Promise<CachedAnswer | undefined>>;
};

// Keys count too: a long query string is memory like any other.
const sizeOf = (key: string, answer: CachedAnswer) => answer.body.byteLength + key.length * 2;

export function createReadCache(clock: Clock, options: ReadCacheOptions = DEFAULT_READ_CACHE): ReadCache {
  // A Map iterates in insertion order; re-inserting on every hit makes its first key the least
  // recently used one.
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Promise<CachedAnswer | undefined>>();
  let bytes = 0;
  let generation = 0;
  const refreshAfterMs = (options.ttlMs * 3) / 4;

  const remove = (key: string, entry: Entry) => {
    entries.delete(key);
    bytes -= entry.bytes;
  };

  return {
    enabled: options.ttlMs > 0,
    flights,
    find(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      remove(key, entry);
      const age = clock.now().getTime() - entry.startedAt;
      if (age >= options.ttlMs) return undefined;
      entries.set(key, entry);
      bytes += entry.bytes;
      return { answer: entry.answer, refresh: age >= refreshAfterMs };
    },
    begin: () => ({ generation, startedAt: clock.now().getTime() }),
    keep(key, answer, ticket) {
      const size = sizeOf(key, answer);
      if (ticket.generation !== generation || options.ttlMs <= 0 || size > options.maxBytes) return;
      const old = entries.get(key);
      if (old) remove(key, old);
      entries.set(key, { answer, bytes: size, startedAt: ticket.startedAt });
      bytes += size;
      for (const [oldest, entry] of entries) {
        if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
        remove(oldest, entry);
      }
    },
    isCurrent: (ticket) => ticket.generation === generation,
    invalidate() {
      generation += 1;
      entries.clear();
      flights.clear();
      bytes = 0;
    },
    size: () => ({ entries: entries.size, bytes }),
  };
}

/**
 * Whether the request may be answered from the cache: nobody is signed in, and nothing that could
 * sign someone in was sent. A stale or invalid session cookie still bypasses the cache (it costs
 * one database read), so the cache's safety never rests on how credentials are resolved.
 */
function isAnonymous(c: Context<AppEnv>): boolean {
  return c.get('credentials') === 'none' && c.get('actor').kind === 'anonymous';
}

/**
 * The whole identity of a public GET: the full URL (a `?lang=` included), and the reader's
 * languages as sent, so answers for readers of different languages are never mixed even if an
 * answer comes to depend on the language.
 */
function cacheKey(url: string, header: (name: string) => string | undefined): string {
  const languages = header('accept-language') ?? '';
  const remembered = cookieValue(header('cookie'), 'lang') ?? '';
  return `${url}\n${languages}\n${remembered}`;
}

/**
 * Route middleware: serves anonymous GETs from the read cache and keeps their 200 answers.
 * Declared on a route with `readCache: 'anonymous'` in `defineRoute`; it runs before validation,
 * so a hit costs no more than a map lookup.
 *
 * One request computes a missing answer, or the successor of one in the last quarter of its
 * life; requests for the same key that arrive meanwhile get the kept answer if there still is one,
 * and otherwise wait for the computation rather than repeat it. So a popular page is refreshed
 * without holding up its readers, and no answer is ever served older than the TTL.
 */
export function cacheAnonymousReads() {
  return createMiddleware<AppEnv>(async (c, next) => {
    // c.get, not c.var: c.var copies every variable on each access, and this runs on every hit.
    const cache = c.get('readCache');
    if (!cache.enabled || c.req.method !== 'GET' || !isAnonymous(c)) return next();
    const key = cacheKey(c.req.url, (name) => requestHeader(c, name));
    const reply = (answer: CachedAnswer) => c.body(answer.body, 200, { 'content-type': answer.contentType });
    const kept = cache.find(key);
    if (kept && !kept.refresh) return reply(kept.answer);
    const running = cache.flights.get(key);
    if (running) {
      if (kept) return reply(kept.answer);
      const shared = await running;
      return shared ? reply(shared) : next();
    }

    const ticket = cache.begin();
    let settle: (answer: CachedAnswer | undefined) => void = () => {};
    const flight = new Promise<CachedAnswer | undefined>((resolve) => {
      settle = resolve;
    });
    cache.flights.set(key, flight);
    let answer: CachedAnswer | undefined;
    try {
      await next();
      // Only a plain success is kept: errors may be passing, and an answer that sets a cookie
      // belongs to one reader.
      if (c.res.status === 200 && !c.res.headers.has('set-cookie')) {
        answer = {
          body: new Uint8Array(await c.res.clone().arrayBuffer()),
          contentType: c.res.headers.get('content-type') ?? 'application/json',
        };
        cache.keep(key, answer, ticket);
        // The front door (keptAnswers) records the finished headers once the app has answered.
        c.set('keptAnswer', answer);
      }
    } finally {
      if (cache.flights.get(key) === flight) cache.flights.delete(key);
      // Requests that waited share the answer only if no write came in meanwhile.
      settle(cache.isCurrent(ticket) ? answer : undefined);
    }
  });
}

/** Headers that belong to one request or one transfer, never kept with an answer. */
const OWN_HEADERS = new Set(['x-request-id', 'set-cookie', 'content-length', 'date']);

/**
 * The front door for kept answers: it answers an anonymous GET whose answer is kept, with the
 * headers the whole app gave that answer, before the app routes the request or runs any of its
 * middlewares. Any other request goes on into the app, where `cacheAnonymousReads` on its route
 * keeps, refreshes and shares answers; `recordHeaders`, the app's first middleware, then records
 * the finished headers of an answer a request kept, so the next readers get it from here.
 *
 * Everything in the app (routing, the child logger, CSRF, resolving the actor, security headers,
 * the body checks, validation) would only produce the same answer again, so a kept answer costs a
 * map lookup and a write. An answer due for refreshing goes through the route, which refreshes it.
 * The request is still logged, marked `cached`, with its own request id.
 */
export function keptAnswers(options: { cache: ReadCache; logger: Logger; sessionCookie: string }) {
  const { cache, logger, sessionCookie } = options;
  return {
    /** The kept answer to this request, or undefined when the app must answer it. */
    answer(request: Request, env: unknown): Response | undefined {
      if (!cache.enabled || request.method !== 'GET') return undefined;
      const header = (name: string) => rawHeader(request, env, name);
      if (credentialsSent(header, sessionCookie) !== 'none') return undefined;
      const kept = cache.find(cacheKey(request.url, header));
      const headers = kept?.answer.headers;
      if (!kept || !headers || kept.refresh) return undefined;
      const requestId = requestIdFrom(header('x-request-id'));
      if (logger.isLevelEnabled('info')) {
        const path = new URL(request.url).pathname;
        logger.info({ requestId, method: 'GET', path, status: 200, cached: true }, 'request');
      }
      return new Response(kept.answer.body, {
        status: 200,
        headers: { ...headers, 'x-request-id': requestId },
      });
    },
    recordHeaders: createMiddleware<AppEnv>(async (c, next) => {
      await next();
      const answer = c.get('keptAnswer');
      if (answer && !answer.headers) {
        const headers: Record<string, string> = {};
        c.res.headers.forEach((value, name) => {
          if (!OWN_HEADERS.has(name)) headers[name] = value;
        });
        answer.headers = headers;
      }
    }),
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * App middleware: any write that was not refused clears the read cache once it is answered (its
 * transaction has committed by then). A 4xx answer changed nothing, so it leaves the cache alone;
 * a 5xx may have come after a commit, so it clears it too. With `announce`, the other instances on
 * the same database are told before the writer gets its answer, so by the time the writer can
 * read anywhere, every instance is clearing its cache.
 */
export function invalidateReadCacheOnWrites(announce?: () => Promise<void>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const status = c.res.status;
    if (!SAFE_METHODS.has(c.req.method) && (status < 400 || status >= 500)) {
      c.get('readCache').invalidate();
      await announce?.();
    }
  });
}
