import { createMiddleware } from 'hono/factory';
import type { FieldError } from './app-error';
import type { AppEnv } from './context';
import { invalidFields } from './problem';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every media type the router's JSON validator reads, and a few more (it then refuses those). */
const JSON_TYPE = /json$/i;

const MESSAGE = 'must not contain a NUL character or half of a surrogate pair';
/** More field errors than this say nothing more; the walk stops there. */
const MOST = 20;

/**
 * Whether text holds a character PostgreSQL cannot store: `text` refuses NUL, and `jsonb` refuses
 * both NUL and a lone surrogate written as a `\u` escape. No real name, address or description
 * holds either.
 */
export function hasUnstorableCharacter(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The paths of every string (and object key) in a parsed JSON value that holds such a character. */
export function unstorableStrings(
  value: unknown,
  path: (string | number)[],
  found: FieldError[] = [],
): FieldError[] {
  if (found.length >= MOST) return found;
  if (typeof value === 'string') {
    if (hasUnstorableCharacter(value)) found.push({ path, message: MESSAGE, code: 'invalid_characters' });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) unstorableStrings(item, [...path, index], found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableCharacter(key))
        found.push({ path: [...path, key], message: MESSAGE, code: 'invalid_characters' });
      else unstorableStrings(item, [...path, key], found);
    }
  }
  return found;
}

/**
 * Refuses, field by field, any path parameter, query parameter or JSON body string holding a NUL
 * or a lone surrogate, before the route's contract sees it. Done once here rather than in each
 * contract's string schemas, so no string of any route can forget it; without it such text
 * reached the database, which refused it with an error answered as 500.
 */
export function refuseUnstorableText(options: { body: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const found: FieldError[] = [];
    for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
      unstorableStrings(value, ['param', name], found);
    }
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (hasUnstorableCharacter(name))
        found.push({ path: ['query', name], message: MESSAGE, code: 'invalid_characters' });
      else for (const value of values) unstorableStrings(value, ['query', name], found);
    }
    if (options.body && JSON_TYPE.test((c.req.header('content-type') ?? '').split(';')[0]!.trim())) {
      // A body that is not JSON at all is left to the contract, which refuses it in its own words.
      const body = await c.req.json().catch(() => undefined);
      unstorableStrings(body, ['body'], found);
    }
    if (found.length > 0) throw invalidFields(found);
    await next();
  });
}
