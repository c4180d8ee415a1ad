import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { setupTestApp } from '../../testing/harness';
import { createCluster } from '../clusters/clusters.seed';
import { clusters } from '../clusters/clusters.table';
import { createOrganisation } from '../organisations/organisations.seed';
import { organisations } from '../organisations/organisations.table';
import { createProgramme } from '../programme/programme.seed';
import { createMembership } from './memberships.seed';
import { memberships, partnerTallies } from './memberships.table';
import { keepAllPartnerFigures } from './partner-tallies.worker';

// A cluster's partner figures are counted once and kept (partner_tallies); these tests change
// what they count in every way a write or the calendar can, and read them again at once.

const t = setupTestApp();
let cluster: { id: string; slug: string };
let programme: Awaited<ReturnType<typeof createProgramme>>;

/** Every reader below has an empty read cache of its own, so each read reaches the database. */
const profile = async (day = '2026-06-15T10:00:00Z') => {
  const response = await t.at(day).get(`/api/clusters/${cluster.slug}`);
  expect(response.status).toBe(200);
  return response.body as {
    activeMembers: number;
    counts: { partners: number; formerPartners: number };
    partnerStatistics: { total: number; bySize: { key: string; count: number }[] };
  };
};
const listed = async (day = '2026-06-15T10:00:00Z') => {
  const response = await t.at(day).get(`/api/clusters?q=${encodeURIComponent('Tallklynge')}`);
  return response.body.items.find((item: { slug: string }) => item.slug === cluster.slug)?.activeMembers;
};
const membersTotal = async (day = '2026-06-15T10:00:00Z') =>
  (await t.at(day).get(`/api/clusters/${cluster.slug}/members`)).body.total;

async function addPartner(overrides: Parameters<typeof createMembership>[2] = {}, employees = 5) {
  const organisation = await createOrganisation(t.db, { employees });
  await createMembership(t.db, { clusterId: cluster.id, organisationId: organisation.id }, overrides);
  return organisation;
}

beforeAll(async () => {
  programme = await createProgramme(t.db);
  cluster = await createCluster(t.db, programme, { slug: 'tallklynge', name: 'Tallklynge' });
  await addPartner({ joinedOn: '2020-01-01' });
  await addPartner({ joinedOn: '2020-01-01' });
});

describe("a cluster's kept partner figures", () => {
  it('are counted on the first read and kept for the day', async () => {
    expect((await profile()).counts.partners).toBe(2);
    const [kept] = await t.db.select().from(partnerTallies).where(eq(partnerTallies.clusterId, cluster.id));
    expect(kept).toMatchObject({ countedOn: '2026-06-15', active: 2, former: 0 });
    expect(kept!.countedStamp).toBe(kept!.stamp);
  });

  it('follow a new partner at once, in the profile, the registry and the partner list', async () => {
    expect((await profile()).counts.partners).toBe(2);
    await addPartner({ joinedOn: '2026-01-01' });
    expect((await profile()).counts.partners).toBe(3);
    expect(await listed()).toBe(3);
    expect(await membersTotal()).toBe(3);
  });

  it('follow a partner who leaves and one removed outright', async () => {
    const before = await profile();
    const leaving = await addPartner({ joinedOn: '2021-01-01' });
    expect((await profile()).counts.partners).toBe(before.counts.partners + 1);
    await t.db
      .update(memberships)
      .set({ leftOn: '2026-03-01' })
      .where(eq(memberships.organisationId, leaving.id));
    const after = await profile();
    expect(after.counts.partners).toBe(before.counts.partners);
    expect(after.counts.formerPartners).toBe(before.counts.formerPartners + 1);
    await t.db.delete(memberships).where(eq(memberships.organisationId, leaving.id));
    expect((await profile()).counts.formerPartners).toBe(before.counts.formerPartners);
  });

  it("follow a change to a partner organisation's facts that its memberships copy", async () => {
    const grown = await addPartner({ joinedOn: '2022-01-01' }, 5);
    const micro = (await profile()).partnerStatistics.bySize.find((s) => s.key === 'micro')?.count ?? 0;
    await t.db.update(organisations).set({ employees: 400 }).where(eq(organisations.id, grown.id));
    const sizes = (await profile()).partnerStatistics.bySize;
    expect(sizes.find((s) => s.key === 'micro')?.count ?? 0).toBe(micro - 1);
    expect(sizes.find((s) => s.key === 'large')?.count).toBeGreaterThanOrEqual(1);
  });

  it("show a partner organisation's new name in the partner list at once", async () => {
    const renamed = await addPartner({ joinedOn: '2023-01-01' });
    await t.db
      .update(organisations)
      .set({ name: 'Omdøpt Verksted AS' })
      .where(eq(organisations.id, renamed.id));
    const list = await t.at('2026-06-15T10:00:00Z').get(`/api/clusters/${cluster.slug}/members?pageSize=100`);
    const row = list.body.items.find(
      (m: { organisation: { orgnr: string } }) => m.organisation.orgnr === renamed.orgnr,
    );
    expect(row.organisation.name).toBe('Omdøpt Verksted AS');
  });

  it('are counted again on a new day, when partners join and leave without any write', async () => {
    await addPartner({ joinedOn: '2026-06-16' });
    await addPartner({ joinedOn: '2020-01-01', leftOn: '2026-06-16' });
    const today = await profile('2026-06-15T10:00:00Z');
    const tomorrow = await profile('2026-06-16T10:00:00Z');
    expect(tomorrow.counts.partners).toBe(today.counts.partners);
    expect(tomorrow.counts.formerPartners).toBe(today.counts.formerPartners + 1);
    expect(await membersTotal('2026-06-16T10:00:00Z')).toBe(tomorrow.counts.partners);
    expect(await listed('2026-06-16T10:00:00Z')).toBe(tomorrow.counts.partners);
    // And back: the figures kept for the sixteenth are not taken for the fifteenth.
    expect((await profile('2026-06-15T10:00:00Z')).counts).toEqual(today.counts);
  });

  it('are not kept over a change made while they were being counted', async () => {
    // Counted figures carry the stamp their statement saw; a stamp that has moved on since (a
    // write committed in between) leaves them unkept, and the next reader counts again.
    await profile();
    await t.db.update(partnerTallies).set({ stamp: 1_000 }).where(eq(partnerTallies.clusterId, cluster.id));
    const [stale] = await t.db.select().from(partnerTallies).where(eq(partnerTallies.clusterId, cluster.id));
    expect(stale!.countedStamp).not.toBe(stale!.stamp);
    await profile();
    const [kept] = await t.db.select().from(partnerTallies).where(eq(partnerTallies.clusterId, cluster.id));
    expect(kept!.countedStamp).toBe(1_000);
  });
});

describe('the worker that keeps every cluster’s partner figures', () => {
  it('counts the clusters whose figures are not good, and only those, until none is left', async () => {
    const clock = fixedClock('2026-06-20T10:00:00Z');
    await keepAllPartnerFigures(t.db, clock);
    const good = async () =>
      t.db
        .select({ id: partnerTallies.clusterId })
        .from(partnerTallies)
        .where(
          and(
            eq(partnerTallies.countedOn, '2026-06-20'),
            sql`${partnerTallies.countedStamp} = ${partnerTallies.stamp}`,
          ),
        );
    const all = await t.db.select({ id: clusters.id }).from(clusters);
    expect((await good()).length).toBe(all.length);
    expect(await keepAllPartnerFigures(t.db, clock)).toBe(0);

    await addPartner({ joinedOn: '2026-01-01' });
    expect(await keepAllPartnerFigures(t.db, clock)).toBe(1);
    // A cluster whose partners nobody has read yet has a stamp and no figures: the worker counts it.
    const unread = await createCluster(t.db, programme, { slug: 'uleste', name: 'Uleste' });
    const stranger = await createOrganisation(t.db, { employees: 3 });
    await createMembership(
      t.db,
      { clusterId: unread.id, organisationId: stranger.id },
      { joinedOn: '2025-01-01' },
    );
    expect(await keepAllPartnerFigures(t.db, clock)).toBe(1);
    const [counted] = await t.db.select().from(partnerTallies).where(eq(partnerTallies.clusterId, unread.id));
    expect(counted).toMatchObject({ countedOn: '2026-06-20', active: 1 });
    const [kept] = await t.db.select().from(partnerTallies).where(eq(partnerTallies.clusterId, cluster.id));
    const live = await t
      .at('2026-06-20T10:00:00Z')
      .get(`/api/clusters/${cluster.slug}/members?include=current`);
    expect(kept!.active).toBe(live.body.total);
    // The profile then reads the kept figures in its one statement.
    const { queries } = await t.withQueries(() =>
      t.at('2026-06-20T10:00:00Z').get(`/api/clusters/${cluster.slug}`),
    );
    expect(queries).toHaveLength(1);
  });
});
