import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { norwegianSortKey } from '../../shared/sort-key';
import { setupTestApp, TEST_TODAY } from '../../testing/harness';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { organisations } from '../organisations/organisations.table';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';
import { createMembership } from './memberships.seed';

const t = setupTestApp();
let programme: SeededProgramme;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, {
    slug: 'mineralklynge-nord',
    name: 'Mineralklynge Nord',
  });
  const names = ['Øksfjord Stein AS', 'Bergmann AS', 'Ågotnes Mineral AS', 'Zinkverket AS', 'Alta Skifer AS'];
  for (const [index, name] of names.entries()) {
    const organisation = await createOrganisation(t.db, {
      name,
      actorType: index === 1 ? 'research' : 'sme',
    });
    await createMembership(
      t.db,
      { clusterId: cluster.id, organisationId: organisation.id },
      {
        role: index === 0 ? 'core_partner' : 'partner',
        joinedOn: `201${index}-03-01`,
      },
    );
  }
  const former = await createOrganisation(t.db, { name: 'Nedlagt Gruve AS' });
  await createMembership(
    t.db,
    { clusterId: cluster.id, organisationId: former.id },
    {
      joinedOn: '2012-01-01',
      leftOn: '2019-12-31',
    },
  );
  const future = await createOrganisation(t.db, { name: 'Kommende Partner AS' });
  await createMembership(
    t.db,
    { clusterId: cluster.id, organisationId: future.id },
    { joinedOn: '2027-01-01' },
  );
});

describe('GET /api/clusters/{slug}/members', () => {
  it("lists today's partners in Norwegian alphabetical order", async () => {
    const { status, body } = await t.get('/api/clusters/mineralklynge-nord/members');
    expect(status).toBe(200);
    expect(body.items.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual([
      'Alta Skifer AS',
      'Bergmann AS',
      'Zinkverket AS',
      'Øksfjord Stein AS',
      'Ågotnes Mineral AS',
    ]);
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
  });

  it('includes partners who have left when asked for all', async () => {
    const { body } = await t.get('/api/clusters/mineralklynge-nord/members?include=all');
    expect(body.total).toBe(7);
    expect(
      body.items.find((m: { organisation: { name: string } }) => m.organisation.name === 'Nedlagt Gruve AS'),
    ).toMatchObject({
      leftOn: '2019-12-31',
    });
  });

  it('filters by role and by actor type, and pages', async () => {
    const core = await t.get('/api/clusters/mineralklynge-nord/members?role=core_partner');
    expect(core.body.items.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual([
      'Øksfjord Stein AS',
    ]);
    const research = await t.get('/api/clusters/mineralklynge-nord/members?actorType=research');
    expect(research.body.items.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual([
      'Bergmann AS',
    ]);
    const second = await t.get('/api/clusters/mineralklynge-nord/members?pageSize=2&page=2');
    expect(second.body.items.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual([
      'Zinkverket AS',
      'Øksfjord Stein AS',
    ]);
  });

  it('answers 404 for an unknown cluster and 422 for a bad page size', async () => {
    expect((await t.get('/api/clusters/ukjent/members')).status).toBe(404);
    const tooBig = await t.get('/api/clusters/mineralklynge-nord/members?pageSize=1000');
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors[0].path).toEqual(['query', 'pageSize']);
  });
});

describe('GET /api/clusters/{slug}/members, its cost and its cursor', () => {
  it('answers in one statement, the cluster, the count and the page together', async () => {
    // A client of its own has a read cache of its own, empty: the read reaches the database.
    const client = t.at(TEST_TODAY);
    const { result, queries } = await t.withQueries(() =>
      client.get('/api/clusters/mineralklynge-nord/members?pageSize=3&include=all'),
    );
    expect(result.status).toBe(200);
    expect(result.body.total).toBe(7);
    expect(queries.length).toBeLessThanOrEqual(2);
    expect(queries).toHaveLength(1);
  });

  it('continues from nextCursor in the same order as the pages, and ends with null', async () => {
    const names: string[] = [];
    let path = '/api/clusters/mineralklynge-nord/members?pageSize=2&include=all';
    for (let pages = 0; pages < 10; pages++) {
      const { status, body } = await t.get(path);
      expect(status).toBe(200);
      expect(body.total).toBe(7);
      names.push(...body.items.map((m: { organisation: { name: string } }) => m.organisation.name));
      if (body.nextCursor === null) break;
      path = `/api/clusters/mineralklynge-nord/members?pageSize=2&include=all&after=${body.nextCursor}`;
    }
    const all = await t.get('/api/clusters/mineralklynge-nord/members?pageSize=20&include=all');
    expect(all.body.nextCursor).toBeNull();
    expect(names).toEqual(all.body.items.map((m: { organisation: { name: string } }) => m.organisation.name));
    expect(names).toHaveLength(7);
  });

  it('answers 422 for a cursor it did not give', async () => {
    const { status, body } = await t.get('/api/clusters/mineralklynge-nord/members?after=bm90LWEtY3Vyc29y');
    expect(status).toBe(422);
    expect(body.errors[0].path).toEqual(['query', 'after']);
  });
});

describe('the partner list and statistics follow changes to the organisations', () => {
  it('re-sorts a renamed partner and recounts a changed one, with no write to the memberships', async () => {
    const cluster = await createCluster(t.db, programme, {
      slug: 'kopiklynge',
      name: 'Kopiklynge',
    });
    const alfa = await createOrganisation(t.db, { name: 'Alfa AS', employees: 5, actorType: 'sme' });
    const beta = await createOrganisation(t.db, { name: 'Beta AS', employees: 5, actorType: 'sme' });
    for (const organisation of [alfa, beta]) {
      await createMembership(t.db, { clusterId: cluster.id, organisationId: organisation.id });
    }
    const names = async () =>
      (await t.at(TEST_TODAY).get('/api/clusters/kopiklynge/members')).body.items.map(
        (m: { organisation: { name: string } }) => m.organisation.name,
      );
    expect(await names()).toEqual(['Alfa AS', 'Beta AS']);

    await t.db
      .update(organisations)
      .set({
        name: 'Åsen AS',
        nameSortKey: norwegianSortKey('Åsen AS'),
        employees: 400,
        actorType: 'large_company',
      })
      .where(eq(organisations.id, alfa.id));
    expect(await names()).toEqual(['Beta AS', 'Åsen AS']);
    const profile = await t.at(TEST_TODAY).get('/api/clusters/kopiklynge');
    expect(profile.body.partnerStatistics.bySize).toEqual(
      expect.arrayContaining([
        { key: 'micro', count: 1 },
        { key: 'large', count: 1 },
      ]),
    );
    expect(profile.body.partnerStatistics.byActorType).toEqual(
      expect.arrayContaining([
        { key: 'sme', count: 1 },
        { key: 'large_company', count: 1 },
      ]),
    );
    const largeOnly = await t.at(TEST_TODAY).get('/api/clusters/kopiklynge/members?actorType=large_company');
    expect(largeOnly.body.items.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual([
      'Åsen AS',
    ]);
  });
});
