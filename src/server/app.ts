import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { setCsrfCookie } from '../features/accounts/accounts.routes';
import { resolveActor } from '../features/accounts/accounts.service';
import { resolveTokenActor } from '../features/accounts/api-tokens.service';
import type { SingleSignOnSettings } from '../features/accounts/oidc-client';
import { SESSION_COOKIE } from '../features/accounts/sessions';
import type { PageEntry } from '../web/kit/page';
import { renderNotFound, type WebDeps, webRoutes } from '../web/shell/server/web.routes';
import type { Clock } from './clock';
import type { DatabaseHandle } from './db/client';
import { readMigrationState } from './db/migrate';
import { FEATURES, SLOT_FILLS } from './features';
import type { FileStore } from './files/file-store';
import { AppError, RETRY_AFTER_SECONDS } from './http/app-error';
import type { AppEnv } from './http/context';
import { CSRF_COOKIE, csrfProtection, csrfTokenFor } from './http/csrf';
import { docsRoutes } from './http/docs';
import { limitJsonDepth } from './http/json-depth';
import { notFoundHandler, onError } from './http/on-error';
import { credentialsSent, requestHeader } from './http/raw-header';
import { createReadCache, invalidateReadCacheOnWrites, keptAnswers, type ReadCache } from './http/read-cache';
import type { ReadCacheChannel } from './http/read-cache-channel';
import { assignRequestId } from './http/request-id';
import { SESSION_SCHEME, TOKEN_SCHEME } from './http/route';
import { securityHeaders } from './http/security-headers';
import type { Logger } from './logger';

export type AppDeps = {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  /** Where uploaded files are kept: on disk under the data directory (decision 018). */
  files: FileStore;
  /** The built SPA and server rendering; absent in API-only route tests. */
  web?: WebDeps;
  /**
   * The address people use (PUBLIC_URL): links in e-mails, the Secure flag of cookies, the single
   * sign-on redirect and the same-origin check on writes come from it, never from the request.
   */
  publicUrl: string;
  /** Proxies in front of the app whose X-Forwarded-For is believed (TRUST_PROXY); none when absent. */
  trustProxy?: number;
  /** Demo seed accounts may sign in; false in production. */
  allowDemoAccounts?: boolean;
  /** Tells the mail worker that mail was queued; without a worker, mail waits in the outbox. */
  wakeMail?: () => void;
  /**
   * Whether an SMTP server takes the mail (`SMTP_URL` is set). Without one, mail is kept in the
   * outbox from the moment it is queued, and answers say so. False when absent: an app built
   * without saying it has one sends nothing.
   */
  mailServer?: boolean;
  /** The OpenID Connect provider people may sign in through; none when absent. */
  singleSignOn?: SingleSignOnSettings;
  /** The anonymous read cache; one with the default TTL and bounds when absent. */
  readCache?: ReadCache;
  /**
   * Tells the other app instances on the same PostgreSQL database about each write, so they clear
   * their read caches too; absent when this is the only process (the embedded database, tests).
   */
  readCacheChannel?: Pick<ReadCacheChannel, 'announce'>;
};

export const API_VERSION = '0.1.0';

/**
 * Load balancers give up on a readiness probe after a few seconds (five is common); `/readyz`
 * answers within this, whether the database is down, frozen, or every connection is busy.
 */
const READINESS_DEADLINE_MS = 3_000;

/** The work's result, or a rejection once `ms` have passed; the work is left to finish on its own. */
function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Builds the whole HTTP application from its dependencies. No globals: tests build their own. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const readCache = deps.readCache ?? createReadCache(deps.clock);

  const frontDoor = keptAnswers({ cache: readCache, logger: deps.logger, sessionCookie: SESSION_COOKIE });
  app.use(frontDoor.recordHeaders);
  app.use(assignRequestId());
  app.use(async (c, next) => {
    const started = performance.now();
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    c.set('db', deps.database.db);
    c.set('clock', deps.clock);
    c.set('files', deps.files);
    c.set('allowDemoAccounts', deps.allowDemoAccounts ?? false);
    c.set('publicUrl', deps.publicUrl);
    c.set('trustedProxyHops', deps.trustProxy ?? 0);
    c.set('wakeMail', deps.wakeMail ?? (() => {}));
    c.set('mailServer', deps.mailServer ?? false);
    c.set('readCache', readCache);
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(invalidateReadCacheOnWrites(deps.readCacheChannel?.announce));
  app.use('/api/*', csrfProtection(SESSION_COOKIE, deps.publicUrl));
  app.use(async (c, next) => {
    const authorization = c.req.header('authorization');
    const session = getCookie(c, SESSION_COOKIE);
    c.set(
      'credentials',
      credentialsSent((name) => requestHeader(c, name), SESSION_COOKIE),
    );
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const now = deps.clock.now();
    c.set(
      'actor',
      bearer
        ? await resolveTokenActor(deps.database.db, bearer, now, deps.allowDemoAccounts ?? false)
        : await resolveActor(deps.database.db, session, now),
    );
    // The browser app reads the CSRF token from a cookie; give it one for a live session that lacks it.
    if (
      !bearer &&
      session &&
      c.var.actor.kind === 'account' &&
      getCookie(c, CSRF_COOKIE) !== csrfTokenFor(session)
    ) {
      setCsrfCookie(c, session);
    }
    await next();
  });
  app.use(securityHeaders());
  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError('validation_failed', 'The request body is larger than 1 MiB.');
    },
  });
  // A file upload is not held here: the upload route streams the file to the file store and
  // stops at the file limit itself (413), and no other route reads a multipart body.
  // GET and HEAD carry no body (the server never reads one), and asking for it makes the Node
  // adapter build a full Request object, the largest single cost of a cached read.
  app.use('/api/*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const multipart = /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
    return multipart ? next() : limitBody(c, next);
  });

  app.use('/api/*', limitJsonDepth());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      const state = await withinDeadline(
        readMigrationState(deps.database, { timeoutMs: READINESS_DEADLINE_MS }),
        READINESS_DEADLINE_MS,
      );
      const ready = state.applied >= state.expected;
      return c.json(
        { status: ready ? 'ready' : 'migrating', database: deps.database.kind, ...state },
        ready ? 200 : 503,
      );
    } catch (error) {
      c.var.logger.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'readiness check failed',
      );
      c.header('retry-after', String(RETRY_AFTER_SECONDS));
      return c.json({ status: 'database_unreachable', database: deps.database.kind }, 503);
    }
  });

  // No two features' routes match the same request and none adds middleware beyond its own
  // routes, so the order of mounting shows only in the order of the OpenAPI document.
  for (const feature of FEATURES) {
    for (const router of feature.routers(deps)) app.route('/', router);
  }

  app.openAPIRegistry.registerComponent('securitySchemes', SESSION_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'A browser session, made by POST /api/auth/login. A write with it also sends the x-csrf-token header the klynge_csrf cookie holds.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', TOKEN_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (klynge_…) made on the account page, with some or all of its maker’s permissions.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Klynge API',
      version: API_VERSION,
      description:
        'A cluster programme and its clusters: the programme and its levels, calls, the cluster registry, partners and organisations, accounts and the audit trail.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    // Without PUBLIC_URL the document points at the server it was read from (a relative URL).
    servers: [{ url: deps.publicUrl ?? '/', description: 'This Klynge' }],
  });
  app.route('/', docsRoutes);

  const web = deps.web;
  const pageList = FEATURES.flatMap((feature): readonly PageEntry[] =>
    'pages' in feature ? feature.pages : [],
  );
  if (web) {
    // Pages read the API in-process, as the visitor, through the same routes, validation and errors
    // as any client.
    app.route(
      '/',
      webRoutes(
        web,
        pageList,
        (cookie) => async (path) =>
          app.request(path, { headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } }),
        SLOT_FILLS,
      ),
    );
  }
  app.notFound((c) =>
    web && !c.req.path.startsWith('/api/') ? renderNotFound(c, web.template, pageList) : notFoundHandler(c),
  );
  app.onError(onError);

  // Kept anonymous answers leave before routing (decision 010); every other request, and
  // `app.request`, which calls `app.fetch`, goes through the app.
  const route = app.fetch;
  app.fetch = (request, env, executionContext) =>
    frontDoor.answer(request, env) ?? route(request, env, executionContext);
  return app;
}

export type App = ReturnType<typeof createApp>;
