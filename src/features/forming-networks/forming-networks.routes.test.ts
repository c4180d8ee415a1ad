import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { systemContext } from '../../server/service-context';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createAccount } from '../accounts/accounts.service';
import { apiTokens, roleGrants } from '../accounts/accounts.table';
import { hashSecret, newSecret } from '../accounts/secret-tokens';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { linkNodeToHub } from '../clusters/clusters.service';
import { clusters } from '../clusters/clusters.table';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';

const t = setupTestApp({ web: true });
let host: { id: string; orgnr: string };
let partner: { orgnr: string };
let hub: { id: string; slug: string };
let people: Record<'founder' | 'stranger' | 'staff' | 'otherManager', string>;
let founderAccountId: string;
/** The network the founder registers in the first test, which the reads below look for. */
let network: { id: string; slug: string; name: string };

let sequence = 0;
/** A person with an account and no role at all, as one who signed up themselves is. */
async function signedUpPerson(name: string) {
  sequence += 1;
  const email = `selv-${process.pid}-${sequence}@example.test`;
  const account = await createAccount(systemContext(t.db, systemClock), {
    name,
    email,
    password: TEST_PASSWORD,
    grants: [],
  });
  return { account, cookie: await t.signIn(email, TEST_PASSWORD) };
}

const register = (body: Record<string, unknown>, cookie?: string) =>
  t.send('POST', '/api/clusters', body, cookie ? { cookie } : {});

const as = (path: string, cookie?: string) => t.get(path, cookie ? { headers: { cookie } } : undefined);

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  host = await createOrganisation(t.db, { name: 'Grønn Vekst Næringsforening' });
  partner = await createOrganisation(t.db, { name: 'Tareprodusenten AS' });
  hub = await createCluster(t.db, programme, {
    slug: 'blue-hub',
    name: 'Blue Hub',
    engagements: [{ level: 'arena_pro', startsOn: '2020-01-01', plannedEndOn: '2029-12-31' }],
  });
  const other = await createCluster(t.db, programme, { slug: 'annen-klynge', name: 'Annen Klynge' });
  const founder = await signedUpPerson('Frida Grunnlegger');
  founderAccountId = founder.account.id;
  people = {
    founder: founder.cookie,
    stranger: (await signedUpPerson('Stian Fremmed')).cookie,
    staff: await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD),
    otherManager: await t.signIn(
      (await createTestAccount(t.db, 'cluster_manager', { clusterId: other.id })).email,
      TEST_PASSWORD,
    ),
  };
});

describe('registering a forming network', () => {
  it('makes a forming cluster and its registrant the manager, in one audited change', async () => {
    const { status, body } = await register(
      { name: 'Grønt Tarenettverk', counties: ['18', '55'], sectors: ['A', '10'], hostOrgnr: host.orgnr },
      people.founder,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      slug: 'gront-tarenettverk',
      name: 'Grønt Tarenettverk',
      status: 'forming',
      currentLevel: null,
      counties: ['18', '55'],
      sectors: ['10', 'A'],
      host: { orgnr: host.orgnr, name: 'Grønn Vekst Næringsforening' },
    });
    network = { id: body.id, slug: body.slug, name: body.name };

    const roles = await as('/api/auth/roles', people.founder);
    expect(roles.body.items).toEqual([
      expect.objectContaining({
        role: 'cluster_manager',
        cluster: expect.objectContaining({ slug: network.slug }),
      }),
    ]);
    const trail = await t.db
      .select({ action: auditEvents.action, actorAccountId: auditEvents.actorAccountId })
      .from(auditEvents)
      .where(eq(auditEvents.clusterId, network.id));
    expect(trail).toEqual(
      expect.arrayContaining([
        { action: 'cluster.registered', actorAccountId: founderAccountId },
        { action: 'account.roles_granted', actorAccountId: founderAccountId },
      ]),
    );
  });

  it('gives a second network of the same name a slug of its own, and never a page’s own path', async () => {
    const body = { counties: ['18'], sectors: ['C'], hostOrgnr: host.orgnr };
    const { cookie } = await signedUpPerson('Gunnar Gjentar');
    const again = await register({ ...body, name: 'Grønt  Tarenettverk!' }, cookie);
    expect(again.body.slug).toBe('gront-tarenettverk-2');
    const page = await register({ ...body, name: 'Register' }, cookie);
    expect(page.body.slug).toBe('register-2');
  });

  it('refuses a form with missing or wrong fields, field by field, and makes nothing', async () => {
    const before = await t.db.$count(clusters);
    const { status, body } = await register(
      { name: 'X', counties: [], sectors: ['Q9'], hostOrgnr: '923609017', status: 'active' },
      people.stranger,
    );
    expect(status).toBe(422);
    const paths = body.errors.map((e: { path: (string | number)[] }) => e.path.slice(0, 2).join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['body.name', 'body.counties', 'body.sectors', 'body.hostOrgnr']),
    );
    expect(await t.db.$count(clusters)).toBe(before);
  });

  it('is for a person signed in, in their own session: not anonymous, not with an API token', async () => {
    const body = { name: 'Tokennettverket', counties: ['18'], sectors: ['C'], hostOrgnr: host.orgnr };
    expect((await register(body)).status).toBe(401);
    const secret = `klynge_${newSecret()}`;
    await t.db.insert(apiTokens).values({
      accountId: founderAccountId,
      name: 'Integrasjon',
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 13),
      permissions: [],
    });
    const byToken = await t.send('POST', '/api/clusters', body, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(byToken.status).toBe(403);
    expect(await t.db.$count(clusters, eq(clusters.name, 'Tokennettverket'))).toBe(0);
  });
});

describe('who sees a forming network', () => {
  beforeAll(async () => {
    const added = await t.send(
      'POST',
      `/api/clusters/${network.slug}/members`,
      { orgnr: partner.orgnr, role: 'core_partner' },
      { cookie: people.founder },
    );
    expect(added.status).toBe(201);
    await linkNodeToHub(
      { db: t.db },
      { hubClusterId: hub.id, nodeClusterId: network.id, startsOn: '2026-01-01' },
    );
  });

  it('is left out of the registry and its search for everyone, and listed by status only to its own', async () => {
    for (const cookie of [undefined, people.founder, people.staff]) {
      const all = await as('/api/clusters?pageSize=100', cookie);
      expect(all.body.items.map((c: { slug: string }) => c.slug)).not.toContain(network.slug);
      const search = await as(`/api/clusters?q=${encodeURIComponent('Tarenettverk')}`, cookie);
      expect(search.body.items.map((c: { slug: string }) => c.slug)).not.toContain(network.slug);
    }
    const forming = (cookie?: string) => as('/api/clusters?status=forming&pageSize=100', cookie);
    const slugs = async (cookie?: string) =>
      (await forming(cookie)).body.items.map((c: { slug: string }) => c.slug);
    expect(await slugs()).toEqual([]);
    expect((await forming()).body.total).toBe(0);
    expect(await slugs(people.stranger)).toEqual([]);
    expect(await slugs(people.otherManager)).toEqual([]);
    expect(await slugs(people.founder)).toEqual([network.slug]);
    expect(await slugs(people.staff)).toEqual(expect.arrayContaining([network.slug, 'gront-tarenettverk-2']));
  });

  it('has a profile only its own people and programme staff can open; to anyone else it is not there', async () => {
    const path = `/api/clusters/${network.slug}`;
    expect((await as(path)).status).toBe(404);
    expect((await as(path, people.stranger)).status).toBe(404);
    expect((await as(path, people.otherManager)).status).toBe(404);
    expect((await as(path, people.founder)).body).toMatchObject({ slug: network.slug, status: 'forming' });
    expect((await as(path, people.staff)).status).toBe(200);
    // Asked twice, the anonymous answer is still no: a refusal is never kept and handed on.
    expect((await as(path)).status).toBe(404);
  });

  it('has a partner list only its own people and programme staff can read', async () => {
    const path = `/api/clusters/${network.slug}/members`;
    expect((await as(path)).status).toBe(404);
    expect((await as(path, people.stranger)).status).toBe(404);
    const own = await as(path, people.founder);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([
      expect.objectContaining({ organisation: expect.objectContaining({ orgnr: partner.orgnr }) }),
    ]);
  });

  it("is left out of its partner's organisation page, except for its own people", async () => {
    const clustersOf = async (cookie?: string) =>
      (await as(`/api/organisations/${partner.orgnr}`, cookie)).body.memberships.map(
        (m: { cluster: { slug: string } }) => m.cluster.slug,
      );
    expect(await clustersOf()).toEqual([]);
    expect(await clustersOf(people.stranger)).toEqual([]);
    expect(await clustersOf(people.founder)).toEqual([network.slug]);
    expect(await clustersOf(people.staff)).toEqual([network.slug]);
  });

  it("counts nowhere in the programme's figures, whoever asks", async () => {
    const counts = async (cookie?: string) => (await as('/api/programme', cookie)).body.counts;
    const figures = await counts();
    expect(figures).toEqual(await counts(people.founder));
    // The one partnership there is belongs to the forming network.
    expect(figures).toMatchObject({ memberships: 0, partnerOrganisations: 0 });
    expect(figures.activeClusters).toBe(1);
  });

  it("is left out of its hub's profile, except for its own people", async () => {
    const nodesOf = async (cookie?: string) =>
      (await as(`/api/clusters/${hub.slug}`, cookie)).body.nodes.map(
        (n: { cluster: { slug: string } }) => n.cluster.slug,
      );
    expect(await nodesOf()).toEqual([]);
    expect(await nodesOf(people.stranger)).toEqual([]);
    expect(await nodesOf(people.founder)).toEqual([network.slug]);
    expect(await nodesOf(people.staff)).toEqual([network.slug]);
    expect((await as(`/api/clusters/${hub.slug}`)).body.counts.nodes).toBe(0);
  });

  it('renders its page for its manager and the not-found page for anyone else', async () => {
    const page = `/clusters/${network.slug}`;
    const anonymous = await as(page);
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).not.toContain(network.name);
    const own = await as(page, people.founder);
    expect(own.status).toBe(200);
    expect(own.body).toContain(network.name);
    expect(own.body).toContain('data-testid="forming-notice"');
  });
});

describe('changing a forming network', () => {
  it('lets its manager correct the name but not the status, and hides it from other managers', async () => {
    const path = `/api/clusters/${network.slug}`;
    const renamed = await t.send(
      'PATCH',
      path,
      { name: 'Grønt Tarenettverk Nord' },
      { cookie: people.founder },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ slug: network.slug, name: 'Grønt Tarenettverk Nord' });
    const admitted = await t.send('PATCH', path, { status: 'active' }, { cookie: people.staff });
    expect(admitted.status).toBe(409);
    const elsewhere = await t.send('PATCH', path, { foundedYear: 2026 }, { cookie: people.otherManager });
    expect(elsewhere.status).toBe(404);
    const [row] = await t.db.select().from(clusters).where(eq(clusters.id, network.id));
    expect(row).toMatchObject({ status: 'forming', foundedYear: null });
  });

  it('keeps the registrant its manager alone: registering gives no role anywhere else', async () => {
    const grants = await t.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.accountId, founderAccountId)));
    expect(grants.map((g) => [g.role, g.clusterId])).toEqual([['cluster_manager', network.id]]);
  });
});

describe('the registration page', () => {
  it('asks an anonymous visitor to sign in, and shows the form to anyone signed in', async () => {
    const anonymous = await as('/clusters/register');
    expect(anonymous.status).toBe(401);
    const signedIn = await as('/clusters/register?lang=en', people.stranger);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toContain('Register a forming network');
    expect(signedIn.body).toContain('name="hostOrgnr"');
  });

  it('is linked from the account page', async () => {
    expect((await as('/account', people.stranger)).body).toContain('href="/clusters/register"');
  });
});
