import { Writable } from 'node:stream';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../shared/access';
import type { Clock } from '../clock';
import type { AppEnv } from './context';
import { credentialsSent } from './raw-header';
import {
  type CachedAnswer,
  cacheAnonymousReads,
  createReadCache,
  invalidateReadCacheOnWrites,
  keptAnswers,
  type ReadCache,
} from './read-cache';

function movableClock() {
  let now = Date.parse('2026-06-15T10:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

const answer = (text: string): CachedAnswer => ({
  body: new TextEncoder().encode(text),
  contentType: 'application/json',
});

const bodyOf = (found: { answer: CachedAnswer } | undefined) =>
  found ? new TextDecoder().decode(found.answer.body) : undefined;

describe('the read cache', () => {
  it('serves an answer until the TTL has passed since its computation began, and not after', () => {
    const { clock, advance } = movableClock();
    const cache = createReadCache(clock, { ttlMs: 1_000, maxEntries: 10, maxBytes: 10_000 });
    const ticket = cache.begin();
    // The computation took 300 ms; the answer's age counts from its start, when its data was read.
    advance(300);
    cache.keep('/a', answer('"a"'), ticket);
    advance(449);
    expect(cache.find('/a')).toMatchObject({ refresh: false });
    // In the last quarter of its life it is still served, and its successor is asked for.
    advance(1);
    expect(cache.find('/a')).toMatchObject({ refresh: true });
    advance(249);
    expect(bodyOf(cache.find('/a'))).toBe('"a"');
    advance(1);
    expect(cache.find('/a')).toBeUndefined();
  });

  it('drops the least recently used answers beyond its entry bound', () => {
    const cache = createReadCache(movableClock().clock, { ttlMs: 1_000, maxEntries: 2, maxBytes: 10_000 });
    cache.keep('/a', answer('1'), cache.begin());
    cache.keep('/b', answer('2'), cache.begin());
    cache.find('/a');
    cache.keep('/c', answer('3'), cache.begin());
    expect(bodyOf(cache.find('/a'))).toBe('1');
    expect(cache.find('/b')).toBeUndefined();
    expect(bodyOf(cache.find('/c'))).toBe('3');
    expect(cache.size().entries).toBe(2);
  });

  it('drops answers beyond its byte bound, and never keeps one larger than the bound', () => {
    // Each entry below weighs 10 body bytes and 4 for its two-character key.
    const cache = createReadCache(movableClock().clock, { ttlMs: 1_000, maxEntries: 100, maxBytes: 30 });
    cache.keep('/a', answer('0123456789'), cache.begin());
    cache.keep('/b', answer('0123456789'), cache.begin());
    cache.keep('/c', answer('0123456789'), cache.begin());
    expect(cache.find('/a')).toBeUndefined();
    expect(cache.find('/b')).toBeDefined();
    expect(cache.size()).toEqual({ entries: 2, bytes: 28 });
    cache.keep('/d', answer('x'.repeat(40)), cache.begin());
    expect(cache.find('/d')).toBeUndefined();
    expect(cache.find('/c')).toBeDefined();
    expect(cache.size().bytes).toBeLessThanOrEqual(30);
  });

  it('forgets everything on invalidate, and refuses an answer computed across it', () => {
    const cache = createReadCache(movableClock().clock);
    const before = cache.begin();
    cache.keep('/a', answer('old'), before);
    cache.invalidate();
    expect(cache.find('/a')).toBeUndefined();
    expect(cache.size()).toEqual({ entries: 0, bytes: 0 });
    expect(cache.isCurrent(before)).toBe(false);
    cache.keep('/b', answer('read before the write'), before);
    expect(cache.find('/b')).toBeUndefined();
    cache.keep('/b', answer('read after it'), cache.begin());
    expect(bodyOf(cache.find('/b'))).toBe('read after it');
  });

  it('is off with a TTL of 0', () => {
    const cache = createReadCache(movableClock().clock, { ttlMs: 0, maxEntries: 10, maxBytes: 10_000 });
    expect(cache.enabled).toBe(false);
    cache.keep('/a', answer('1'), cache.begin());
    expect(cache.find('/a')).toBeUndefined();
  });
});

/**
 * A bare app with the two middlewares, the variables the real app sets, a public route that
 * counts its runs and can be held open, and a write route answering any status asked for.
 */
function harness(cache: ReadCache) {
  const app = new Hono<AppEnv>();
  let runs = 0;
  let status = 200;
  let hold: Promise<void> = Promise.resolve();
  app.use(async (c, next) => {
    c.set('readCache', cache);
    c.set('actor', ANONYMOUS);
    c.set('credentials', c.req.header('authorization') ? 'authorization' : 'none');
    await next();
  });
  app.use(invalidateReadCacheOnWrites());
  app.get('/public', cacheAnonymousReads(), async (c) => {
    runs += 1;
    const run = runs;
    await hold;
    if (status !== 200) return c.json({ run }, status as 404);
    return c.json({ run });
  });
  app.on(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], '/write/:status', (c) =>
    c.body(null, Number(c.req.param('status')) as 204),
  );
  return {
    app,
    runs: () => runs,
    answerWith: (next: number) => {
      status = next;
    },
    holdRoute() {
      let release = () => {};
      hold = new Promise((done) => {
        release = done;
      });
      return () => {
        hold = Promise.resolve();
        release();
      };
    },
    read: async (init?: RequestInit) => {
      const response = await app.request('/public', init);
      return { status: response.status, body: (await response.json()) as { run: number } };
    },
  };
}

describe('the read cache middlewares', () => {
  it('computes an answer once for concurrent anonymous readers of one URL', async () => {
    const h = harness(createReadCache(movableClock().clock));
    const release = h.holdRoute();
    const reads = [h.read(), h.read(), h.read()];
    await new Promise((done) => setTimeout(done, 10));
    release();
    const answers = await Promise.all(reads);
    expect(answers.map((a) => a.body.run)).toEqual([1, 1, 1]);
    expect(h.runs()).toBe(1);
  });

  it('refreshes an answer in the last quarter of its life without holding up other readers, and never serves it past the TTL', async () => {
    const { clock, advance } = movableClock();
    const h = harness(createReadCache(clock, { ttlMs: 1_000, maxEntries: 10, maxBytes: 10_000 }));
    expect((await h.read()).body.run).toBe(1);
    advance(749);
    expect((await h.read()).body.run).toBe(1);
    expect(h.runs()).toBe(1);

    advance(1);
    const release = h.holdRoute();
    const refreshing = h.read();
    await new Promise((done) => setTimeout(done, 10));
    // While the successor is computed, others get the kept answer at once.
    expect((await h.read()).body.run).toBe(1);
    advance(250);
    // Now the kept answer is too old: the next reader waits for the successor.
    const waiting = h.read();
    release();
    expect((await refreshing).body.run).toBe(2);
    expect((await waiting).body.run).toBe(2);
    expect(h.runs()).toBe(2);
  });

  it('neither keeps nor shares an answer whose computation a write overlapped', async () => {
    const h = harness(createReadCache(movableClock().clock));
    const release = h.holdRoute();
    const first = h.read();
    await new Promise((done) => setTimeout(done, 10));
    const waiting = h.read();
    expect((await h.app.request('/write/201', { method: 'POST' })).status).toBe(201);
    release();
    expect((await first).body.run).toBe(1);
    expect((await waiting).body.run).toBe(2);
    expect((await h.read()).body.run).toBe(3);
  });

  it('never keeps an answer other than 200', async () => {
    const h = harness(createReadCache(movableClock().clock));
    for (const status of [404, 422, 500]) {
      h.answerWith(status);
      expect((await h.read()).status).toBe(status);
    }
    h.answerWith(200);
    expect(await h.read()).toEqual({ status: 200, body: { run: 4 } });
    expect(await h.read()).toEqual({ status: 200, body: { run: 4 } });
  });

  it('never serves or keeps for a request with an Authorization header', async () => {
    const h = harness(createReadCache(movableClock().clock));
    expect((await h.read()).body.run).toBe(1);
    const withToken = { headers: { authorization: 'Bearer anything' } };
    expect((await h.read(withToken)).body.run).toBe(2);
    expect((await h.read(withToken)).body.run).toBe(3);
    expect((await h.read()).body.run).toBe(1);
  });

  const cases: [method: string, status: number, clears: boolean][] = [
    ['POST', 201, true],
    ['PUT', 200, true],
    ['PATCH', 200, true],
    ['DELETE', 204, true],
    ['POST', 303, true],
    ['POST', 500, true],
    ['POST', 403, false],
    ['PUT', 422, false],
    ['DELETE', 404, false],
    ['OPTIONS', 204, false],
  ];
  it.each(cases)('a %s answered %i clears the cache: %s', async (method, status, clears) => {
    const h = harness(createReadCache(movableClock().clock));
    expect((await h.read()).body.run).toBe(1);
    expect((await h.app.request(`/write/${status}`, { method })).status).toBe(status);
    expect((await h.read()).body.run).toBe(clears ? 2 : 1);
  });

  it('leaves the cache alone on reads, and answers HEAD without it', async () => {
    const cache = createReadCache(movableClock().clock);
    const h = harness(cache);
    expect((await h.read()).body.run).toBe(1);
    expect((await h.app.request('/public', { method: 'HEAD' })).status).toBe(200);
    expect(h.runs()).toBe(2);
    expect((await h.read()).body.run).toBe(1);
    expect(cache.size().entries).toBe(1);
  });
});

/**
 * The front door before a stand-in for the rest of the app: a middleware that counts the requests
 * reaching it, works out the credentials as the app does, and sets a request id and a header.
 */
function frontDoorHarness() {
  const { clock, advance } = movableClock();
  const cache = createReadCache(clock, { ttlMs: 1_000, maxEntries: 10, maxBytes: 10_000 });
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const app = new Hono<AppEnv>();
  let reachedApp = 0;
  let runs = 0;
  const door = keptAnswers({ cache, logger, sessionCookie: 'klynge_session' });
  app.use(door.recordHeaders);
  app.use(async (c, next) => {
    reachedApp += 1;
    c.set('readCache', cache);
    c.set('actor', ANONYMOUS);
    c.set(
      'credentials',
      credentialsSent((name) => c.req.header(name), 'klynge_session'),
    );
    c.header('x-request-id', c.req.header('x-request-id') ?? `app-${reachedApp}`);
    await next();
    c.header('x-frame-options', 'DENY');
  });
  app.get('/public', cacheAnonymousReads(), (c) => {
    runs += 1;
    return c.json({ run: runs }, 200, { 'cache-control': 'no-cache' });
  });
  return {
    advance,
    lines,
    reachedApp: () => reachedApp,
    runs: () => runs,
    read: async (headers?: Record<string, string>) => {
      const request = new Request('http://localhost/public', { headers });
      const response = door.answer(request, undefined) ?? (await app.fetch(request));
      return { headers: response.headers, body: (await response.json()) as { run: number } };
    },
  };
}

describe('the front door for kept answers (keptAnswers)', () => {
  it('answers from the cache before the rest of the app runs, with the headers the app gave the answer', async () => {
    const h = frontDoorHarness();
    const computed = await h.read();
    expect(h.reachedApp()).toBe(1);
    const kept = await h.read();
    expect(kept.body).toEqual(computed.body);
    expect(h.reachedApp()).toBe(1);
    expect(h.runs()).toBe(1);
    for (const name of ['x-frame-options', 'cache-control', 'content-type']) {
      expect(kept.headers.get(name)).toBe(computed.headers.get(name));
    }
    expect(kept.headers.get('x-frame-options')).toBe('DENY');
    expect(h.lines.at(-1)).toMatchObject({ msg: 'request', method: 'GET', status: 200, cached: true });
  });

  it("gives each kept answer the request's own id: the caller's when plain, a new one otherwise", async () => {
    const h = frontDoorHarness();
    expect((await h.read()).headers.get('x-request-id')).toBe('app-1');
    expect((await h.read({ 'x-request-id': 'proxy-42' })).headers.get('x-request-id')).toBe('proxy-42');
    const made = (await h.read({ 'x-request-id': 'no spaces, please' })).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const another = (await h.read()).headers.get('x-request-id');
    expect(another).toMatch(/^[0-9a-f-]{36}$/);
    expect(another).not.toBe(made);
    expect(h.reachedApp()).toBe(1);
  });

  it('lets a request with a session cookie or an Authorization header through to the app', async () => {
    const h = frontDoorHarness();
    await h.read();
    await h.read({ cookie: 'lang=en; klynge_session=whatever' });
    await h.read({ authorization: 'Bearer anything' });
    expect(h.reachedApp()).toBe(3);
    // Other cookies are no credentials; the language cookie is part of the key.
    await h.read({ cookie: 'theme=dark' });
    expect(h.reachedApp()).toBe(3);
    await h.read({ cookie: 'lang=en' });
    expect(h.reachedApp()).toBe(4);
  });

  it('sends an answer due for refreshing through the app, and none past the TTL', async () => {
    const h = frontDoorHarness();
    await h.read();
    h.advance(749);
    expect((await h.read()).body.run).toBe(1);
    expect(h.reachedApp()).toBe(1);
    h.advance(1);
    expect((await h.read()).body.run).toBe(2);
    expect(h.reachedApp()).toBe(2);
    // The successor is kept with its headers and served from the front door again.
    expect((await h.read()).body.run).toBe(2);
    expect(h.reachedApp()).toBe(2);
    h.advance(1_000);
    expect((await h.read()).body.run).toBe(3);
  });
});
