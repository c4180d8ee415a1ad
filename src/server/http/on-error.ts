import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from './app-error';
import type { AppEnv } from './context';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem';

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('validation_failed', 'The request body is too large.');
    if (error.status === 400)
      return new AppError('validation_failed', error.message || 'The request could not be read.');
    if (error.status === 404) return new AppError('not_found', 'Nothing is here.');
  }
  return new AppError('internal', 'An unexpected error occurred. It has been logged with the request id.', {
    internal: error instanceof Error ? error.message : String(error),
  });
}

/** The one place errors become HTTP: application/problem+json with the request id. */
export function onError(error: unknown, c: Context<AppEnv>): Response {
  const appError = toAppError(error);
  const requestId = c.get('requestId') ?? 'unknown';
  const log = c.get('logger');
  if (appError.code === 'internal') log?.error({ err: error, requestId }, 'unhandled error');
  else log?.debug({ code: appError.code, requestId, detail: appError.message }, 'request failed');
  const body = problemBody(appError, new URL(c.req.url).pathname, requestId);
  return new Response(JSON.stringify(body), {
    status: appError.status,
    headers: {
      'content-type': PROBLEM_CONTENT_TYPE,
      'x-request-id': requestId,
      ...(appError.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(appError.retryAfterSeconds) }),
    },
  });
}

export function notFoundHandler(c: Context<AppEnv>): Response {
  return onError(new AppError('not_found', `There is no endpoint at ${c.req.method} ${c.req.path}.`), c);
}
