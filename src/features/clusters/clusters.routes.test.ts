import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, TEST_TODAY } from '../../testing/harness';
import { createMembership } from '../memberships/memberships.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';
import { createCluster } from './clusters.seed';
import { linkNodeToHub } from './clusters.service';

// Route tests live on 2026-06-15 (see TEST_TODAY).
const t = setupTestApp();
let programme: SeededProgramme;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
    shortName: 'ACT',
    descriptionNb: 'Prosessindustrien i nord samarbeider om smelteverkene og klimanøytral produksjon.',
    counties: ['18', '50'],
    sectors: ['24', '20'],
    engagements: [
      {
        level: 'arena',
        startsOn: '2017-09-01',
        plannedEndOn: '2020-08-31',
        extendedToOn: '2020-12-31',
        yearlyGrantNok: 2_000_000,
      },
      {
        level: 'arena_pro',
        startsOn: '2021-01-01',
        plannedEndOn: '2025-12-31',
        extendedToOn: '2027-12-31',
        yearlyGrantNok: 5_000_000,
      },
    ],
    brands: [{ code: 'nce', startsOn: '2023-01-01' }],
  });
  await createCluster(t.db, programme, {
    slug: 'energi-i-nord',
    name: 'Energi i Nord',
    descriptionNb: 'Energiaktører fra Helgeland til Varanger.',
    counties: ['18', '55', '56'],
    sectors: ['D'],
    engagements: [
      { level: 'arena', startsOn: '2022-07-01', plannedEndOn: '2025-06-30', extendedToOn: '2027-06-30' },
    ],
  });
  const hub = await createCluster(t.db, programme, {
    slug: 'nce-aquatech-cluster',
    name: 'NCE Aquatech Cluster',
    descriptionNb: 'Teknologi for havbruk.',
    counties: ['50'],
    sectors: ['A', '28'],
    engagements: [{ level: 'arena_pro', startsOn: '2019-01-01', plannedEndOn: '2028-12-31' }],
  });
  const node = await createCluster(t.db, programme, {
    slug: 'havbruksnettverk-helgeland',
    name: 'Havbruksnettverk Helgeland',
    descriptionNb: 'Et nettverk av teknologibedrifter innen oppdrett.',
    counties: ['18'],
    sectors: ['03'],
    engagements: [{ level: 'hub_node', startsOn: '2022-07-01', plannedEndOn: '2027-06-30' }],
  });
  await linkNodeToHub({ db: t.db }, { hubClusterId: hub.id, nodeClusterId: node.id, startsOn: '2022-07-01' });
  await createCluster(t.db, programme, {
    slug: 'ostfold-og-asker-klyngen',
    name: 'Østfold og Asker-klyngen',
    counties: ['31', '32'],
    sectors: ['J'],
    engagements: [
      { level: 'arena', startsOn: '2012-01-01', plannedEndOn: '2014-12-31', endedOn: '2014-06-30' },
    ],
    status: 'ended',
  });
  await createCluster(t.db, programme, {
    slug: 'aker-baerekraft',
    name: 'Åker Bærekraft',
    counties: ['34'],
    sectors: ['A'],
    engagements: [{ level: 'pre_project', startsOn: '2026-01-01', plannedEndOn: '2026-12-31' }],
  });
  const partner = await createOrganisation(t.db, { name: 'Rana Smelteverk AS', municipalityNumber: '1833' });
  await createMembership(t.db, { clusterId: act.id, organisationId: partner.id }, { joinedOn: '2018-01-01' });
});

describe('GET /api/clusters', () => {
  it('lists clusters in Norwegian alphabetical order, with Æ, Ø and Å after Z', async () => {
    const { status, body } = await t.get('/api/clusters?pageSize=100');
    expect(status).toBe(200);
    expect(body.items.map((c: { name: string }) => c.name)).toEqual([
      'Arctic Cluster Team',
      'Energi i Nord',
      'Havbruksnettverk Helgeland',
      'NCE Aquatech Cluster',
      'Østfold og Asker-klyngen',
      'Åker Bærekraft',
    ]);
    expect(body).toMatchObject({ total: 6, page: 1, pageSize: 100, matched: 'all' });
  });

  it('lists by name when asked to sort by relevance with no words to search for', async () => {
    const byName = await t.get('/api/clusters?pageSize=100');
    const byRelevance = await t.get('/api/clusters?pageSize=100&sort=relevance');
    expect(byRelevance.status).toBe(200);
    expect(byRelevance.body.items).toEqual(byName.body.items);
  });

  it('pages through the list with the shared envelope', async () => {
    const first = await t.get('/api/clusters?pageSize=4');
    const second = await t.get('/api/clusters?pageSize=4&page=2');
    expect(first.body.items).toHaveLength(4);
    expect(second.body.items.map((c: { slug: string }) => c.slug)).toEqual([
      'ostfold-og-asker-klyngen',
      'aker-baerekraft',
    ]);
    expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
  });

  it('shows each cluster with its current level, counties, sectors and partner count', async () => {
    const { body } = await t.get('/api/clusters?q=arctic');
    expect(body.items[0]).toEqual({
      slug: 'arctic-cluster-team',
      name: 'Arctic Cluster Team',
      shortName: 'ACT',
      status: 'active',
      currentLevel: { code: 'arena_pro', name: { nb: 'Arena Pro', en: 'Arena Pro' }, since: '2021-01-01' },
      counties: ['18', '50'],
      sectors: ['20', '24'],
      foundedYear: 2015,
      activeMembers: 1,
    });
  });

  it('finds inflected Norwegian words through full-text search: "smelteverket" finds "smelteverkene"', async () => {
    const { body } = await t.get('/api/clusters?q=smelteverket');
    expect(body.matched).toBe('full_text');
    expect(body.items.map((c: { slug: string }) => c.slug)).toEqual(['arctic-cluster-team']);
  });

  it('finds "klyngen" when searching for "klyngene"', async () => {
    const { body } = await t.get('/api/clusters?q=klyngene');
    expect(body.matched).toBe('full_text');
    expect(body.items.map((c: { slug: string }) => c.slug)).toContain('ostfold-og-asker-klyngen');
  });

  it('falls back to fuzzy name matching when full-text search finds nothing', async () => {
    const { body } = await t.get('/api/clusters?q=arktic');
    expect(body.matched).toBe('fuzzy');
    expect(body.items[0].slug).toBe('arctic-cluster-team');
  });

  it('answers an empty page, not an error, when nothing matches at all', async () => {
    const { status, body } = await t.get('/api/clusters?q=zzzqqqxxx');
    expect(status).toBe(200);
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('filters by the level a cluster is at today, ignoring past levels', async () => {
    const arena = await t.get('/api/clusters?level=arena');
    expect(arena.body.items.map((c: { slug: string }) => c.slug)).toEqual(['energi-i-nord']);
    const pro = await t.get('/api/clusters?level=arena_pro');
    expect(pro.body.items.map((c: { slug: string }) => c.slug)).toEqual([
      'arctic-cluster-team',
      'nce-aquatech-cluster',
    ]);
  });

  it('filters by county, by sector section (including its divisions) and by status', async () => {
    const troms = await t.get('/api/clusters?county=55');
    expect(troms.body.items.map((c: { slug: string }) => c.slug)).toEqual(['energi-i-nord']);
    const manufacturing = await t.get('/api/clusters?sector=C');
    expect(manufacturing.body.items.map((c: { slug: string }) => c.slug)).toEqual([
      'arctic-cluster-team',
      'nce-aquatech-cluster',
    ]);
    const division = await t.get('/api/clusters?sector=24');
    expect(division.body.items.map((c: { slug: string }) => c.slug)).toEqual(['arctic-cluster-team']);
    const ended = await t.get('/api/clusters?status=ended');
    expect(ended.body.items.map((c: { slug: string }) => c.slug)).toEqual(['ostfold-og-asker-klyngen']);
  });

  it('combines filters with search', async () => {
    const { body } = await t.get('/api/clusters?q=nord&county=56&level=arena');
    expect(body.items.map((c: { slug: string }) => c.slug)).toEqual(['energi-i-nord']);
  });

  it('rejects bad filters with a problem+json body naming each field', async () => {
    const response = await t.get('/api/clusters?level=champions&county=99&page=0&sector=ZZ');
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'validation_failed',
      status: 422,
      instance: '/api/clusters',
    });
    const fields = response.body.errors.map((e: { path: string[] }) => e.path.join('.')).sort();
    expect(fields).toEqual(['query.county', 'query.level', 'query.page', 'query.sector']);
    expect(response.body.errors.find((e: { path: string[] }) => e.path[1] === 'sector').message).toMatch(
      /SN2007/,
    );
  });
});

describe('GET /api/clusters/{slug}', () => {
  it('returns the profile with current level, level history, brands and partner statistics', async () => {
    const { status, body } = await t.get('/api/clusters/arctic-cluster-team');
    expect(status).toBe(200);
    expect(body.currentLevel.code).toBe('arena_pro');
    expect(body.levelHistory).toEqual([
      expect.objectContaining({
        level: 'arena',
        startsOn: '2017-09-01',
        endsOn: '2020-12-31',
        current: false,
      }),
      expect.objectContaining({
        level: 'arena_pro',
        startsOn: '2021-01-01',
        extendedToOn: '2027-12-31',
        endsOn: '2027-12-31',
        yearlyGrantNok: 5_000_000,
        current: true,
      }),
    ]);
    expect(body.brands).toEqual([
      expect.objectContaining({ code: 'nce', startsOn: '2023-01-01', endsOn: null }),
    ]);
    expect(body.partnerStatistics).toMatchObject({
      total: 1,
      byActorType: [{ key: 'sme', count: 1 }],
      byCounty: [{ key: '18', count: 1 }],
      bySize: [{ key: 'small', count: 1 }],
      bySection: [{ key: 'C', count: 1 }],
      smeShare: 1,
    });
    expect(body.counts).toEqual({
      partners: 1,
      corePartners: 0,
      formerPartners: 0,
      counties: 2,
      engagements: 2,
      nodes: 0,
    });
  });

  it('counts each partner of today once in every dimension, and those who have left as former partners', async () => {
    const cluster = await createCluster(t.db, programme, { slug: 'statistikk-klynge', name: 'Statistikk' });
    const partner = async (
      organisation: Parameters<typeof createOrganisation>[1],
      membership: Parameters<typeof createMembership>[2] = {},
    ) => {
      const created = await createOrganisation(t.db, organisation);
      await createMembership(t.db, { clusterId: cluster.id, organisationId: created.id }, membership);
      return created;
    };
    // Size limits are tested on their edges: 9 | 10, 49 | 50, 249 | 250.
    await partner({ employees: 9, naceCodes: ['24.420'] }, { role: 'core_partner' });
    await partner({ employees: 10, municipalityNumber: '5001', naceCodes: ['62.010'] });
    await partner({ employees: 250, actorType: 'large_company', naceCodes: [] });
    await partner(
      { employees: null, actorType: 'research', countyCode: null, naceCodes: ['72.190'] },
      { role: 'associate' },
    );
    await partner({ employees: 249, naceCodes: ['24.100'] }, { leftOn: '2026-12-31' });
    await partner({ employees: 49 }, { leftOn: '2025-12-31' });
    const rejoined = await partner({ employees: 50, naceCodes: ['10.110'] }, { joinedOn: '2025-01-01' });
    await createMembership(
      t.db,
      { clusterId: cluster.id, organisationId: rejoined.id },
      { joinedOn: '2020-01-01', leftOn: '2024-06-30' },
    );
    await partner({ employees: 5 }, { joinedOn: '2026-09-01' });

    const { body } = await t.get('/api/clusters/statistikk-klynge');
    expect(body.partnerStatistics).toEqual({
      total: 6,
      byRole: [
        { key: 'partner', count: 4 },
        { key: 'associate', count: 1 },
        { key: 'core_partner', count: 1 },
      ],
      byActorType: [
        { key: 'sme', count: 4 },
        { key: 'large_company', count: 1 },
        { key: 'research', count: 1 },
      ],
      byCounty: [
        { key: '18', count: 4 },
        { key: '50', count: 1 },
        { key: 'unknown', count: 1 },
      ],
      bySize: [
        { key: 'medium', count: 2 },
        { key: 'large', count: 1 },
        { key: 'micro', count: 1 },
        { key: 'small', count: 1 },
        { key: 'unknown', count: 1 },
      ],
      bySection: [
        { key: 'C', count: 3 },
        { key: 'J', count: 1 },
        { key: 'M', count: 1 },
        { key: 'unknown', count: 1 },
      ],
      smeShare: 0.8,
    });
    expect(body.counts).toMatchObject({ partners: 6, corePartners: 1, formerPartners: 2 });
  });

  it('shows a hub-node with its hub, and the hub with its nodes', async () => {
    const node = await t.get('/api/clusters/havbruksnettverk-helgeland');
    expect(node.body.currentLevel.code).toBe('hub_node');
    expect(node.body.hubs).toEqual([
      {
        cluster: { slug: 'nce-aquatech-cluster', name: 'NCE Aquatech Cluster' },
        startsOn: '2022-07-01',
        endsOn: null,
        current: true,
      },
    ]);
    const hub = await t.get('/api/clusters/nce-aquatech-cluster');
    expect(hub.body.nodes.map((l: { cluster: { slug: string } }) => l.cluster.slug)).toEqual([
      'havbruksnettverk-helgeland',
    ]);
    expect(hub.body.hubs).toEqual([]);
  });

  it('answers 404 with problem+json for a cluster that does not exist', async () => {
    const response = await t.get('/api/clusters/no-such-cluster');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'not_found',
      detail: 'The cluster "no-such-cluster" was not found.',
    });
  });

  it('answers 422 for a slug with characters no slug has', async () => {
    const response = await t.get('/api/clusters/Not%20A%20Slug');
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toEqual(['param', 'slug']);
  });
});

describe('hub links', () => {
  it('refuse a hub below Arena Pro on the day the link starts', async () => {
    const arena = await createCluster(t.db, programme, {
      engagements: [{ level: 'arena', startsOn: '2020-01-01', plannedEndOn: '2027-12-31' }],
    });
    const node = await createCluster(t.db, programme, {
      engagements: [{ level: 'hub_node', startsOn: '2023-01-01', plannedEndOn: '2025-12-31' }],
    });
    await expect(
      linkNodeToHub({ db: t.db }, { hubClusterId: arena.id, nodeClusterId: node.id, startsOn: '2023-01-01' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('what each public read costs the database', () => {
  // A client of its own has a read cache of its own, empty: every read below reaches the database.
  const fresh = () => t.at(TEST_TODAY);

  it('answers a profile in one statement once its partner figures are kept, and in two before', async () => {
    const client = fresh();
    // The first reader of the day counts the partner figures and keeps them: one statement more.
    const first = await t.withQueries(() => client.get('/api/clusters/arctic-cluster-team'));
    expect(first.result.status).toBe(200);
    expect(first.result.body.partnerStatistics.total).toBeGreaterThan(0);
    expect(first.queries.length).toBeLessThanOrEqual(2);
    // Later readers get the history, links, host and the kept figures in one statement.
    const again = await t.withQueries(() => fresh().get('/api/clusters/arctic-cluster-team'));
    expect(again.result.body).toEqual(first.result.body);
    expect(again.queries).toHaveLength(1);
  });

  it('answers a registry page in one statement, by full text, by the fuzzy fallback, or filtered', async () => {
    const client = fresh();
    for (const [path, matched] of [
      ['/api/clusters?q=smelteverket', 'full_text'],
      ['/api/clusters?q=arktic', 'fuzzy'],
      ['/api/clusters?q=zzzqqqxxx', 'fuzzy'],
      ['/api/clusters?county=55&sort=name', 'all'],
    ] as const) {
      const { result, queries } = await t.withQueries(() => client.get(path));
      expect(result.status, path).toBe(200);
      expect(result.body.matched, path).toBe(matched);
      expect(queries.length, path).toBeLessThanOrEqual(2);
      expect(queries, path).toHaveLength(1);
    }
  });
});
