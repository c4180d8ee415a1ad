import { DrizzleQueryError } from 'drizzle-orm/errors';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from './app-error';
import type { AppEnv } from './context';
import { onError } from './on-error';

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>();
  app.get('/thing', () => {
    throw error;
  });
  app.onError(onError);
  return app;
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
  code: 'ECONNREFUSED',
  syscall: 'connect',
});
const postmasterGone = Object.assign(new Error('terminating connection due to unexpected postmaster exit'), {
  code: '57P01',
});
const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });

describe('answering errors', () => {
  it.each([
    ['a refused connection', refused],
    ['a server shutting down', postmasterGone],
    ['a statement timeout', cancelled],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool with no free connection in time', new Error('timeout exceeded when trying to connect')],
    [
      'a missing socket of the embedded database',
      Object.assign(new Error('connect ENOENT'), { code: 'ENOENT', syscall: 'connect' }),
    ],
    [
      'a query Drizzle failed because the connection was lost',
      new DrizzleQueryError('begin', [], new Error('Connection terminated unexpectedly')),
    ],
  ])('answers %s with 503, Retry-After and problem+json', async (_name, error) => {
    const response = await appThrowing(error).request('/thing');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, code: 'unavailable' });
  });

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a missing file', Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' })],
    ['a constraint the code broke', Object.assign(new Error('null value in column'), { code: '23502' })],
    [
      'a failed query with a bad statement',
      new DrizzleQueryError('selec 1', [], Object.assign(new Error('syntax error'), { code: '42601' })),
    ],
  ])('answers %s with a generic 500 and no Retry-After', async (_name, error) => {
    const response = await appThrowing(error).request('/thing');
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toMatchObject({ status: 500, code: 'internal' });
  });
});
