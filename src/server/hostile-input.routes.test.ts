import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { createCluster } from '../features/clusters/clusters.seed';
import { createOrganisation } from '../features/organisations/organisations.seed';
import { createProgramme } from '../features/programme/programme.seed';
import { setupTestApp } from '../testing/harness';

/**
 * Bad input is refused with a 4xx that says what is wrong, whichever route it reaches. Each case
 * here once answered 500; the fuzz test (`fuzz.routes.test.ts`) looks for more of them.
 */

const t = setupTestApp();
let staff: string;
let organisation: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  await createCluster(t.db, programme, { slug: 'hostile-a', name: 'Hostile A' });
  organisation = (await createOrganisation(t.db, { name: 'Hostile Partner AS' })).orgnr;
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
});

function fieldsOf(body: { errors?: { path: (string | number)[] }[] }): string[] {
  return (body.errors ?? []).map((error) => error.path.join('.'));
}

describe('a body that is not JSON on a route that reads JSON', () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    it(`is refused with 415 when sent as ${type.split(';')[0]}`, async () => {
      const response = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': type, origin: 'http://localhost' },
        body: '{"email":"a@b.no","password":"whatever"}',
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    });
  }

  it('is documented as a 415 answer on every route that takes a body', async () => {
    const { body } = await t.get('/api/openapi.json');
    const withBody = Object.entries(
      body.paths as Record<
        string,
        Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>
      >,
    ).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody)
        .map(([method, operation]) => ({
          route: `${method} ${path}`,
          documented: '415' in operation.responses,
        })),
    );
    expect(withBody.length).toBeGreaterThan(5);
    expect(withBody.filter((route) => !route.documented)).toEqual([]);
  });
});

describe('text the database cannot store', () => {
  it('is refused in a search by anyone, naming the query parameter', async () => {
    for (const path of ['/api/clusters?q=%00', '/api/clusters?q=klynge%00', '/api/organisations?q=a%00b']) {
      const response = await t.get(path);
      expect(response.status, path).toBe(422);
      expect(fieldsOf(response.body)).toEqual(['query.q']);
    }
  });

  it('is refused in a JSON body, naming each field that holds it', async () => {
    for (const bad of ['Hostile\u0000A', 'Hostile \uD800', 'Hostile \uDC00 A']) {
      const response = await t.send('PATCH', '/api/clusters/hostile-a', { name: bad }, { cookie: staff });
      expect(response.status, JSON.stringify(bad)).toBe(422);
      expect(fieldsOf(response.body)).toEqual(['body.name']);
    }
    const nested = await t.send(
      'PATCH',
      '/api/clusters/hostile-a',
      { description: { nb: 'Grei tekst', en: 'Not\u0000fine' }, focusAreas: [{ nb: 'ok', en: '\uDBFF' }] },
      { cookie: staff },
    );
    expect(nested.status).toBe(422);
    expect(fieldsOf(nested.body)).toEqual(['body.description.en', 'body.focusAreas.0.en']);
  });

  it('is refused in a path parameter, before its own pattern is checked', async () => {
    const response = await t.get('/api/organisations/%00');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: ['param', 'orgnr'], message: expect.stringContaining('NUL'), code: 'invalid_characters' },
    ]);
  });

  it('still lets a surrogate pair through: an emoji is text like any other', async () => {
    const response = await t.send(
      'PATCH',
      '/api/clusters/hostile-a',
      { name: 'Hostile A 🙂' },
      { cookie: staff },
    );
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Hostile A 🙂');
  });
});

describe('a date in year 0000', () => {
  it('is refused as a filter of the audit trail and its export', async () => {
    for (const path of ['/api/audit-events?from=0000-01-01', '/api/audit-events.csv?to=0000-12-31']) {
      const response = await t.get(path, { headers: { cookie: staff } });
      expect(response.status, path).toBe(422);
      expect(fieldsOf(response.body)).toEqual([path.includes('from') ? 'query.from' : 'query.to']);
    }
  });

  it('is refused as the day a partnership begins', async () => {
    const response = await t.send(
      'POST',
      '/api/clusters/hostile-a/members',
      { orgnr: organisation, joinedOn: '0000-01-01' },
      { cookie: staff },
    );
    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(['body.joinedOn']);
  });
});
