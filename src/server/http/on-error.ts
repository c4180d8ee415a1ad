import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable } from '../db/unavailable';
import { AppError, RETRY_AFTER_SECONDS } from './app-error';
import type { AppEnv } from './context';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem';

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('validation_failed', 'The request body is too large.');
    if (error.status === 400)
      return new AppError('validation_failed', error.message || 'The request could not be read.');
    if (error.status === 404) return new AppError('not_found', 'Nothing is here.');
    // The router refuses a body whose Content-Type the route does not declare (a form post or
    // plain text sent to a JSON endpoint) before anything reads it.
    if (error.status === 415) {
      return new AppError(
        'unsupported_media_type',
        'This endpoint reads a JSON body: send it with the header Content-Type: application/json.',
      );
    }
  }
  // A database that is down, restarting or too slow is a passing state, not a fault in Klynge:
  // the caller may try again. Whatever else goes wrong stays a 500.
  if (isDatabaseUnavailable(error)) {
    return new AppError('unavailable', 'Klynge cannot reach its database just now. Try again in a moment.', {
      internal: error instanceof Error ? error.message : String(error),
    });
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
  else if (appError.code === 'unavailable')
    log?.warn({ requestId, reason: appError.message }, 'database unavailable');
  else log?.debug({ code: appError.code, requestId, detail: appError.message }, 'request failed');
  const body = problemBody(appError, new URL(c.req.url).pathname, requestId);
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE, 'x-request-id': requestId };
  const retryAfter = appError.code === 'unavailable' ? RETRY_AFTER_SECONDS : appError.retryAfterSeconds;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return new Response(JSON.stringify(body), { status: appError.status, headers });
}

export function notFoundHandler(c: Context<AppEnv>): Response {
  return onError(new AppError('not_found', `There is no endpoint at ${c.req.method} ${c.req.path}.`), c);
}
