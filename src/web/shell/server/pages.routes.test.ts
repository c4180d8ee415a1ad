import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../../../features/accounts/accounts.seed';
import { createCluster } from '../../../features/clusters/clusters.seed';
import { createMembership } from '../../../features/memberships/memberships.seed';
import { createOrganisation } from '../../../features/organisations/organisations.seed';
import { createProgramme } from '../../../features/programme/programme.seed';
import { setupTestApp } from '../../../testing/harness';

const t = setupTestApp({ web: true });
let orgnr: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
    descriptionNb: 'Prosessindustri i nord.',
    descriptionEn: 'Process industry in the north.',
    engagements: [
      { level: 'arena', startsOn: '2017-09-01', plannedEndOn: '2020-12-31' },
      { level: 'arena_pro', startsOn: '2021-01-01', plannedEndOn: '2027-12-31' },
    ],
  });
  await createCluster(t.db, programme, { slug: 'script-test', name: 'Tricky </script><b>$& Klynge' });
  const organisation = await createOrganisation(t.db, { name: 'Mo Industripark AS' });
  orgnr = organisation.orgnr;
  await createMembership(t.db, { clusterId: cluster.id, organisationId: organisation.id });
});

describe('server-rendered public pages', () => {
  it('render a cluster profile as complete HTML, readable without JavaScript', async () => {
    const { status, body, headers } = await t.get('/clusters/arctic-cluster-team');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(body).toContain('<html lang="nb"');
    expect(body).toMatch(/<h1[^>]*>Arctic Cluster Team/);
    expect(body).toContain('<title>Arctic Cluster Team – Klynge</title>');
    expect(body).toContain('<meta name="description" content="Prosessindustri i nord.">');
    expect(body).toContain('Nivåhistorikk');
    expect(body).toContain('href="/organisations/');
  });

  it('render in English for ?lang=en, and remember the choice in a cookie', async () => {
    const { body, headers } = await t.get('/clusters/arctic-cluster-team?lang=en');
    expect(body).toContain('<html lang="en"');
    expect(body).toContain('Level history');
    expect(headers.get('set-cookie')).toMatch(/^lang=en;/);
    const again = await t.get('/clusters/arctic-cluster-team', { headers: { cookie: 'lang=en' } });
    expect(again.body).toContain('Level history');
  });

  it('follow Accept-Language when nothing else is said', async () => {
    const { body } = await t.get('/', { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(body).toContain('<html lang="en"');
    expect(body).toMatch(/<h1[^>]*>Clusters</);
  });

  it('render the registry with search and filters from the query string', async () => {
    const { body } = await t.get('/?q=arctic&level=arena_pro');
    expect(body).toContain('href="/clusters/arctic-cluster-team"');
    expect(body).not.toContain('href="/clusters/script-test"');
    expect(body).toContain('value="arctic"');
  });

  it('offer each way of sorting the registry once, under its own name', async () => {
    for (const path of ['/', '/?q=industri', '/?lang=en']) {
      const { body } = await t.get(path);
      const select = /<select[^>]*name="sort"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
      const labels = [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
      expect(labels, path).toHaveLength(3);
      expect(new Set(labels).size, path).toBe(labels.length);
    }
  });

  it('show the reason instead of failing when a hand-edited filter is invalid', async () => {
    const { status, body } = await t.get('/?level=champions');
    expect(status).toBe(200);
    expect(body).toContain('role="alert"');
    expect(body).toContain('level');
  });

  it('render an organisation page', async () => {
    const { status, body } = await t.get(`/organisations/${orgnr}`);
    expect(status).toBe(200);
    expect(body).toMatch(/<h1[^>]*>Mo Industripark AS</);
  });

  it('name the organisation form instead of showing its register code, in the reader’s language', async () => {
    const municipality = await createOrganisation(t.db, { name: 'Testkommune', organisationForm: 'KOMM' });
    const nb = await t.get(`/organisations/${municipality.orgnr}`);
    expect(nb.body).toContain('Kommune (KOMM)');
    const en = await t.get(`/organisations/${municipality.orgnr}?lang=en`);
    expect(en.body).toContain('Municipality (KOMM)');
  });

  it('search organisations by name and by number', async () => {
    const byName = await t.get('/organisations?q=industripark');
    expect(byName.status).toBe(200);
    expect(byName.body).toContain(`href="/organisations/${orgnr}"`);
    const byNumber = await t.get(`/organisations?q=${orgnr.slice(0, 4)}`);
    expect(byNumber.body).toContain(`href="/organisations/${orgnr}"`);
    const bad = await t.get('/organisations?actorType=wizard');
    expect(bad.status).toBe(200);
    expect(bad.body).toContain('role="alert"');
  });

  it('render the sign-in page, and for a signed-in manager the tools to add partners', async () => {
    const login = await t.get('/login?next=/clusters/arctic-cluster-team');
    expect(login.status).toBe(200);
    expect(login.body).toContain('autoComplete="current-password"');
    expect((await t.get('/clusters/arctic-cluster-team')).body).not.toContain(
      'data-testid="add-partner-form"',
    );
    const { email, password } = await createTestAccount(
      t.db,
      'programme_staff',
      {},
      { name: 'Pia Programmet' },
    );
    const cookie = await t.signIn(email, password);
    const { body } = await t.get('/clusters/arctic-cluster-team', { headers: { cookie } });
    expect(body).toContain('Innlogget som Pia Programmet');
    expect(body).toContain('data-testid="add-partner-form"');
  });

  it('answer 404 with a page for unknown clusters, bad organisation numbers and unknown paths', async () => {
    for (const path of ['/clusters/finnes-ikke', '/organisations/923609017', '/no/such/page']) {
      const { status, body } = await t.get(path);
      expect(status, path).toBe(404);
      expect(body, path).toContain('Fant ikke siden');
    }
  });

  it('escape names in the page and in the embedded state, so no name can close a script element', async () => {
    const { body } = await t.get('/clusters/script-test');
    expect(body).toContain('Tricky &lt;/script&gt;&lt;b&gt;$&amp; Klynge');
    const state = body.slice(body.indexOf('id="klynge-state"'));
    expect(state.slice(0, state.indexOf('</script>'))).not.toContain('</script><b>');
    expect(state).toContain('\\u003c/script>\\u003cb>$& Klynge');
  });
});
