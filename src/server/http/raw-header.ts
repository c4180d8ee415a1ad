import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from './context';

/**
 * One request header by its lower-case name, read without building a `Headers` object.
 *
 * Under the Node server, reading `request.headers` turns every incoming header into a WHATWG
 * `Headers` the first time, which is much of the cost of a request answered from memory. The Node
 * adapter also passes the raw `IncomingMessage` as `env.incoming`, whose headers are a plain object;
 * without it (`app.request` in tests and page rendering) this reads `request.headers`. Node joins
 * repeated headers with ", " (cookies with "; "), as `Headers` does.
 */
export function rawHeader(request: Request, env: unknown, name: string): string | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) {
    const value = incoming.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return request.headers.get(name) ?? undefined;
}

/** `rawHeader` for a request inside the app. */
export function requestHeader(c: Context, name: string): string | undefined {
  return rawHeader(c.req.raw, c.env, name);
}

/** One cookie's raw value from a Cookie header, or undefined when it was not sent. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim();
  }
  return undefined;
}

/**
 * What a request presented to say who it is, valid or not: an Authorization header, a session
 * cookie, or nothing. The one rule for "anonymous" that the read cache's front door and the app
 * share (ADR 010).
 */
export function credentialsSent(
  header: (name: string) => string | undefined,
  sessionCookie: string,
): AppEnv['Variables']['credentials'] {
  if (header('authorization') !== undefined) return 'authorization';
  return cookieValue(header('cookie'), sessionCookie) !== undefined ? 'session' : 'none';
}
