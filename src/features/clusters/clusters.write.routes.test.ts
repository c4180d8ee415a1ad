import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createProgramme } from '../programme/programme.seed';
import { createCluster } from './clusters.seed';

const t = setupTestApp();
let manager: string;
let otherManager: string;
let clusterStaff: string;
let staff: string;
let actId: string;

const patch = (slug: string, body: unknown, cookie?: string) =>
  t.send('PATCH', `/api/clusters/${slug}`, body, cookie ? { cookie } : {});

const trailOf = (clusterId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'cluster.updated'), eq(auditEvents.entityId, clusterId)));

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
    counties: ['55'],
    sectors: ['C'],
  });
  const other = await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  actId = act.id;
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id })).email,
    TEST_PASSWORD,
  );
  otherManager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: other.id })).email,
    TEST_PASSWORD,
  );
  clusterStaff = await t.signIn(
    (await createTestAccount(t.db, 'cluster_staff', { clusterId: act.id })).email,
    TEST_PASSWORD,
  );
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
});

describe('PATCH /api/clusters/{slug}', () => {
  it("lets the cluster's manager change its profile, and audits only what changed", async () => {
    const { status, body } = await patch(
      'arctic-cluster-team',
      {
        shortName: 'ACT',
        description: { nb: 'Leverandører til industrien i nord.', en: 'Suppliers to industry in the north.' },
        website: 'https://www.arcticclusterteam.no',
        focusAreas: [{ nb: 'Sirkulærøkonomi', en: 'Circular economy' }],
        counties: ['56', '55'],
        sectors: ['24', 'C'],
        foundedYear: 2015,
        hostOrgnr: '923 609 016',
      },
      manager,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      slug: 'arctic-cluster-team',
      shortName: 'ACT',
      description: { nb: 'Leverandører til industrien i nord.', en: 'Suppliers to industry in the north.' },
      website: 'https://www.arcticclusterteam.no',
      focusAreas: [{ nb: 'Sirkulærøkonomi', en: 'Circular economy' }],
      counties: ['55', '56'],
      sectors: ['24', 'C'],
      host: { orgnr: '923609016' },
    });

    const [event] = await trailOf(actId);
    // foundedYear was already 2015: unchanged fields are left out of the trail.
    expect(event!.before).toEqual({
      shortName: null,
      description: { nb: 'En klynge laget for testing.', en: 'A cluster made for testing.' },
      website: null,
      focusAreas: [],
      counties: ['55'],
      sectors: ['C'],
      hostOrgnr: null,
    });
    expect(event!.after).toMatchObject({ shortName: 'ACT', counties: ['55', '56'], hostOrgnr: '923609016' });
    expect(event!.clusterId).toBe(actId);

    // The search index follows the new description.
    const found = await t.get('/api/clusters?q=leverandører');
    expect(found.body.items.map((c: { slug: string }) => c.slug)).toEqual(['arctic-cluster-team']);
    const inCounty = await t.get('/api/clusters?county=56');
    expect(inCounty.body.items.map((c: { slug: string }) => c.slug)).toEqual(['arctic-cluster-team']);
  });

  it('writes nothing when nothing changes', async () => {
    const before = (await trailOf(actId)).length;
    const { status } = await patch('arctic-cluster-team', { shortName: 'ACT' }, manager);
    expect(status).toBe(200);
    expect(await trailOf(actId)).toHaveLength(before);
  });

  it("keeps the name and the status for programme staff, who may edit any cluster's profile", async () => {
    const refused = await patch('arctic-cluster-team', { name: 'Arctic Team', shortName: 'AT' }, manager);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/name or status/);
    expect((await t.get('/api/clusters/arctic-cluster-team')).body).toMatchObject({
      name: 'Arctic Cluster Team',
      shortName: 'ACT',
    });

    const { status, body } = await patch(
      'energi-i-nord',
      { name: 'Energi i Nord AS', status: 'ended' },
      staff,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ slug: 'energi-i-nord', name: 'Energi i Nord AS', status: 'ended' });
  });

  it("refuses another cluster's manager, cluster staff and anonymous callers, and changes nothing", async () => {
    expect((await patch('arctic-cluster-team', { shortName: 'X' }, otherManager)).status).toBe(403);
    expect((await patch('arctic-cluster-team', { shortName: 'X' }, clusterStaff)).status).toBe(403);
    expect((await patch('arctic-cluster-team', { shortName: 'X' })).status).toBe(401);
    expect((await patch('no-such-cluster', { shortName: 'X' }, staff)).status).toBe(404);
    expect((await t.get('/api/clusters/arctic-cluster-team')).body.shortName).toBe('ACT');
  });

  it('answers bad input field by field, and changes nothing', async () => {
    const before = (await trailOf(actId)).length;
    const { status, headers, body } = await patch(
      'arctic-cluster-team',
      {
        website: 'javascript:alert(1)',
        counties: ['99'],
        sectors: ['ZZ'],
        foundedYear: 1850,
        hostOrgnr: '923609017',
        slug: 'new-slug',
      },
      manager,
    );
    expect(status).toBe(422);
    expect(headers.get('content-type')).toContain('application/problem+json');
    const fields = body.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.website',
        'body.counties.0',
        'body.sectors.0',
        'body.foundedYear',
        'body.hostOrgnr',
        'body',
      ]),
    );
    expect((await patch('arctic-cluster-team', {}, manager)).status).toBe(422);
    expect((await patch('arctic-cluster-team', { counties: ['18', '18'] }, manager)).status).toBe(422);
    expect(await trailOf(actId)).toHaveLength(before);
  });
});
