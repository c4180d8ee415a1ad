import { createMiddleware } from 'hono/factory';
import { AppError } from './app-error';
import type { AppEnv } from './context';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends cookies with cross-site form posts; a write carrying a cookie must therefore
 * come from our own origin. Browsers always send Origin on such requests (Referer as fallback).
 * Requests without cookies (API clients with tokens, curl) are not affected.
 */
export function sameOriginWrites(cookieName: string, publicUrl?: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE.has(c.req.method) && (c.req.header('cookie') ?? '').includes(`${cookieName}=`)) {
      const allowed = [new URL(c.req.url).origin, safeOrigin(publicUrl)];
      const origin = c.req.header('origin') ?? safeOrigin(c.req.header('referer'));
      if (!origin || !allowed.includes(origin)) {
        throw new AppError('forbidden', 'The request did not come from this site, so it was refused.');
      }
    }
    await next();
  });
}

function safeOrigin(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
