import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { createCluster } from '../../clusters/clusters.seed';
import { createProgramme } from '../../programme/programme.seed';

const t = setupTestApp({ web: true });
let staff: string;
let manager: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, {
    slug: 'lang-klynge',
    name: 'Lang klynge',
    engagements: [
      { level: 'arena', startsOn: '2015-01-01', plannedEndOn: '2017-12-31', extendedToOn: '2018-12-31' },
      { level: 'arena_pro', startsOn: '2019-01-01', plannedEndOn: '2023-12-31' },
      { level: 'mature_project', startsOn: '2024-01-01', plannedEndOn: '2026-12-31' },
    ],
  });
  await createCluster(t.db, programme, {
    slug: 'ung-klynge',
    name: 'Ung klynge',
    engagements: [{ level: 'arena', startsOn: '2024-01-01', plannedEndOn: '2026-12-31' }],
  });
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
});

describe('the state-aid page', () => {
  it('shows programme staff the years used of the cap, the warning near it, and the periods that count', async () => {
    const { status, body } = await t.get('/clusters/lang-klynge/state-aid', { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body).toContain('<title>Statsstøtteklokke: Lang klynge – Klynge</title>');
    expect(body).toContain('9 av 10 år med driftsstøtte brukt');
    expect(body).toContain('data-standing="near"');
    expect(body).toContain('Nær taket: 1 år igjen før taket på 10 år.');
    expect(body).toContain('<meter');
    expect(body).toContain('Arena Pro');
    expect(body).not.toContain('Delprogram');
    expect(body).toContain('href="/clusters/lang-klynge"');
  });

  it('shows the years left, without a warning, far from the cap, in English when asked', async () => {
    const { body } = await t.get('/clusters/ung-klynge/state-aid?lang=en', { headers: { cookie: staff } });
    expect(body).toContain('3 of 10 years of operating aid used');
    expect(body).toContain('7 years left before the cap.');
    expect(body).toContain('data-standing="clear"');
  });

  it("tells the cluster's own manager they have no access, and asks a visitor to sign in", async () => {
    const denied = await t.get('/clusters/lang-klynge/state-aid', { headers: { cookie: manager } });
    expect(denied.status).toBe(403);
    expect(denied.body).not.toContain('av 10 år');
    const anonymous = await t.get('/clusters/lang-klynge/state-aid');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('href="/login?next=%2Fclusters%2Flang-klynge%2Fstate-aid"');
  });

  it('answers an unknown cluster with the page that is not there', async () => {
    const { status } = await t.get('/clusters/ingen-slik/state-aid', { headers: { cookie: staff } });
    expect(status).toBe(404);
  });
});
