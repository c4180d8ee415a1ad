import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../testing/harness';

const t = setupTestApp();

describe('the HTTP foundation', () => {
  it('says the process is up on /healthz', async () => {
    expect(await t.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('says the database is reachable and migrated on /readyz', async () => {
    const { status, body } = await t.get('/readyz');
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.applied).toBe(body.expected);
    expect(body.expected).toBeGreaterThan(0);
  });

  it('gives every response a request id, and keeps a sane one the caller sent', async () => {
    const own = await t.get('/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers.get('x-request-id')).toBe('trace-123');
    const fresh = await t.get('/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with a problem+json 404 that carries the request id', async () => {
    const response = await t.get('/api/nothing-here', { headers: { 'x-request-id': 'abc-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'not_found',
      requestId: 'abc-1',
      instance: '/api/nothing-here',
    });
  });

  it('refuses a JSON body nested deeper than 32 levels, and one larger than 1 MiB', async () => {
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    const nested = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: `{"email":"a@b.no","password":${deep}}`,
    });
    expect(nested.status).toBe(422);
    expect((await nested.json()).detail).toMatch(/nests 41 levels deep/);
    const huge = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email: 'a@b.no', password: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(422);
    expect((await huge.json()).detail).toMatch(/larger than 1 MiB/);
  });

  it('sends the API security headers on data answers, and the document headers on HTML pages', async () => {
    for (const path of ['/healthz', '/api/clusters/no-such-cluster']) {
      const { headers } = await t.get(path);
      expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(headers.get('x-xss-protection')).toBeNull();
    }

    const page = await t.app.request('/api/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('publishes an OpenAPI 3.1 document in which every route declares its gate', async () => {
    const { status, body } = await t.get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const operations = Object.entries(
      body.paths as Record<string, Record<string, { 'x-gate'?: string }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method} ${path}`,
        gate: operation['x-gate'],
      })),
    );
    // Which routes exist is the access matrix's to check: each feature's rows against this document.
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.filter((o) => !o.gate)).toEqual([]);
  });

  it('documents a problem+json response for every error status a route declares', async () => {
    const { body } = await t.get('/api/openapi.json');
    for (const [path, methods] of Object.entries(
      body.paths as Record<string, Record<string, { responses: Record<string, any> }>>,
    )) {
      for (const operation of Object.values(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          // A redirect has no body, only the place it sends the browser to.
          if (Number(status) >= 300 && Number(status) < 400) {
            expect(response.content).toBeUndefined();
            expect(Object.keys(response.headers)).toEqual(['location']);
            continue;
          }
          // A download named *.csv answers its success in CSV; a stored file (its schema a binary
          // string) in bytes; everything else speaks JSON.
          const file = response.content?.['application/octet-stream']?.schema?.format === 'binary';
          const success = path.endsWith('.csv')
            ? 'text/csv'
            : file
              ? 'application/octet-stream'
              : 'application/json';
          const type = Number(status) >= 400 ? 'application/problem+json' : success;
          expect(Object.keys(response.content)).toEqual([type]);
        }
      }
    }
  });

  it('serves the API reference page without any external resources', async () => {
    const page = await t.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    const script = await t.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
  });
});
