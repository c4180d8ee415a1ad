import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { seedDemo } from '../../server/demo-seed';
import { FEATURES } from '../../server/features';
import { setupTestApp } from '../../testing/harness';
import { DEMO_ACCOUNTS } from '../accounts/accounts.seed';
import { DEMO_FORMING_NETWORK } from './decisions.seed';

const t = setupTestApp();
const demo = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!;

describe("the demo's round of decisions", () => {
  let round: string;
  beforeAll(async () => {
    // The route tests' clock says 2026-06-15; the demo is seeded on that day.
    await seedDemo(t.db, fixedClock('2026-06-15T10:00:00Z'), '2026-06-15', FEATURES);
    const calls = await t.get('/api/calls?status=closed');
    round = calls.body.items.find((call: { title: { en: string } }) =>
      call.title.en.includes('autumn round'),
    ).id;
  }, 180_000);

  it('has a draft for every application, one past the frame and one past the ten-year cap, ready to publish', async () => {
    const staff = await t.signIn(demo('programme_staff').email, demo('programme_staff').password);
    const { status, body } = await t.get(`/api/calls/${round}/decisions`, { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body.undecided).toEqual([]);
    expect(body.items).toHaveLength(4);
    expect(body.frameOverruns.map((o: { year: number }) => o.year)).toEqual([2026]);
    const warned = (slug: string) =>
      body.items.find((i: { cluster: { slug: string } }) => i.cluster.slug === slug);
    expect(warned('circular-wave').warnings.frameYears).toEqual([2026]);
    expect(warned('nce-aquatech-cluster').warnings.stateAid.overCap).toBe(true);
    expect(warned(DEMO_FORMING_NETWORK.slug).warnings.stateAid.overCap).toBe(false);
    expect(body.mayPublish).toBe(true);
  });

  it('is published by an operator admin with a reason: the forming network becomes a public cluster with its partners', async () => {
    const operator = await t.signIn(demo('operator_admin').email, demo('operator_admin').password);
    const refused = await t.send('POST', `/api/calls/${round}/publish-decisions`, {}, { cookie: operator });
    expect(refused.status).toBe(409);
    const done = await t.send(
      'POST',
      `/api/calls/${round}/publish-decisions`,
      { override: { reason: 'Tilleggsbevilgning i revidert budsjett.' } },
      { cookie: operator },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ published: 4, admitted: 3, rejected: 1 });
    const network = await t.get(`/api/clusters/${DEMO_FORMING_NETWORK.slug}`);
    expect(network.status).toBe(200);
    expect(network.body.currentLevel?.code).toBe('arena');
    const partners = await t.get(`/api/clusters/${DEMO_FORMING_NETWORK.slug}/members`);
    expect(partners.body.items.length).toBeGreaterThan(0);
    expect((await t.get('/api/clusters/circular-wave')).body.currentLevel?.code).toBe('arena_pro');
  });
});
