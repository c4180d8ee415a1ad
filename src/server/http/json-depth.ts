import { createMiddleware } from 'hono/factory';
import { AppError } from './app-error';
import type { AppEnv } from './context';

export const MAX_JSON_DEPTH = 32;

/** How deeply arrays and objects nest in a JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/**
 * Refuses JSON bodies nested deeper than any real request needs, before anything parses them:
 * a deeply nested document costs a parser far more than its size suggests.
 */
export function limitJsonDepth(maxDepth = MAX_JSON_DEPTH) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if ((c.req.header('content-type') ?? '').includes('json')) {
      // Hono keeps the text, so the route's own validator reads the same body again.
      const depth = jsonDepth(await c.req.text());
      if (depth > maxDepth) {
        throw new AppError(
          'validation_failed',
          `The JSON body nests ${depth} levels deep; at most ${maxDepth} are allowed.`,
        );
      }
    }
    await next();
  });
}
