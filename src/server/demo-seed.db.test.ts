import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../features/accounts/accounts.seed';
import { generateDemoOrganisations } from '../features/organisations/organisations.demo';
import { hasProgramme } from '../features/programme/programme.service';
import { isValidOrgnr } from '../shared/orgnr';
import { seededRandom } from '../shared/random';
import { setupTestApp } from '../testing/harness';
import { systemClock } from './clock';
import { seedDemo } from './demo-seed';
import { FEATURES } from './features';

const t = setupTestApp();

describe('a demo seed that fails part of the way', () => {
  it('leaves the database as empty as it was', async () => {
    const failing = [
      ...FEATURES.filter((feature) => feature.name === 'programme'),
      {
        name: 'broken',
        seedDemo: async () => {
          throw new Error('the demo data is broken');
        },
      },
    ];
    await expect(seedDemo(t.db, systemClock, '2026-06-15', failing)).rejects.toThrow(
      'the demo data is broken',
    );
    expect(await hasProgramme(t)).toBe(false);
  });
});

describe('the demo data', () => {
  beforeAll(async () => {
    expect(await hasProgramme(t)).toBe(false);
    await seedDemo(t.db, systemClock, '2026-06-15', FEATURES);
  }, 120_000);

  it('holds the national programme with 40+ real clusters, about 2,000 organisations and their memberships', async () => {
    const { body: programme } = await t.get('/api/programme');
    expect(programme.name.en).toBe('Norwegian Innovation Clusters');
    const { body: clusters } = await t.get('/api/clusters?pageSize=1');
    expect(clusters.total).toBeGreaterThanOrEqual(40);
    const counts = await t.db.execute<{ organisations: number; memberships: number }>(
      sql`select (select count(*)::int from organisations) as organisations, (select count(*)::int from memberships) as memberships`,
    );
    expect(counts.rows[0]!.organisations).toBe(2_000);
    expect(counts.rows[0]!.memberships).toBeGreaterThan(2_000);
    expect(await hasProgramme(t)).toBe(true);
  });

  it('gives every organisation a valid organisation number', async () => {
    const { rows } = await t.db.execute<{ orgnr: string }>(sql`select orgnr from organisations`);
    expect(rows.filter((r) => !isValidOrgnr(r.orgnr))).toEqual([]);
  });

  it('tells Arctic Cluster Team’s story: Arena from 2017, Arena Pro from 2021, with its partners', async () => {
    const { body } = await t.get('/api/clusters/arctic-cluster-team');
    const levels = body.levelHistory.map(
      (e: { level: string; startsOn: string }) => `${e.level} ${e.startsOn.slice(0, 4)}`,
    );
    expect(levels.slice(0, 2)).toEqual(['arena 2017', 'arena_pro 2021']);
    expect(body.partnerStatistics.total).toBeGreaterThan(70);
  });

  it('attaches Havbruksnettverk Helgeland as a hub-node to NCE Aquatech Cluster', async () => {
    const { body } = await t.get('/api/clusters/havbruksnettverk-helgeland');
    expect(body.levelHistory[0].level).toBe('hub_node');
    expect(body.hubs.map((l: { cluster: { slug: string } }) => l.cluster.slug)).toEqual([
      'nce-aquatech-cluster',
    ]);
  });

  it('has one account per role that can sign in with the documented password', async () => {
    for (const demo of DEMO_ACCOUNTS) {
      const response = await t.send('POST', '/api/auth/login', {
        email: demo.email,
        password: demo.password,
      });
      expect(response.status, demo.email).toBe(200);
      expect(response.body.grants[0].role).toBe(demo.role);
    }
  });

  it('is the same on every run', () => {
    const a = generateDemoOrganisations(50, seededRandom(1));
    const b = generateDemoOrganisations(50, seededRandom(1));
    expect(b).toEqual(a);
    expect(new Set(a.map((o) => o.orgnr)).size).toBe(50);
  });
});
