import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { seedDemo } from '../../server/demo-seed';
import { FEATURES } from '../../server/features';
import { setupTestApp } from '../../testing/harness';
import { DEMO_ACCOUNTS, DEMO_HOME_CLUSTER } from '../accounts/accounts.seed';
import { DEMO_ASSESSORS } from './assessments.seed';

const t = setupTestApp();
const demo = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!;

describe('the demo panel of 2021', () => {
  let closedCall: string;
  beforeAll(async () => {
    await seedDemo(t.db, systemClock, '2026-06-15', FEATURES);
    const calls = await t.get('/api/calls?status=closed');
    closedCall = calls.body.items.find((call: { deadlineAt: string }) =>
      call.deadlineAt.startsWith('2021'),
    ).id;
  }, 180_000);

  it('ranks every submitted application within its level for programme staff, with a recommendation or two', async () => {
    const staff = await t.signIn(demo('programme_staff').email, demo('programme_staff').password);
    const { status, body } = await t.get(`/api/calls/${closedCall}/panel`, { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body.status).toBe('open');
    expect(body.applications).toHaveLength(6);
    for (const level of ['arena_pro', 'arena']) {
      const ranks = body.applications
        .filter((a: { level: string }) => a.level === level)
        .map((a: { rank: number | null }) => a.rank);
      expect(ranks[0], level).toBe(1);
      expect(ranks.every((rank: number | null) => rank !== null)).toBe(true);
    }
    const act = body.applications.find(
      (a: { cluster: { slug: string } }) => a.cluster.slug === DEMO_HOME_CLUSTER,
    );
    expect(act.assessors.map((a: { status: string }) => a.status).sort()).toEqual([
      'assigned',
      'completed',
      'conflict',
    ]);
    expect(
      body.applications.filter((a: { recommendation: unknown }) => a.recommendation !== null),
    ).toHaveLength(2);
  });

  it("leaves Aud a declaration to make on ACT's application, where her organisation is a partner", async () => {
    const aud = await t.signIn(demo('assessor').email, demo('assessor').password);
    const queue = await t.get('/api/assessments', { headers: { cookie: aud } });
    const act = queue.body.items.find(
      (item: { application: { cluster: { slug: string } } }) =>
        item.application.cluster.slug === DEMO_HOME_CLUSTER,
    );
    expect(act.status).toBe('assigned');
    const view = await t.get(`/api/assessments/${act.id}`, { headers: { cookie: aud } });
    expect(view.body.links.map((link: { kind: string }) => link.kind).sort()).toEqual([
      'cluster_partner',
      'same_organisation',
    ]);
  });

  it('lets the other demo assessors sign in; Brage has declared a conflict on ACT and awaits Solenergiklyngen', async () => {
    const [brage, cecilie] = DEMO_ASSESSORS;
    await t.signIn(cecilie.email, cecilie.password);
    const cookie = await t.signIn(brage.email, brage.password);
    const queue = await t.get('/api/assessments', { headers: { cookie } });
    const slugs = queue.body.items.map(
      (item: { application: { cluster: { slug: string } } }) => item.application.cluster.slug,
    );
    expect(slugs).not.toContain(DEMO_HOME_CLUSTER);
    const solar = queue.body.items.find(
      (item: { application: { cluster: { slug: string } } }) =>
        item.application.cluster.slug === 'solenergiklyngen',
    );
    expect(solar.status).toBe('assigned');
    expect(
      (await t.get(`/api/assessments/${solar.id}`, { headers: { cookie } })).body.links.length,
    ).toBeGreaterThan(0);
  });
});
