import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context';

const STRICT_TRANSPORT = 'max-age=15552000; includeSubDomains';

/**
 * For documents a browser renders: the app's pages and the API reference. Scripts only from this
 * site and no inline script at all (page state travels as `type="application/json"`, which is
 * data); inline style attributes are allowed because components set them.
 */
export const DOCUMENT_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': STRICT_TRANSPORT,
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/**
 * For everything else: JSON and problem answers, CSV, scripts, styles, images. Such an answer is
 * never a page, so it gets the headers that matter for an API (OWASP's REST set): nothing may load
 * or frame it as a document (a CSP of `default-src 'none'`, stricter than the pages' own), its type
 * is not sniffed, other sites may not embed it, and HTTPS is kept. The document-only headers
 * (opener, referrer, prefetch, download and XSS-filter settings) would do nothing on it but cost
 * every answer their bytes.
 */
export const DATA_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': STRICT_TRANSPORT,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Sets the security headers on every answer, chosen by whether the answer is an HTML document. */
export function securityHeaders() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const headers = c.res.headers;
    const set = headers.get('content-type')?.startsWith('text/html') ? DOCUMENT_HEADERS : DATA_HEADERS;
    for (const name in set) headers.set(name, set[name]!);
  });
}
