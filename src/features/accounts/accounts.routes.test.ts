import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenFor } from '../../server/http/csrf';
import { setupTestApp } from '../../testing/harness';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { roleGrants } from './accounts.table';

const t = setupTestApp();
let email: string;

beforeAll(async () => {
  ({ email } = await createTestAccount(t.db, 'programme_staff', {}, { name: 'Kari Testesen' }));
});

describe('signing in and out', () => {
  it('opens a session with an httpOnly, SameSite=Lax cookie and tells who is signed in', async () => {
    const response = await t.send('POST', '/api/auth/login', {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      kind: 'account',
      name: 'Kari Testesen',
      grants: [{ role: 'programme_staff' }],
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^klynge_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await t.get('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.body).toMatchObject({ kind: 'account', email });
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const wrong = await t.send('POST', '/api/auth/login', { email, password: 'not the password at all' });
    const unknown = await t.send('POST', '/api/auth/login', {
      email: 'nobody@example.test',
      password: TEST_PASSWORD,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe('The e-mail address or the password is wrong.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('rejects a malformed login request field by field', async () => {
    const response = await t.send('POST', '/api/auth/login', { email: 'not-an-address' });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
      'body.email',
      'body.password',
    ]);
  });

  it('ends the session on logout, so the old cookie no longer works', async () => {
    const cookie = await t.signIn(email, TEST_PASSWORD);
    const out = await t.send('POST', '/api/auth/logout', undefined, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^klynge_session=;/),
        expect.stringMatching(/^klynge_csrf=;/),
      ]),
    );
    expect((await t.get('/api/auth/me', { headers: { cookie } })).body).toEqual({ kind: 'anonymous' });
  });

  it('refuses a write that carries the session cookie but comes from another site', async () => {
    const cookie = await t.signIn(email, TEST_PASSWORD);
    const forged = await t.send('POST', '/api/auth/logout', undefined, {
      cookie,
      origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('forbidden');
    expect((await t.get('/api/auth/me', { headers: { cookie } })).body.kind).toBe('account');
  });

  it("refuses a same-site write with the session cookie but without the session's CSRF token", async () => {
    const cookie = await t.signIn(email, TEST_PASSWORD);
    for (const token of [undefined, 'guessed', csrfTokenFor('another-session')]) {
      const headers: Record<string, string> = { cookie, origin: 'http://localhost' };
      if (token) headers['x-csrf-token'] = token;
      const response = await t.app.request('/api/auth/logout', { method: 'POST', headers });
      expect(response.status, String(token)).toBe(403);
    }
    expect((await t.get('/api/auth/me', { headers: { cookie } })).body.kind).toBe('account');
  });

  it('hands the browser its CSRF token in a readable cookie at sign-in', async () => {
    const response = await t.send('POST', '/api/auth/login', { email, password: TEST_PASSWORD });
    const cookies = response.headers.getSetCookie();
    const session = /^klynge_session=([^;]+)/.exec(
      cookies.find((c) => c.startsWith('klynge_session='))!,
    )![1]!;
    const csrf = cookies.find((c) => c.startsWith('klynge_csrf='))!;
    expect(csrf).toContain(`klynge_csrf=${csrfTokenFor(session)}`);
    expect(csrf).not.toContain('HttpOnly');
    expect(cookies.find((c) => c.startsWith('klynge_session='))).toContain('HttpOnly');
  });

  it('refuses a cookieless write that says it comes from another site, such as a forged sign-in', async () => {
    const forged = await t.send(
      'POST',
      '/api/auth/login',
      { email, password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
  });

  it('treats an unknown or garbled session cookie as anonymous', async () => {
    const me = await t.get('/api/auth/me', { headers: { cookie: 'klynge_session=made-up-token' } });
    expect(me.body).toEqual({ kind: 'anonymous' });
  });
});

describe('GET /api/auth/roles', () => {
  it('names the cluster or organisation each role is held for, and asks anonymous callers to sign in', async () => {
    const programme = await createProgramme(t.db);
    const cluster = await createCluster(t.db, programme, {
      slug: 'mineralklynge-nord',
      name: 'Mineralklynge Nord',
    });
    const organisation = await createOrganisation(t.db, { name: 'Rana Gruber AS' });
    const made = await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id });
    await t.db.insert(roleGrants).values({
      accountId: made.account.id,
      role: 'partner_contact',
      organisationId: organisation.id,
    });
    const cookie = await t.signIn(made.email, TEST_PASSWORD);
    const { status, body } = await t.get('/api/auth/roles', { headers: { cookie } });
    expect(status).toBe(200);
    expect(body.items).toEqual(
      expect.arrayContaining([
        {
          role: 'cluster_manager',
          cluster: { id: cluster.id, slug: 'mineralklynge-nord', name: 'Mineralklynge Nord' },
          organisation: null,
        },
        {
          role: 'partner_contact',
          cluster: null,
          organisation: { id: organisation.id, orgnr: organisation.orgnr, name: 'Rana Gruber AS' },
        },
      ]),
    );
    expect(body.items).toHaveLength(2);
    expect((await t.get('/api/auth/roles')).status).toBe(401);
  });
});
