import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { createCluster } from '../../clusters/clusters.seed';
import { createProgramme } from '../../programme/programme.seed';

// The cluster profile is the clusters' (and memberships') page; the clock is the part state aid
// puts in its `cluster-profile` slot, for programme staff alone.
const t = setupTestApp({ web: true });
let staff: string;
let operator: string;
let manager: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const near = await createCluster(t.db, programme, {
    slug: 'naer-taket',
    name: 'Snart ti år',
    engagements: [
      { level: 'arena', startsOn: '2016-01-01', plannedEndOn: '2020-12-31' },
      { level: 'arena_pro', startsOn: '2021-01-01', plannedEndOn: '2024-12-31' },
    ],
  });
  await createCluster(t.db, programme, {
    slug: 'over-taket',
    name: 'Over taket',
    engagements: [
      { level: 'nce', startsOn: '2006-07-01', plannedEndOn: '2016-06-30' },
      { level: 'global', startsOn: '2016-07-01', plannedEndOn: '2021-06-30' },
    ],
  });
  await createCluster(t.db, programme, {
    slug: 'ny-klynge',
    name: 'Ny klynge',
    engagements: [{ level: 'arena', startsOn: '2025-01-01', plannedEndOn: '2027-12-31' }],
  });
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: near.id })).email,
    TEST_PASSWORD,
  );
});

describe('the state-aid clock on the cluster profile', () => {
  it('shows programme staff the years used of the cap, warned within two years of it, with the way to the periods', async () => {
    const { status, body } = await t.get('/clusters/naer-taket', { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body).toContain('data-testid="cluster-state-aid"');
    expect(body).toContain('9 av 10 år med driftsstøtte brukt');
    expect(body).toContain('Nær taket: 1 år igjen før taket på 10 år.');
    expect(body).toContain('href="/clusters/naer-taket/state-aid"');
  });

  it('warns an operator that a cluster is past the cap', async () => {
    const { body } = await t.get('/clusters/over-taket?lang=en', { headers: { cookie: operator } });
    expect(body).toContain('15 of 10 years of operating aid used');
    expect(body).toContain('Over the cap of 10 years of operating aid.');
  });

  it('shows no warning far from the cap', async () => {
    const { body } = await t.get('/clusters/ny-klynge', { headers: { cookie: staff } });
    expect(body).toContain('3 av 10 år med driftsstøtte brukt');
    expect(body).toContain('data-standing="clear"');
    expect(body).toContain('7 år igjen før taket.');
    expect(body).not.toContain('Nær taket');
  });

  it("shows nothing of it to the cluster's own manager or to an anonymous visitor, whose profile still renders", async () => {
    for (const cookie of [manager, undefined]) {
      const { status, body } = await t.get('/clusters/naer-taket', cookie ? { headers: { cookie } } : {});
      expect(status).toBe(200);
      expect(body).toContain('Snart ti år');
      expect(body).not.toContain('cluster-state-aid');
      expect(body).not.toContain('driftsstøtte brukt');
    }
  });
});
