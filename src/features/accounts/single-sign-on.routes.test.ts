import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/app';
import { fixedClock } from '../../server/clock';
import { createLogger } from '../../server/logger';
import { DIST_DIR } from '../../server/paths';
import { systemContext } from '../../server/service-context';
import { setupTestApp, TEST_PUBLIC_URL, TEST_TODAY } from '../../testing/harness';
import { CONFIDENTIAL_CLIENT, startTestProvider, type TestProvider } from '../../testing/oidc-provider';
import { loadWebAssets } from '../../web/shell/server/web.routes';
import { auditEvents } from '../audit/audit.table';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { createAccount } from './accounts.service';
import { accounts, oidcIdentities } from './accounts.table';
import type { SingleSignOnSettings } from './oidc-client';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({
    redirectUris: ['http://localhost/api/auth/oidc/callback'],
    people: {},
  });
});
afterAll(() => provider?.close());

const t = setupTestApp({ singleSignOn: () => provider.settings() });

/** The same database behind an app built differently: another clock, another client, no demo accounts. */
function otherApp(options: {
  singleSignOn?: SingleSignOnSettings;
  allowDemoAccounts?: boolean;
  now?: string;
  web?: boolean;
}) {
  return createApp({
    database: t.database,
    clock: fixedClock(options.now ?? TEST_TODAY),
    files: t.files,
    logger: createLogger('silent'),
    allowDemoAccounts: options.allowDemoAccounts ?? true,
    singleSignOn: options.singleSignOn,
    web: options.web ? loadWebAssets(DIST_DIR) : undefined,
    publicUrl: TEST_PUBLIC_URL,
  });
}

function cookieFrom(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair !== `${name}=`);
}

/** Start at Klynge, sign in at the provider as `login`, and come back: what Klynge answers the callback with. */
async function signInThroughProvider(
  login: string,
  options: { returnTo?: string; decline?: boolean; start?: App; finish?: App } = {},
) {
  const start = options.start ?? t.app;
  const query = options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const started = await start.request(`/api/auth/oidc/start${query}`);
  expect(started.status).toBe(302);
  const flowCookie = cookieFrom(started, 'klynge_sso')!;
  expect(flowCookie).toBeDefined();
  const callback = await provider.signIn(started.headers.get('location')!, login, options);
  expect(`${callback.origin}${callback.pathname}`).toBe('http://localhost/api/auth/oidc/callback');
  const path = `${callback.pathname}${callback.search}`;
  const finished = await (options.finish ?? start).request(path, { headers: { cookie: flowCookie } });
  return { finished, path, flowCookie, location: finished.headers.get('location') };
}

async function whoIs(session: string | undefined) {
  return (await t.get('/api/auth/me', { headers: session ? { cookie: session } : {} })).body;
}

async function linksOf(accountId: string) {
  const [identities] = await t.db
    .select({ n: count() })
    .from(oidcIdentities)
    .where(eq(oidcIdentities.accountId, accountId));
  const [audits] = await t.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, accountId), eq(auditEvents.action, 'account.identity_linked')));
  return { identities: identities!.n, audits: audits!.n };
}

describe('single sign-on through an OpenID Connect provider', () => {
  it('tells the web app that single sign-on is offered, and by whom', async () => {
    const { status, body } = await t.get('/api/auth/methods');
    expect(status).toBe(200);
    expect(body).toEqual({ password: true, singleSignOn: { name: 'Testleverandøren' } });
  });

  it('signs in a person whose verified e-mail matches an account, links the identity and returns them', async () => {
    const { account, email } = await createTestAccount(
      t.db,
      'programme_staff',
      {},
      { name: 'Kari Nordmann' },
    );
    provider.people.set('kari', { email: email.toUpperCase(), email_verified: true, name: 'Kari N.' });

    const { finished, location } = await signInThroughProvider('kari', {
      returnTo: '/clusters/arctic-cluster-team?tab=partners',
    });
    expect(finished.status).toBe(302);
    expect(location).toBe('/clusters/arctic-cluster-team?tab=partners');
    const session = cookieFrom(finished, 'klynge_session');
    expect(finished.headers.get('set-cookie')).toContain('HttpOnly');
    expect(await whoIs(session)).toMatchObject({
      kind: 'account',
      accountId: account.id,
      name: 'Kari Nordmann',
    });
    expect(await linksOf(account.id)).toEqual({ identities: 1, audits: 1 });
  });

  it('finds a linked person by their identity the next time, even after their e-mail at the provider changes', async () => {
    const { account, email } = await createTestAccount(t.db, 'assessor');
    provider.people.set('ola', { email, email_verified: true });
    await signInThroughProvider('ola');
    provider.people.set('ola', { email: 'ola.privat@elsewhere.example', email_verified: false });

    const { finished, location } = await signInThroughProvider('ola');
    expect(location).toBe('/');
    expect(await whoIs(cookieFrom(finished, 'klynge_session'))).toMatchObject({ accountId: account.id });
    expect(await linksOf(account.id)).toEqual({ identities: 1, audits: 1 });
  });

  it('signs nobody in and creates no account when no account matches', async () => {
    provider.people.set('stranger', { email: 'stranger@nowhere.example', email_verified: true });
    const [before] = await t.db.select({ n: count() }).from(accounts);

    const { finished, location } = await signInThroughProvider('stranger', { returnTo: '/organisations' });
    expect(location).toBe('/login?sso_error=no_account&next=%2Forganisations');
    expect(cookieFrom(finished, 'klynge_session')).toBeUndefined();
    const [after] = await t.db.select({ n: count() }).from(accounts);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses an e-mail address the provider has not verified, even when it matches an account', async () => {
    const { account, email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('unverified', { email, email_verified: false });

    const { finished, location } = await signInThroughProvider('unverified');
    expect(location).toBe('/login?sso_error=unverified');
    expect(cookieFrom(finished, 'klynge_session')).toBeUndefined();
    expect(await linksOf(account.id)).toEqual({ identities: 0, audits: 0 });
  });

  it('uses the sign-in once: the same answer from the provider replayed is refused', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('replay', { email, email_verified: true });
    const { finished, path, flowCookie } = await signInThroughProvider('replay');
    expect(cookieFrom(finished, 'klynge_session')).toBeDefined();

    const replayed = await t.app.request(path, { headers: { cookie: flowCookie } });
    expect(replayed.headers.get('location')).toBe('/login?sso_error=stale');
    expect(cookieFrom(replayed, 'klynge_session')).toBeUndefined();
  });

  it('refuses an answer that does not carry the state this browser was given', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('forged', { email, email_verified: true });
    const started = await t.app.request('/api/auth/oidc/start');
    const flowCookie = cookieFrom(started, 'klynge_sso')!;
    const callback = await provider.signIn(started.headers.get('location')!, 'forged');
    const path = `${callback.pathname}${callback.search}`;

    // Another browser (no cookie, or another flow's) cannot finish it: a forged sign-in link.
    const elsewhere = await t.app.request(path);
    const otherFlow = cookieFrom(await t.app.request('/api/auth/oidc/start'), 'klynge_sso')!;
    const mixed = await t.app.request(path, { headers: { cookie: otherFlow } });
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'made-up');
    const madeUp = await t.app.request(`${tampered.pathname}${tampered.search}`, {
      headers: { cookie: flowCookie },
    });
    for (const refused of [elsewhere, mixed, madeUp]) {
      expect(refused.headers.get('location')).toBe('/login?sso_error=stale');
      expect(cookieFrom(refused, 'klynge_session')).toBeUndefined();
    }
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('slow', { email, email_verified: true });
    const later = otherApp({
      singleSignOn: provider.settings(),
      now: new Date(Date.parse(TEST_TODAY) + 11 * 60_000).toISOString(),
    });
    const { location } = await signInThroughProvider('slow', { finish: later });
    expect(location).toBe('/login?sso_error=stale');
  });

  it.each([
    ['another site', 'https://evil.example/phish'],
    ['a protocol-relative address', '//evil.example/phish'],
    ['a backslash trick', '/\\evil.example'],
  ])('goes to the front page rather than to %s after signing in', async (_what, returnTo) => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('returning', { email, email_verified: true });
    const { finished, location } = await signInThroughProvider('returning', { returnTo });
    expect(location).toBe('/');
    expect(cookieFrom(finished, 'klynge_session')).toBeDefined();
  });

  it('says so when the person declines at the provider', async () => {
    provider.people.set('decliner', { email: 'decliner@example.test', email_verified: true });
    const { location } = await signInThroughProvider('decliner', {
      decline: true,
      returnTo: '/organisations',
    });
    expect(location).toBe('/login?sso_error=cancelled&next=%2Forganisations');
  });

  it('refuses demo accounts where demo accounts may not sign in', async () => {
    const email = 'demo-sso@demo.example';
    await createAccount(systemContext(t.db, t.clock), {
      name: 'Demo',
      email,
      password: 'a long and private phrase',
      grants: [],
      isDemo: true,
    });
    provider.people.set('demo', { email, email_verified: true });
    const production = otherApp({ singleSignOn: provider.settings(), allowDemoAccounts: false });

    const { finished, location } = await signInThroughProvider('demo', { start: production });
    expect(location).toBe('/login?sso_error=no_account');
    expect(cookieFrom(finished, 'klynge_session')).toBeUndefined();
  });

  it('signs in with a confidential client that authenticates with its secret', async () => {
    const { account, email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('confidential', { email, email_verified: true });
    const confidential = otherApp({
      singleSignOn: provider.settings({
        clientId: CONFIDENTIAL_CLIENT.id,
        clientSecret: CONFIDENTIAL_CLIENT.secret,
      }),
    });
    const { finished } = await signInThroughProvider('confidential', { start: confidential });
    expect(await whoIs(cookieFrom(finished, 'klynge_session'))).toMatchObject({ accountId: account.id });
  });

  it('matches on another claim when configured to, without asking for a verified e-mail', async () => {
    const { account, email } = await createTestAccount(t.db, 'programme_staff');
    provider.people.set('by-name', { name: email });
    const byName = otherApp({ singleSignOn: provider.settings({ matchClaim: 'name' }) });
    const { finished } = await signInThroughProvider('by-name', { start: byName });
    expect(await whoIs(cookieFrom(finished, 'klynge_session'))).toMatchObject({ accountId: account.id });
  });

  it('sends people back to the sign-in page when the provider cannot be reached', async () => {
    const unreachable = otherApp({ singleSignOn: provider.settings({ issuer: 'http://127.0.0.1:1' }) });
    const started = await unreachable.request('/api/auth/oidc/start?returnTo=/organisations');
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toBe('/login?sso_error=unavailable&next=%2Forganisations');
  });

  it('offers no single sign-on when none is configured', async () => {
    const without = otherApp({});
    expect(await (await without.request('/api/auth/methods')).json()).toEqual({
      password: true,
      singleSignOn: null,
    });
    const started = await without.request('/api/auth/oidc/start');
    expect(started.headers.get('location')).toBe('/login?sso_error=unavailable');
  });
});

describe('the sign-in page', () => {
  it('offers the provider, keeping where to go afterwards', async () => {
    const page = await (
      await otherApp({ singleSignOn: provider.settings(), web: true }).request(
        '/login?next=/organisations&lang=en',
      )
    ).text();
    expect(page).toContain('href="/api/auth/oidc/start?returnTo=%2Forganisations"');
    expect(page).toContain('Sign in with Testleverandøren');
    expect(page).toContain('autoComplete="current-password"');
  });

  it("explains a failed single sign-on in the reader's language and ignores unknown codes", async () => {
    const web = otherApp({ singleSignOn: provider.settings(), web: true });
    const english = await (await web.request('/login?sso_error=no_account&lang=en')).text();
    expect(english).toContain('This identity does not give access to Klynge.');
    const norwegian = await (await web.request('/login?sso_error=stale&lang=nb')).text();
    expect(norwegian).toContain(
      'Innloggingen var utløpt, allerede brukt eller startet i en annen nettleser.',
    );
    const unknown = await (await web.request('/login?sso_error=toString&lang=en')).text();
    expect(unknown).not.toContain('role="alert"');
  });

  it('shows no provider button when single sign-on is not configured', async () => {
    const page = await (await otherApp({ web: true }).request('/login?lang=en')).text();
    expect(page).not.toContain('/api/auth/oidc/start');
  });
});

describe('linking an identity to the signed-in account', () => {
  /** Start linking as the holder of `session`, sign in at the provider as `login`, come back with the same cookies. */
  async function linkThroughProvider(session: string, login: string) {
    const started = await t.app.request('/api/auth/oidc/start?link=true&returnTo=/account', {
      headers: { cookie: session },
    });
    expect(started.status).toBe(302);
    const flowCookie = cookieFrom(started, 'klynge_sso')!;
    const callback = await provider.signIn(started.headers.get('location')!, login, {});
    const finished = await t.app.request(`${callback.pathname}${callback.search}`, {
      headers: { cookie: `${flowCookie}; ${session}` },
    });
    return { finished, location: finished.headers.get('location') };
  }

  it('links an identity that carries no e-mail (as ID-porten does), after which it signs in by itself', async () => {
    const { account, email } = await createTestAccount(t.db, 'programme_staff', {}, { name: 'Siv Stab' });
    const session = await t.signIn(email, TEST_PASSWORD);
    // Like ID-porten: a national identity number as subject and no e-mail address at all.
    provider.people.set('15057712345', { name: 'Siv Stab' });

    expect((await signInThroughProvider('15057712345')).location).toBe('/login?sso_error=unverified');

    const { finished, location } = await linkThroughProvider(session, '15057712345');
    expect(finished.status).toBe(302);
    expect(location).toBe('/account?sso_linked=true');
    expect(cookieFrom(finished, 'klynge_session')).toBeUndefined();
    expect(await linksOf(account.id)).toEqual({ identities: 1, audits: 1 });

    const again = await signInThroughProvider('15057712345');
    expect(again.location).toBe('/');
    expect(await whoIs(cookieFrom(again.finished, 'klynge_session'))).toMatchObject({
      accountId: account.id,
    });
  });

  it("refuses an identity already linked to someone else's account, and changes nothing", async () => {
    const first = await createTestAccount(t.db, 'assessor');
    const second = await createTestAccount(t.db, 'assessor');
    provider.people.set('shared-identity', {});
    await linkThroughProvider(await t.signIn(first.email, TEST_PASSWORD), 'shared-identity');
    const { location } = await linkThroughProvider(
      await t.signIn(second.email, TEST_PASSWORD),
      'shared-identity',
    );
    expect(location).toBe('/account?sso_error=linked_elsewhere');
    expect(await linksOf(first.account.id)).toEqual({ identities: 1, audits: 1 });
    expect(await linksOf(second.account.id)).toEqual({ identities: 0, audits: 0 });
  });

  it('sends an anonymous visitor who asks to link to the sign-in page instead', async () => {
    const started = await t.app.request('/api/auth/oidc/start?link=true&returnTo=/account');
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toBe('/login?next=%2Faccount');
  });
});
