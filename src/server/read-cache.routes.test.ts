import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { createCluster } from '../features/clusters/clusters.seed';
import { clusters } from '../features/clusters/clusters.table';
import { createMembership } from '../features/memberships/memberships.seed';
import { createOrganisation } from '../features/organisations/organisations.seed';
import { organisations } from '../features/organisations/organisations.table';
import { createProgramme, type SeededProgramme } from '../features/programme/programme.seed';
import { setupTestApp, TEST_PUBLIC_URL, TEST_TODAY } from '../testing/harness';
import { createApp } from './app';
import type { Clock } from './clock';
import { createReadCache, DEFAULT_READ_CACHE } from './http/read-cache';
import { createLogger } from './logger';

// The cache judges age by the app's clock, so the tests move time on by hand instead of waiting.
let elapsedMs = 0;
const clock: Clock = { now: () => new Date(Date.parse(TEST_TODAY) + elapsedMs) };
const t = setupTestApp({ clock, web: true });

let programme: SeededProgramme;
let manager: string;
let staff: string;

/** Changes a row behind the app's back, as another app process or the CLI would. */
async function renameClusterElsewhere(slug: string, name: string) {
  await t.db.update(clusters).set({ name }).where(eq(clusters.slug, slug));
}

const nameOf = async (path: string, init?: RequestInit) => (await t.get(path, init)).body.name;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, {
    slug: 'mineralklynge-nord',
    name: 'Mineralklynge Nord',
  });
  const staffAccount = await createTestAccount(t.db, 'programme_staff');
  const managerAccount = await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id });
  staff = await t.signIn(staffAccount.email, TEST_PASSWORD);
  manager = await t.signIn(managerAccount.email, TEST_PASSWORD);
});

describe('the read cache for anonymous public reads', () => {
  it('serves an anonymous reader the same answer for a while, and never one older than READ_CACHE_SECONDS', async () => {
    await createCluster(t.db, programme, { slug: 'havbruk-vest', name: 'Havbruk Vest' });
    const first = await t.get('/api/clusters/havbruk-vest');
    await renameClusterElsewhere('havbruk-vest', 'Havbruk Vest og Nord');

    // Kept untouched for three quarters of the TTL; after that the next reader refreshes it, and
    // by the TTL it is gone whatever happens.
    elapsedMs += (DEFAULT_READ_CACHE.ttlMs * 3) / 4 - 1;
    const again = await t.get('/api/clusters/havbruk-vest');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    elapsedMs += DEFAULT_READ_CACHE.ttlMs / 4 + 1;
    expect(await nameOf('/api/clusters/havbruk-vest')).toBe('Havbruk Vest og Nord');
  });

  it('keeps search answers by their whole query string', async () => {
    await createCluster(t.db, programme, { slug: 'romfart-nord', name: 'Romfart Nord' });
    const search = await t.get('/api/clusters?q=romfart');
    expect(search.body.items.map((c: { name: string }) => c.name)).toEqual(['Romfart Nord']);
    await renameClusterElsewhere('romfart-nord', 'Romfartsklyngen Nord');

    expect((await t.get('/api/clusters?q=romfart')).body).toEqual(search.body);
    const otherPage = await t.get('/api/clusters?q=romfart&pageSize=10');
    expect(otherPage.body.items.map((c: { name: string }) => c.name)).toEqual(['Romfartsklyngen Nord']);
  });

  it("keeps answers apart by the reader's languages and language choice", async () => {
    await createCluster(t.db, programme, { slug: 'sjomat-sor', name: 'Sjømat Sør' });
    const english = { headers: { 'accept-language': 'en-GB,en;q=0.8' } };
    expect(await nameOf('/api/clusters/sjomat-sor', english)).toBe('Sjømat Sør');
    await renameClusterElsewhere('sjomat-sor', 'Sjømatklyngen Sør');

    expect(await nameOf('/api/clusters/sjomat-sor', english)).toBe('Sjømat Sør');
    expect(await nameOf('/api/clusters/sjomat-sor', { headers: { 'accept-language': 'nb' } })).toBe(
      'Sjømatklyngen Sør',
    );
    expect(await nameOf('/api/clusters/sjomat-sor?lang=en', english)).toBe('Sjømatklyngen Sør');
    expect(
      await nameOf('/api/clusters/sjomat-sor', { headers: { ...english.headers, cookie: 'lang=nb' } }),
    ).toBe('Sjømatklyngen Sør');
  });

  it('never keeps an answer that was not a success', async () => {
    expect((await t.get('/api/clusters/ny-klynge')).status).toBe(404);
    await createCluster(t.db, programme, { slug: 'ny-klynge', name: 'Ny Klynge' });
    expect(await nameOf('/api/clusters/ny-klynge')).toBe('Ny Klynge');

    expect((await t.get('/api/clusters?level=champions')).status).toBe(422);
  });

  it('never serves a signed-in reader from it', async () => {
    await createCluster(t.db, programme, { slug: 'batteri-sor', name: 'Batteri Sør' });
    const anonymous = await t.get('/api/clusters/batteri-sor');
    await renameClusterElsewhere('batteri-sor', 'Batteriklyngen Sør');

    expect(await nameOf('/api/clusters/batteri-sor', { headers: { cookie: staff } })).toBe(
      'Batteriklyngen Sør',
    );
    expect((await t.get('/api/clusters/batteri-sor')).body).toEqual(anonymous.body);
  });

  it('is bypassed by any session cookie or Authorization header, even one that signs nobody in', async () => {
    await createCluster(t.db, programme, { slug: 'treklynge-ost', name: 'Treklynge Øst' });
    await t.get('/api/clusters/treklynge-ost');
    await renameClusterElsewhere('treklynge-ost', 'Treklyngen Øst');

    expect(
      await nameOf('/api/clusters/treklynge-ost', { headers: { cookie: 'klynge_session=expired' } }),
    ).toBe('Treklyngen Øst');
    expect(
      await nameOf('/api/clusters/treklynge-ost', { headers: { authorization: 'Basic a2x5bmdlOg==' } }),
    ).toBe('Treklyngen Øst');
    expect(await nameOf('/api/clusters/treklynge-ost')).toBe('Treklynge Øst');
  });

  it('never serves a reader with an API token from it, and a write made with a token clears it', async () => {
    const created = await t.send(
      'POST',
      '/api/auth/tokens',
      { name: 'Partner sync', permissions: ['memberships.manage'] },
      { cookie: manager },
    );
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const partnersOf = async (init?: RequestInit) =>
      (await t.get('/api/clusters/mineralklynge-nord', init)).body.activeMembers;
    const before = await partnersOf();
    // A partner added behind the app's back: only a reader who bypasses the cache sees it.
    const [cluster] = await t.db.select().from(clusters).where(eq(clusters.slug, 'mineralklynge-nord'));
    const elsewhere = await createOrganisation(t.db, { name: 'Kystgruva AS' });
    await createMembership(t.db, { clusterId: cluster!.id, organisationId: elsewhere.id });

    expect(await partnersOf({ headers: bearer })).toBe(before + 1);
    const refused = await t.get('/api/clusters/mineralklynge-nord', {
      headers: { authorization: 'Bearer klynge_nonsense' },
    });
    expect(refused.status).toBe(401);
    expect(await partnersOf()).toBe(before);

    const organisation = await createOrganisation(t.db, { name: 'Fjordgruva AS' });
    const added = await t.app.request('/api/clusters/mineralklynge-nord/members', {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ orgnr: organisation.orgnr, role: 'partner', joinedOn: '2026-01-01' }),
    });
    expect(added.status).toBe(201);
    expect(await partnersOf()).toBe(before + 2);
  });

  it('is cleared when a partner is added, so the next anonymous read shows the new partner', async () => {
    const organisation = await createOrganisation(t.db, { name: 'Fjellgruva AS' });
    const profile = await t.get('/api/clusters/mineralklynge-nord');
    const before = await t.get(`/api/organisations/${organisation.orgnr}`);
    expect(before.body.memberships).toEqual([]);

    const added = await t.send(
      'POST',
      '/api/clusters/mineralklynge-nord/members',
      { orgnr: organisation.orgnr, role: 'partner', joinedOn: '2026-01-01' },
      { cookie: manager },
    );
    expect(added.status).toBe(201);

    const after = await t.get(`/api/organisations/${organisation.orgnr}`);
    expect(after.body.memberships).toEqual([
      expect.objectContaining({ cluster: { slug: 'mineralklynge-nord', name: 'Mineralklynge Nord' } }),
    ]);
    const profileAfter = await t.get('/api/clusters/mineralklynge-nord');
    expect(profileAfter.body.activeMembers).toBe(profile.body.activeMembers + 1);
  });

  it("is cleared when an organisation's actor type is overridden", async () => {
    const cluster = await createCluster(t.db, programme, { slug: 'helse-midt', name: 'Helse Midt' });
    const organisation = await createOrganisation(t.db, { name: 'Midt Laboratorier AS', actorType: 'sme' });
    await createMembership(t.db, { clusterId: cluster.id, organisationId: organisation.id });
    expect((await t.get(`/api/organisations/${organisation.orgnr}`)).body.actorType).toBe('sme');

    const set = await t.send(
      'PUT',
      `/api/organisations/${organisation.orgnr}/actor-type`,
      { actorType: 'research' },
      { cookie: staff },
    );
    expect(set.status).toBe(200);
    expect((await t.get(`/api/organisations/${organisation.orgnr}`)).body).toMatchObject({
      actorType: 'research',
      actorTypeOverridden: true,
    });
  });

  it('is cleared when a manager edits the cluster profile', async () => {
    const before = await t.get('/api/clusters/mineralklynge-nord');
    expect(before.body.shortName).not.toBe('MKN');
    const edited = await t.send(
      'PATCH',
      '/api/clusters/mineralklynge-nord',
      { shortName: 'MKN' },
      { cookie: manager },
    );
    expect(edited.status).toBe(200);
    expect((await t.get('/api/clusters/mineralklynge-nord')).body.shortName).toBe('MKN');
  });

  it('never gives an anonymous reader the contact details only signed-in readers get, whoever read first', async () => {
    const contact = { contactEmail: 'post@kobber.example', contactPhone: '+47 75 00 00 00' };
    const signedInFirst = await createOrganisation(t.db, { name: 'Kobberverket AS', ...contact });
    const anonymousFirst = await createOrganisation(t.db, { name: 'Sinkverket AS', ...contact });
    const signedIn = { headers: { cookie: staff } };
    const shown = { email: 'post@kobber.example', phone: '+47 75 00 00 00' };

    expect((await t.get(`/api/organisations/${signedInFirst.orgnr}`, signedIn)).body.contact).toEqual(shown);
    expect((await t.get(`/api/organisations/${signedInFirst.orgnr}`)).body.contact).toBeNull();
    expect((await t.get(`/api/organisations/${signedInFirst.orgnr}`)).body.contact).toBeNull();

    expect((await t.get(`/api/organisations/${anonymousFirst.orgnr}`)).body.contact).toBeNull();
    expect((await t.get(`/api/organisations/${anonymousFirst.orgnr}`, signedIn)).body.contact).toEqual(shown);
  });

  it('is left alone by a refused write, which changed nothing', async () => {
    const organisation = await createOrganisation(t.db, { name: 'Nordlys Energi AS' });
    const kept = await t.get(`/api/organisations/${organisation.orgnr}`);
    await t.db
      .update(organisations)
      .set({ name: 'Nordlys Kraft AS' })
      .where(eq(organisations.orgnr, organisation.orgnr));

    const refused = await t.send(
      'POST',
      '/api/clusters/mineralklynge-nord/members',
      { orgnr: '923609017' },
      { cookie: manager },
    );
    expect(refused.status).toBe(422);
    expect((await t.get(`/api/organisations/${organisation.orgnr}`)).body).toEqual(kept.body);
  });

  it('is off with a TTL of 0 (READ_CACHE_SECONDS=0): every read reaches the database', async () => {
    const uncached = createApp({
      database: t.database,
      clock,
      files: t.files,
      logger: createLogger('silent'),
      publicUrl: TEST_PUBLIC_URL,
      readCache: createReadCache(clock, { ...DEFAULT_READ_CACHE, ttlMs: 0 }),
    });
    await createCluster(t.db, programme, { slug: 'uten-mellomlager', name: 'Uten Mellomlager' });
    const read = async () =>
      ((await (await uncached.request('/api/clusters/uten-mellomlager')).json()) as { name: string }).name;
    expect(await read()).toBe('Uten Mellomlager');
    await renameClusterElsewhere('uten-mellomlager', 'Uten Mellomlager Nå');
    expect(await read()).toBe('Uten Mellomlager Nå');
  });
});

describe('kept answers over HTTP, through the Node server', () => {
  it('carry the same headers as the computed answer, and leave signed-in readers to the database', async () => {
    await createCluster(t.db, programme, { slug: 'kobber-nord', name: 'Kobber Nord' });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((listening) => server.once('listening', listening));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const read = (headers?: Record<string, string>) =>
        fetch(`${base}/api/clusters/kobber-nord`, { headers });
      const computed = await read({ 'accept-language': 'en' });
      const computedBody = await computed.json();
      await renameClusterElsewhere('kobber-nord', 'Kobberklyngen Nord');

      const kept = await read({ 'accept-language': 'en', 'x-request-id': 'edge-7' });
      expect(await kept.json()).toEqual(computedBody);
      const withoutOwn = (headers: Headers) =>
        [...headers].filter(
          ([name]) => !['x-request-id', 'date', 'content-length', 'keep-alive', 'connection'].includes(name),
        );
      expect(withoutOwn(kept.headers)).toEqual(withoutOwn(computed.headers));
      expect(kept.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(kept.headers.get('x-request-id')).toBe('edge-7');

      // Read from the raw Node headers: another language, a session cookie or a token all miss it.
      expect((await (await read({ 'accept-language': 'nb' })).json()).name).toBe('Kobberklyngen Nord');
      expect((await (await read({ 'accept-language': 'en', cookie: staff })).json()).name).toBe(
        'Kobberklyngen Nord',
      );
      expect((await (await read({ 'accept-language': 'en', authorization: 'Bearer x' })).json()).status).toBe(
        401,
      );
      expect((await (await read({ 'accept-language': 'en' })).json()).name).toBe('Kobber Nord');
    } finally {
      await new Promise((closed) => {
        server.close(closed);
        (server as import('node:http').Server).closeAllConnections();
      });
    }
  });
});

describe('server-rendered pages and the read cache', () => {
  it("give a signed-in visitor the database's answer, not an anonymous one kept for the page", async () => {
    await createCluster(t.db, programme, { slug: 'vindkraft-vest', name: 'Vindkraft Vest' });
    expect((await t.get('/clusters/vindkraft-vest')).body).toMatch(/<h1[^>]*>Vindkraft Vest</);
    await renameClusterElsewhere('vindkraft-vest', 'Vindkraftklyngen Vest');

    const signedIn = await t.get('/clusters/vindkraft-vest', { headers: { cookie: staff } });
    expect(signedIn.body).toMatch(/<h1[^>]*>Vindkraftklyngen Vest</);
    // The anonymous page is built on the kept answer until it expires.
    expect((await t.get('/clusters/vindkraft-vest')).body).toMatch(/<h1[^>]*>Vindkraft Vest</);
    elapsedMs += DEFAULT_READ_CACHE.ttlMs;
    expect((await t.get('/clusters/vindkraft-vest')).body).toMatch(/<h1[^>]*>Vindkraftklyngen Vest</);
  });

  it("render an anonymous visitor's page in their language when another language's page read it first", async () => {
    await createCluster(t.db, programme, {
      slug: 'solkraft-nord',
      name: 'Solkraft Nord',
      engagements: [{ level: 'arena', startsOn: '2024-01-01', plannedEndOn: '2027-12-31' }],
    });
    const norwegian = await t.get('/clusters/solkraft-nord');
    expect(norwegian.body).toContain('<html lang="nb"');
    expect(norwegian.body).toContain('Nivåhistorikk');

    const english = await t.get('/clusters/solkraft-nord', { headers: { 'accept-language': 'en' } });
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('Level history');
    const chosen = await t.get('/clusters/solkraft-nord', { headers: { cookie: 'lang=en' } });
    expect(chosen.body).toContain('Level history');
    expect((await t.get('/clusters/solkraft-nord')).body).toContain('Nivåhistorikk');
  });
});
