import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context';
import { requestHeader } from './raw-header';

const LIMIT = 128;
const UNSAFE = /[^\w\-=]/;

/**
 * The id a request is known by in logs, problem bodies and the `x-request-id` answer header: the
 * caller's own `x-request-id` when it is short and plain (a proxy's, so one id follows a request
 * through both), otherwise a new UUID.
 */
export function requestIdFrom(sent: string | undefined): string {
  return sent && sent.length <= LIMIT && !UNSAFE.test(sent) ? sent : crypto.randomUUID();
}

/** Sets the request id variable and answer header for everything after it. */
export function assignRequestId() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = requestIdFrom(requestHeader(c, 'x-request-id'));
    c.set('requestId', id);
    c.header('x-request-id', id);
    await next();
  });
}
