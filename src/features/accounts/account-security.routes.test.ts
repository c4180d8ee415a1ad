import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, TEST_TODAY } from '../../testing/harness';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { mailMessages } from '../mail/mail.table';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { apiTokens } from './accounts.table';

const t = setupTestApp();
let cluster: { id: string; slug: string };
let organisation: { orgnr: string };

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  cluster = await createCluster(t.db, programme, { slug: 'arctic-cluster-team' });
  organisation = await createOrganisation(t.db, { name: 'Klassifisert AS', actorType: 'sme' });
});

async function resetCodeFor(email: string): Promise<string | undefined> {
  const [message] = await t.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, email))
    .orderBy(desc(mailMessages.createdAt));
  return /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(message?.textBody ?? '')?.[1];
}

describe('password reset', () => {
  it('answers the same for a known and an unknown address, and mails a link only to the known one', async () => {
    const { email } = await createTestAccount(t.db, 'assessor');
    const known = await t.send('POST', '/api/auth/password-reset', { email });
    const unknown = await t.send('POST', '/api/auth/password-reset', { email: 'nobody@example.test' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(await resetCodeFor(email)).toBeDefined();
    expect(await resetCodeFor('nobody@example.test')).toBeUndefined();
  });

  it('writes the reset mail in the language the form was asked in, with a date in that language', async () => {
    const english = await createTestAccount(t.db, 'assessor');
    const norwegian = await createTestAccount(t.db, 'assessor');
    await t.send(
      'POST',
      '/api/auth/password-reset',
      { email: english.email },
      { headers: { cookie: 'lang=en' } },
    );
    await t.send(
      'POST',
      '/api/auth/password-reset',
      { email: norwegian.email },
      { headers: { 'accept-language': 'nb-NO,nb;q=0.9' } },
    );
    const latest = async (email: string) =>
      (await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)))[0]!;
    const inEnglish = await latest(english.email);
    expect(inEnglish.subject).toBe('New password for Klynge');
    // An hour after 15 June 2026 at 12:00 in Oslo.
    expect(inEnglish.textBody).toContain('until 15 June 2026 at 13:00 Norwegian time');
    expect(inEnglish.textBody).not.toContain('Hei ');
    const inNorwegian = await latest(norwegian.email);
    expect(inNorwegian.subject).toBe('Nytt passord i Klynge');
    expect(inNorwegian.textBody).toContain('til 15. juni 2026 kl. 13:00');
    expect(inNorwegian.textBody).not.toContain('Hello');
  });

  it('sets the new password once, ends every old session, and signs in with the new one', async () => {
    const { email } = await createTestAccount(t.db, 'assessor');
    const oldSession = await t.signIn(email, TEST_PASSWORD);
    await t.send('POST', '/api/auth/password-reset', { email });
    const token = (await resetCodeFor(email))!;
    const newPassword = 'a new and rather long passphrase';

    const weak = await t.send('POST', '/api/auth/password-reset/complete', { token, password: 'qwerty123' });
    expect(weak.status).toBe(422);

    const done = await t.send('POST', '/api/auth/password-reset/complete', { token, password: newPassword });
    expect(done.status).toBe(200);
    expect(done.body.email).toBe(email);
    expect((await t.get('/api/auth/me', { headers: { cookie: oldSession } })).body.kind).toBe('anonymous');
    expect((await t.send('POST', '/api/auth/login', { email, password: TEST_PASSWORD })).status).toBe(401);
    await t.signIn(email, newPassword);

    const reused = await t.send('POST', '/api/auth/password-reset/complete', {
      token,
      password: 'yet another long passphrase',
    });
    expect(reused.status).toBe(409);
  });

  it('refuses a link after an hour', async () => {
    const { email } = await createTestAccount(t.db, 'assessor');
    await t.send('POST', '/api/auth/password-reset', { email });
    const token = (await resetCodeFor(email))!;
    const later = t.at(new Date(new Date(TEST_TODAY).getTime() + 61 * 60_000).toISOString());
    const response = await later.send('POST', '/api/auth/password-reset/complete', {
      token,
      password: 'a new and rather long passphrase',
    });
    expect(response.status).toBe(409);
  });

  it('sends at most three links an hour to one account', async () => {
    const { email } = await createTestAccount(t.db, 'assessor');
    for (let i = 0; i < 5; i++) await t.send('POST', '/api/auth/password-reset', { email });
    const sent = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(sent).toHaveLength(3);
  });
});

describe('sessions', () => {
  it('lists where the account is signed in, ends one, and logs out everywhere', async () => {
    const { email } = await createTestAccount(t.db, 'assessor');
    const first = await t.signIn(email, TEST_PASSWORD);
    const second = await t.signIn(email, TEST_PASSWORD);
    const third = await t.signIn(email, TEST_PASSWORD);
    const list = await t.get('/api/auth/sessions', { headers: { cookie: first } });
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect(
      (await t.send('DELETE', `/api/auth/sessions/${other.id}`, undefined, { cookie: first })).status,
    ).toBe(200);
    const remaining = await t.get('/api/auth/sessions', { headers: { cookie: first } });
    expect(remaining.body.items).toHaveLength(2);

    const everywhere = await t.send('DELETE', '/api/auth/sessions', undefined, { cookie: first });
    expect(everywhere.body).toEqual({ ended: 2 });
    for (const cookie of [first, second, third]) {
      expect((await t.get('/api/auth/me', { headers: { cookie } })).body.kind).toBe('anonymous');
    }
  });

  it("cannot end another account's session", async () => {
    const a = await createTestAccount(t.db, 'assessor');
    const b = await createTestAccount(t.db, 'assessor');
    const aCookie = await t.signIn(a.email, TEST_PASSWORD);
    const bCookie = await t.signIn(b.email, TEST_PASSWORD);
    const [bSession] = (await t.get('/api/auth/sessions', { headers: { cookie: bCookie } })).body.items;
    expect(
      (await t.send('DELETE', `/api/auth/sessions/${bSession.id}`, undefined, { cookie: aCookie })).status,
    ).toBe(404);
    expect((await t.get('/api/auth/me', { headers: { cookie: bCookie } })).body.kind).toBe('account');
  });
});

describe('API tokens', () => {
  it('acts as its owner with only the permissions it was given, records its use, and stops when withdrawn', async () => {
    const { email } = await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id });
    const cookie = await t.signIn(email, TEST_PASSWORD);
    const created = await t.send(
      'POST',
      '/api/auth/tokens',
      { name: 'Partner sync', permissions: ['memberships.manage'] },
      { cookie },
    );
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^klynge_/);
    const [stored] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.body.id));
    expect(stored!.tokenHash).not.toContain(created.body.token);
    const bearer = { authorization: `Bearer ${created.body.token}` };

    const me = await t.get('/api/auth/me', { headers: bearer });
    expect(me.body).toMatchObject({ kind: 'account', email, tokenPermissions: ['memberships.manage'] });

    // Allowed: the token holds memberships.manage. No cookie, so no Origin is needed.
    const added = await t.app.request(`/api/clusters/${cluster.slug}/members`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ orgnr: organisation.orgnr, role: 'partner', joinedOn: '2026-01-01' }),
    });
    expect(added.status).toBe(201);
    // Refused: the owner may classify organisations, but this token may not.
    const classify = await t.app.request(`/api/organisations/${organisation.orgnr}/actor-type`, {
      method: 'PUT',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ actorType: 'large_company' }),
    });
    expect(classify.status).toBe(403);
    // A token cannot make more tokens.
    const minted = await t.app.request('/api/auth/tokens', {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'More', permissions: [] }),
    });
    expect(minted.status).toBe(403);

    const list = await t.get('/api/auth/tokens', { headers: { cookie } });
    expect(list.body.items[0]).toMatchObject({ name: 'Partner sync', lastUsedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    expect(
      (await t.send('DELETE', `/api/auth/tokens/${created.body.id}`, undefined, { cookie })).status,
    ).toBe(200);
    const after = await t.get('/api/auth/me', { headers: bearer });
    expect(after.status).toBe(401);
    const actions = (
      await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.body.id))
    ).map((e) => e.action);
    expect(actions.sort()).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('cannot hold more than its owner may do, and refuses expired and unknown tokens', async () => {
    const { email } = await createTestAccount(t.db, 'assessor');
    const cookie = await t.signIn(email, TEST_PASSWORD);
    const beyond = await t.send(
      'POST',
      '/api/auth/tokens',
      { name: 'Too much', permissions: ['audit.read'] },
      { cookie },
    );
    expect(beyond.status).toBe(422);
    expect(beyond.body.errors[0].path).toEqual(['body', 'permissions', 0]);

    const short = await t.send(
      'POST',
      '/api/auth/tokens',
      { name: 'Short', permissions: [], expiresInDays: 1 },
      { cookie },
    );
    const later = t.at(new Date(new Date(TEST_TODAY).getTime() + 2 * 86_400_000).toISOString());
    expect(
      (await later.get('/api/auth/me', { headers: { authorization: `Bearer ${short.body.token}` } })).status,
    ).toBe(401);
    expect(
      (await t.get('/api/auth/me', { headers: { authorization: 'Bearer klynge_nonsense' } })).status,
    ).toBe(401);
  });

  it("cannot withdraw someone else's token", async () => {
    const a = await createTestAccount(t.db, 'assessor');
    const b = await createTestAccount(t.db, 'assessor');
    const aCookie = await t.signIn(a.email, TEST_PASSWORD);
    const bCookie = await t.signIn(b.email, TEST_PASSWORD);
    const token = await t.send(
      'POST',
      '/api/auth/tokens',
      { name: 'B', permissions: [] },
      { cookie: bCookie },
    );
    expect(
      (await t.send('DELETE', `/api/auth/tokens/${token.body.id}`, undefined, { cookie: aCookie })).status,
    ).toBe(404);
  });
});
