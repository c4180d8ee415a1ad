import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../server/service-context';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';
import { createCommitments, createFrame, createPriceIndex } from './budget.seed';
import { budgetFrames, commitments } from './budget.table';
import { listGrantedEngagements } from './budget-parties.read-model';
import { frameOverruns, recordCommitments } from './commitments.service';

// Frames and sums are per year for the whole programme, so each test keeps to years of its own.
const t = setupTestApp();

let programme: SeededProgramme;
let operator: string;
let staff: string;
let manager: string;
let arena: string;
let arenaPro: string;

type Made = { id: string; slug: string; engagementId: string; levelId: string };

/** A cluster with one Arena engagement running through the years given. */
async function clusterAtArena(fromYear: number, toYear: number, level: 'arena' | 'arena_pro' = 'arena') {
  const cluster = await createCluster(t.db, programme, {
    engagements: [
      { level, startsOn: `${fromYear}-01-01`, plannedEndOn: `${toYear}-12-31`, yearlyGrantNok: 2_000_000 },
    ],
  });
  const [engagement] = await listGrantedEngagements(t.db, [cluster.id]);
  return { id: cluster.id, slug: cluster.slug, engagementId: engagement!.id, levelId: engagement!.levelId };
}

async function commit(cluster: Made, year: number, amountNok: number) {
  const [row] = await createCommitments(t.db, [
    {
      clusterId: cluster.id,
      engagementId: cluster.engagementId,
      levelId: cluster.levelId,
      year,
      amountNok,
      decisionId: null,
    },
  ]);
  return row!;
}

const as = (cookie: string) => ({ headers: { cookie } });
const paths = (body: { errors?: { path: (string | number)[] }[] }) =>
  (body.errors ?? []).map((e) => e.path.join('.')).sort();
const auditOf = (entityType: string, entityId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)));

function systemCtx(): ServiceContext {
  return { db: t.db, clock: t.clock, actor: { kind: 'anonymous' } };
}

beforeAll(async () => {
  programme = await createProgramme(t.db);
  arena = programme.levelIds.get('arena')!;
  arenaPro = programme.levelIds.get('arena_pro')!;
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  const cluster = await createCluster(t.db, programme);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
}, 60_000);

describe('frames', () => {
  it('an operator admin sets a year’s frame with a split per level, audited, and the ledger shows it', async () => {
    const put = await t.send(
      'PUT',
      '/api/budget/frames/2031',
      { frameNok: 217_000_000, byLevel: { arena: 60_000_000, arena_pro: 100_000_000 } },
      { cookie: operator },
    );
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      year: 2031,
      frameNok: 217_000_000,
      byLevel: { arena: 60_000_000, arena_pro: 100_000_000 },
    });
    const ledger = await t.get('/api/budget?from=2031&to=2031', as(staff));
    expect(ledger.status).toBe(200);
    expect(ledger.body.years[0]).toMatchObject({
      year: 2031,
      frameNok: 217_000_000,
      committedNok: 0,
      remainingNok: 217_000_000,
      byLevel: {
        arena: { frameNok: 60_000_000, committedNok: 0, remainingNok: 60_000_000 },
        arena_pro: { frameNok: 100_000_000 },
      },
    });
    const [event] = await auditOf('budget_frame', '2031');
    expect(event).toMatchObject({ action: 'budget_frame.set', before: null });
  });

  it('changing a frame records the amounts before and after; the same frame again records nothing', async () => {
    await t.send('PUT', '/api/budget/frames/2032', { frameNok: 217_000_000 }, { cookie: operator });
    await t.send('PUT', '/api/budget/frames/2032', { frameNok: 158_000_000 }, { cookie: operator });
    await t.send('PUT', '/api/budget/frames/2032', { frameNok: 158_000_000 }, { cookie: operator });
    const events = await auditOf('budget_frame', '2032');
    expect(events.map((e) => e.action)).toEqual(['budget_frame.set', 'budget_frame.changed']);
    expect(events[1]).toMatchObject({
      before: { frameNok: 217_000_000, byLevel: {} },
      after: { frameNok: 158_000_000, byLevel: {} },
    });
  });

  it('leaving the split out removes it', async () => {
    await t.send(
      'PUT',
      '/api/budget/frames/2033',
      { frameNok: 100, byLevel: { arena: 50 } },
      { cookie: operator },
    );
    const put = await t.send('PUT', '/api/budget/frames/2033', { frameNok: 100 }, { cookie: operator });
    expect(put.body.byLevel).toEqual({});
    const ledger = await t.get('/api/budget?from=2033&to=2033', as(staff));
    expect(ledger.body.years[0].byLevel).toEqual({});
  });

  it('refuses amounts that are not whole non-negative kroner, years out of range and a split over the frame, field by field, changing nothing', async () => {
    const bad = await t.send(
      'PUT',
      '/api/budget/frames/2034',
      { frameNok: 12.5, byLevel: { arena: -1 } },
      { cookie: operator },
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(paths(bad.body)).toEqual(['body.byLevel.arena', 'body.frameNok']);

    const over = await t.send(
      'PUT',
      '/api/budget/frames/2034',
      { frameNok: 100, byLevel: { arena: 60, arena_pro: 50 } },
      { cookie: operator },
    );
    expect(over.status).toBe(422);
    expect(paths(over.body)).toEqual(['body.byLevel']);

    const unknownLevel = await t.send(
      'PUT',
      '/api/budget/frames/2034',
      { frameNok: 100, byLevel: { platinum: 10 } },
      { cookie: operator },
    );
    expect(unknownLevel.status).toBe(422);

    const year = await t.send('PUT', '/api/budget/frames/1999', { frameNok: 100 }, { cookie: operator });
    expect(year.status).toBe(422);
    expect(paths(year.body)).toEqual(['param.year']);
    const notYear = await t.send('PUT', '/api/budget/frames/twenty', { frameNok: 100 }, { cookie: operator });
    expect(notYear.status).toBe(422);

    const frames = await t.db.select().from(budgetFrames).where(eq(budgetFrames.year, 2034));
    expect(frames).toEqual([]);
  });

  it('programme staff read the ledger but do not set frames; cluster managers and the public do neither', async () => {
    expect((await t.send('PUT', '/api/budget/frames/2035', { frameNok: 1 }, { cookie: staff })).status).toBe(
      403,
    );
    expect(
      (await t.send('PUT', '/api/budget/frames/2035', { frameNok: 1 }, { cookie: manager })).status,
    ).toBe(403);
    expect((await t.send('PUT', '/api/budget/frames/2035', { frameNok: 1 })).status).toBe(401);
    expect((await t.get('/api/budget', as(manager))).status).toBe(403);
    expect((await t.get('/api/budget')).status).toBe(401);
    expect((await t.get('/api/budget/scenarios?year=2035&cutPercent=10', as(manager))).status).toBe(403);
  });
});

describe('the ledger', () => {
  it('shows per year the frame, the commitments and payments per level, what is left and what is unpaid', async () => {
    await createFrame(t.db, programme.id, 2036, 10_000_000, { [arena]: 4_000_000 });
    const a = await clusterAtArena(2036, 2037);
    const b = await clusterAtArena(2036, 2037, 'arena_pro');
    await commit(a, 2036, 3_000_000);
    await commit(b, 2036, 5_000_000);
    await commit(a, 2037, 1_000_000);
    const paid = await t.send(
      'POST',
      `/api/clusters/${a.slug}/payments`,
      { engagementId: a.engagementId, year: 2036, amountNok: 1_000_000, paidOn: '2036-03-01' },
      { cookie: staff },
    );
    expect(paid.status).toBe(201);

    const ledger = await t.get('/api/budget?from=2036&to=2037', as(staff));
    expect(ledger.status).toBe(200);
    expect(ledger.body.years).toEqual([
      {
        year: 2036,
        frameNok: 10_000_000,
        committedNok: 8_000_000,
        paidNok: 1_000_000,
        remainingNok: 2_000_000,
        unpaidNok: 7_000_000,
        byLevel: {
          arena: {
            frameNok: 4_000_000,
            committedNok: 3_000_000,
            paidNok: 1_000_000,
            remainingNok: 1_000_000,
          },
          arena_pro: { frameNok: null, committedNok: 5_000_000, paidNok: 0, remainingNok: null },
        },
        priceIndex: null,
        real: null,
      },
      {
        year: 2037,
        frameNok: null,
        committedNok: 1_000_000,
        paidNok: 0,
        remainingNok: null,
        unpaidNok: 1_000_000,
        byLevel: { arena: { frameNok: null, committedNok: 1_000_000, paidNok: 0, remainingNok: null } },
        priceIndex: null,
        real: null,
      },
    ]);
  });

  it('shows one year cluster by cluster and level by level', async () => {
    await createFrame(t.db, programme.id, 2048, 10_000_000);
    const a = await clusterAtArena(2048, 2048);
    const b = await clusterAtArena(2048, 2048, 'arena_pro');
    await commit(a, 2048, 1_000_000);
    await commit(a, 2048, 500_000);
    await commit(b, 2048, 3_000_000);
    await t.send(
      'POST',
      `/api/clusters/${b.slug}/payments`,
      { engagementId: b.engagementId, year: 2048, amountNok: 1_000_000, paidOn: '2048-03-01' },
      { cookie: staff },
    );
    const year = await t.get('/api/budget/years/2048', as(staff));
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({
      year: 2048,
      frameNok: 10_000_000,
      committedNok: 4_500_000,
      paidNok: 1_000_000,
      remainingNok: 5_500_000,
    });
    const bySlug = Object.fromEntries(
      year.body.clusters.map((row: { cluster: { slug: string } }) => [row.cluster.slug, row]),
    );
    expect(bySlug[a.slug]).toMatchObject({ level: 'arena', committedNok: 1_500_000, paidNok: 0 });
    expect(bySlug[b.slug]).toMatchObject({ level: 'arena_pro', committedNok: 3_000_000, paidNok: 1_000_000 });
    expect((await t.get('/api/budget/years/1850', as(staff))).status).toBe(422);
    expect((await t.get('/api/budget/years/2048', as(manager))).status).toBe(403);
  });

  it('runs from the first to the last committed year when no years are asked for', async () => {
    const a = await clusterAtArena(2060, 2061);
    await commit(a, 2061, 1_000);
    const ledger = await t.get('/api/budget', as(staff));
    expect(ledger.status).toBe(200);
    const [first] = await t.db
      .select({ year: commitments.year })
      .from(commitments)
      .orderBy(commitments.year)
      .limit(1);
    expect(ledger.body.from).toBe(first!.year);
    expect(ledger.body.to).toBe(2061);
    expect(ledger.body.years.map((y: { year: number }) => y.year)).toContain(2061);
  });

  it('deflates the amounts by the price index an operator enters, and has no real values without one', async () => {
    const put = await t.send('PUT', '/api/budget/price-index/2038', { value: 125 }, { cookie: operator });
    expect(put.status).toBe(200);
    expect(put.body.years).toContainEqual({ year: 2038, value: 125 });
    expect((await auditOf('price_index', '2038'))[0]).toMatchObject({ action: 'price_index.set' });
    await createFrame(t.db, programme.id, 2038, 10_000_000);
    const a = await clusterAtArena(2038, 2039);
    await commit(a, 2038, 5_000_000);
    await commit(a, 2039, 5_000_000);
    const ledger = await t.get('/api/budget?from=2038&to=2039', as(staff));
    expect(ledger.body.years[0]).toMatchObject({
      priceIndex: 125,
      real: { frameNok: 8_000_000, committedNok: 4_000_000, paidNok: 0, remainingNok: 4_000_000 },
    });
    expect(ledger.body.years[1]).toMatchObject({ priceIndex: null, real: null });
    const index = await t.get('/api/budget/price-index', as(staff));
    expect(index.body.years).toContainEqual({ year: 2038, value: 125 });
  });

  it('refuses a price index that is not a positive number, and staff may not set it', async () => {
    const zero = await t.send('PUT', '/api/budget/price-index/2040', { value: 0 }, { cookie: operator });
    expect(zero.status).toBe(422);
    expect(paths(zero.body)).toEqual(['body.value']);
    expect(
      (await t.send('PUT', '/api/budget/price-index/2040', { value: 101 }, { cookie: staff })).status,
    ).toBe(403);
  });

  it('refuses a span that runs backwards or is too long', async () => {
    const backwards = await t.get('/api/budget?from=2030&to=2020', as(staff));
    expect(backwards.status).toBe(422);
    expect(paths(backwards.body)).toEqual(['query.to']);
    expect((await t.get('/api/budget?from=2000&to=2099', as(staff))).status).toBe(422);
    expect((await t.get('/api/budget?from=abc', as(staff))).status).toBe(422);
  });
});

describe('commitments and the frame check', () => {
  it('records commitments in the caller’s transaction, each audited, and none when the transaction fails', async () => {
    const a = await clusterAtArena(2041, 2042);
    const decisionId = '7a1c7b8e-4b0e-4c44-9a53-4f3f5c1a0001';
    await t.db.transaction(async (tx) => {
      await recordCommitments({ ...systemCtx(), db: tx }, [
        {
          clusterId: a.id,
          engagementId: a.engagementId,
          levelId: a.levelId,
          year: 2041,
          amountNok: 2_000_000,
          decisionId,
        },
        {
          clusterId: a.id,
          engagementId: a.engagementId,
          levelId: a.levelId,
          year: 2042,
          amountNok: 2_000_000,
          decisionId,
        },
      ]);
    });
    const rows = await t.db.select().from(commitments).where(eq(commitments.clusterId, a.id));
    expect(rows.map((r) => [r.year, r.amountNok, r.decisionId])).toEqual([
      [2041, 2_000_000, decisionId],
      [2042, 2_000_000, decisionId],
    ]);
    for (const row of rows) {
      expect((await auditOf('commitment', row.id))[0]).toMatchObject({
        action: 'commitment.recorded',
        clusterId: a.id,
      });
    }

    const b = await clusterAtArena(2041, 2042);
    await expect(
      t.db.transaction(async (tx) => {
        await recordCommitments({ ...systemCtx(), db: tx }, [
          {
            clusterId: b.id,
            engagementId: b.engagementId,
            levelId: b.levelId,
            year: 2041,
            amountNok: 1,
            decisionId: null,
          },
        ]);
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await t.db.select().from(commitments).where(eq(commitments.clusterId, b.id))).toEqual([]);
  });

  it("refuses a commitment naming another cluster's engagement or another level, recording nothing", async () => {
    const a = await clusterAtArena(2041, 2042);
    const b = await clusterAtArena(2041, 2042);
    const row = { engagementId: a.engagementId, year: 2041, amountNok: 1, decisionId: null };
    await expect(
      recordCommitments(systemCtx(), [{ ...row, clusterId: b.id, levelId: a.levelId }]),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ path: ['commitments', 0, 'clusterId'] }],
    });
    await expect(
      recordCommitments(systemCtx(), [{ ...row, clusterId: a.id, levelId: arenaPro }]),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ path: ['commitments', 0, 'levelId'] }],
    });
    expect(await t.db.select().from(commitments).where(eq(commitments.engagementId, a.engagementId))).toEqual(
      [],
    );
  });

  it('refuses a commitment that is not whole kroner', async () => {
    const a = await clusterAtArena(2041, 2042);
    await expect(
      recordCommitments(systemCtx(), [
        {
          clusterId: a.id,
          engagementId: a.engagementId,
          levelId: a.levelId,
          year: 2041,
          amountNok: 1.5,
          decisionId: null,
        },
      ]),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('finds the years whose frame the additions would pass, with the amounts; a year without a frame is never over', async () => {
    await createFrame(t.db, programme.id, 2043, 10_000_000);
    await createFrame(t.db, programme.id, 2044, 10_000_000);
    const a = await clusterAtArena(2043, 2045);
    await commit(a, 2043, 9_000_000);
    await commit(a, 2044, 5_000_000);
    const overruns = await frameOverruns({ db: t.db }, [
      { year: 2043, levelId: arena, amountNok: 2_000_000 },
      { year: 2044, levelId: arena, amountNok: 5_000_000 },
      { year: 2045, levelId: arena, amountNok: 99_000_000 },
    ]);
    expect(overruns).toEqual([
      { year: 2043, frameNok: 10_000_000, committedNok: 9_000_000, addingNok: 2_000_000, overNok: 1_000_000 },
    ]);
  });

  it('checks the frames inside the transaction a decision holds, seeing the commitments it has recorded there', async () => {
    await createFrame(t.db, programme.id, 2047, 5_000_000);
    const a = await clusterAtArena(2047, 2047);
    const overruns = await t.db.transaction(async (tx) => {
      await recordCommitments({ ...systemCtx(), db: tx }, [
        {
          clusterId: a.id,
          engagementId: a.engagementId,
          levelId: a.levelId,
          year: 2047,
          amountNok: 4_000_000,
          decisionId: null,
        },
      ]);
      return frameOverruns({ db: tx }, [{ year: 2047, levelId: a.levelId, amountNok: 2_000_000 }]);
    });
    expect(overruns).toEqual([
      { year: 2047, frameNok: 5_000_000, committedNok: 4_000_000, addingNok: 2_000_000, overNok: 1_000_000 },
    ]);
  });

  it("holds a level to its part of the frame, reporting that part's amounts", async () => {
    await createFrame(t.db, programme.id, 2046, 100_000_000, { [arenaPro]: 10_000_000 });
    const a = await clusterAtArena(2046, 2046, 'arena_pro');
    await commit(a, 2046, 9_000_000);
    expect(
      await frameOverruns({ db: t.db }, [{ year: 2046, levelId: arena, amountNok: 20_000_000 }]),
    ).toEqual([]);
    expect(
      await frameOverruns({ db: t.db }, [{ year: 2046, levelId: arenaPro, amountNok: 3_000_000 }]),
    ).toEqual([
      { year: 2046, frameNok: 10_000_000, committedNok: 9_000_000, addingNok: 3_000_000, overNok: 2_000_000 },
    ]);
  });
});

describe('cut scenarios', () => {
  /** Frames of 100 MNOK and 80 MNOK committed in each of three years from `first`. */
  async function threeYears(first: number) {
    const span = [first, first + 1, first + 2];
    for (const year of span) await createFrame(t.db, programme.id, year, 100_000_000);
    const a = await clusterAtArena(first, first + 2);
    const b = await clusterAtArena(first, first + 2, 'arena_pro');
    for (const year of span) {
      await commit(a, year, 30_000_000);
      await commit(b, year, 50_000_000);
    }
    return { a, b };
  }

  it('a 30 % cut from a year on lists the years that go over, by how much, and their commitments, changing nothing', async () => {
    const { a, b } = await threeYears(2050);
    await createPriceIndex(t.db, programme.id, 2051, 125);
    const scenario = await t.get('/api/budget/scenarios?year=2051&cutPercent=30&untilYear=2052', as(staff));
    expect(scenario.status).toBe(200);
    expect(scenario.body.years).toEqual([
      {
        year: 2051,
        frameNok: 100_000_000,
        scenarioFrameNok: 70_000_000,
        committedNok: 80_000_000,
        overNok: 10_000_000,
        realScenarioFrameNok: 56_000_000,
        realCommittedNok: 64_000_000,
        realOverNok: 8_000_000,
      },
      {
        year: 2052,
        frameNok: 100_000_000,
        scenarioFrameNok: 70_000_000,
        committedNok: 80_000_000,
        overNok: 10_000_000,
        realScenarioFrameNok: null,
        realCommittedNok: null,
        realOverNok: null,
      },
    ]);
    expect(scenario.body.overruns).toEqual([
      {
        year: 2051,
        level: null,
        frameNok: 70_000_000,
        committedNok: 80_000_000,
        overNok: 10_000_000,
        real: { frameNok: 56_000_000, committedNok: 64_000_000, overNok: 8_000_000 },
      },
      {
        year: 2052,
        level: null,
        frameNok: 70_000_000,
        committedNok: 80_000_000,
        overNok: 10_000_000,
        real: null,
      },
    ]);
    type Affected = { cluster: { slug: string }; year: number; amountNok: number; realNok: number | null };
    const affected = scenario.body.affected.map(
      (c: Affected) => `${c.year} ${c.cluster.slug} ${c.amountNok} ${c.realNok}`,
    );
    expect(affected.sort()).toEqual(
      [
        `2051 ${a.slug} 30000000 24000000`,
        `2051 ${b.slug} 50000000 40000000`,
        `2052 ${a.slug} 30000000 null`,
        `2052 ${b.slug} 50000000 null`,
      ].sort(),
    );
    const frames = await t.get('/api/budget?from=2050&to=2052', as(staff));
    expect(frames.body.years.map((y: { frameNok: number }) => y.frameNok)).toEqual([
      100_000_000, 100_000_000, 100_000_000,
    ]);
  });

  it('a cut that leaves room lists no years', async () => {
    await threeYears(2062);
    const scenario = await t.get('/api/budget/scenarios?year=2062&cutPercent=20&untilYear=2064', as(staff));
    expect(scenario.body.overruns).toEqual([]);
    expect(scenario.body.affected).toEqual([]);
  });

  it('cuts to an absolute frame', async () => {
    for (const year of [2053, 2054]) await createFrame(t.db, programme.id, year, 100_000_000);
    const a = await clusterAtArena(2053, 2054);
    await commit(a, 2053, 60_000_000);
    await commit(a, 2054, 40_000_000);
    const scenario = await t.get(
      '/api/budget/scenarios?year=2053&frameNok=50000000&untilYear=2054',
      as(staff),
    );
    expect(scenario.status).toBe(200);
    expect(scenario.body.overruns.map((o: { year: number; overNok: number }) => [o.year, o.overNok])).toEqual(
      [[2053, 10_000_000]],
    );
    expect(scenario.body.affected.map((c: { year: number }) => c.year)).toEqual([2053]);
  });

  it('cuts a level’s part in proportion and lists only that level’s commitments when only the part is passed', async () => {
    await createFrame(t.db, programme.id, 2055, 100_000_000, { [arena]: 20_000_000 });
    const a = await clusterAtArena(2055, 2055);
    const b = await clusterAtArena(2055, 2055, 'arena_pro');
    await commit(a, 2055, 18_000_000);
    await commit(b, 2055, 10_000_000);
    const scenario = await t.get('/api/budget/scenarios?year=2055&cutPercent=50&untilYear=2055', as(staff));
    expect(scenario.body.overruns).toEqual([
      {
        year: 2055,
        level: 'arena',
        frameNok: 10_000_000,
        committedNok: 18_000_000,
        overNok: 8_000_000,
        real: null,
      },
    ]);
    expect(scenario.body.affected.map((c: { cluster: { slug: string } }) => c.cluster.slug)).toEqual([
      a.slug,
    ]);
  });

  it('carries the cut to the last year with a frame when no last year is given', async () => {
    for (const year of [2056, 2057]) await createFrame(t.db, programme.id, year, 100_000_000);
    const scenario = await t.get('/api/budget/scenarios?year=2056&cutPercent=30', as(staff));
    expect(scenario.status).toBe(200);
    expect(scenario.body.untilYear).toBeGreaterThanOrEqual(2057);
  });

  it('refuses a scenario without exactly one of cutPercent and frameNok, a cut over 100 % and a year with no frame to cut', async () => {
    const neither = await t.get('/api/budget/scenarios?year=2050', as(staff));
    expect(neither.status).toBe(422);
    expect(paths(neither.body)).toEqual(['query.cutPercent']);
    expect((await t.get('/api/budget/scenarios?year=2050&cutPercent=10&frameNok=5', as(staff))).status).toBe(
      422,
    );
    const tooMuch = await t.get('/api/budget/scenarios?year=2050&cutPercent=150', as(staff));
    expect(paths(tooMuch.body)).toEqual(['query.cutPercent']);
    const negative = await t.get('/api/budget/scenarios?year=2050&frameNok=-5', as(staff));
    expect(paths(negative.body)).toEqual(['query.frameNok']);
    const noFrame = await t.get('/api/budget/scenarios?year=2099&cutPercent=10', as(staff));
    expect(noFrame.status).toBe(422);
    expect(paths(noFrame.body)).toEqual(['query.year']);
    const backwards = await t.get('/api/budget/scenarios?year=2050&cutPercent=10&untilYear=2049', as(staff));
    expect(paths(backwards.body)).toEqual(['query.untilYear']);
  });
});

describe("a cluster's commitments and payments", () => {
  it('lists every commitment and payment of the cluster, with totals per year', async () => {
    const a = await clusterAtArena(2058, 2059);
    await commit(a, 2058, 2_000_000);
    await commit(a, 2059, 2_000_000);
    await t.send(
      'POST',
      `/api/clusters/${a.slug}/payments`,
      {
        engagementId: a.engagementId,
        year: 2058,
        amountNok: 2_000_000,
        paidOn: '2058-12-15',
        note: 'Sluttutbetaling',
      },
      { cookie: operator },
    );
    const view = await t.get(`/api/clusters/${a.slug}/commitments`, as(staff));
    expect(view.status).toBe(200);
    expect(view.body.commitments.map((c: { year: number; level: string }) => [c.year, c.level])).toEqual([
      [2058, 'arena'],
      [2059, 'arena'],
    ]);
    expect(view.body.payments).toMatchObject([{ year: 2058, amountNok: 2_000_000, note: 'Sluttutbetaling' }]);
    expect(view.body.years).toEqual([
      { year: 2058, committedNok: 2_000_000, paidNok: 2_000_000, realCommittedNok: null },
      { year: 2059, committedNok: 2_000_000, paidNok: 0, realCommittedNok: null },
    ]);
    expect(view.body).toMatchObject({ totalCommittedNok: 4_000_000, totalPaidNok: 2_000_000 });
    const [payment] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'payment.recorded'));
    expect(payment).toBeDefined();
  });

  it('refuses a payment beyond what is committed, for a year without a commitment, or against another cluster’s engagement', async () => {
    const a = await clusterAtArena(2058, 2059);
    const b = await clusterAtArena(2058, 2059);
    await commit(a, 2058, 1_000_000);
    const pay = (slug: string, body: Record<string, unknown>) =>
      t.send('POST', `/api/clusters/${slug}/payments`, { paidOn: '2058-06-01', ...body }, { cookie: staff });
    expect((await pay(a.slug, { engagementId: a.engagementId, year: 2058, amountNok: 600_000 })).status).toBe(
      201,
    );
    const over = await pay(a.slug, { engagementId: a.engagementId, year: 2058, amountNok: 500_000 });
    expect(over.status).toBe(422);
    expect(paths(over.body)).toEqual(['body.amountNok']);
    const noYear = await pay(a.slug, { engagementId: a.engagementId, year: 2059, amountNok: 1 });
    expect(paths(noYear.body)).toEqual(['body.year']);
    const foreign = await pay(b.slug, { engagementId: a.engagementId, year: 2058, amountNok: 1 });
    expect(paths(foreign.body)).toEqual(['body.engagementId']);
    const bad = await pay(a.slug, { engagementId: 'x', year: 1900, amountNok: 0, paidOn: '15.06.2058' });
    expect(paths(bad.body)).toEqual(['body.amountNok', 'body.engagementId', 'body.paidOn', 'body.year']);
    const view = await t.get(`/api/clusters/${a.slug}/commitments`, as(staff));
    expect(view.body.totalPaidNok).toBe(600_000);
  });

  it('is for programme staff: a cluster manager may not read it, an unknown cluster is not found', async () => {
    const a = await clusterAtArena(2058, 2059);
    expect((await t.get(`/api/clusters/${a.slug}/commitments`, as(manager))).status).toBe(403);
    expect((await t.get('/api/clusters/no-such-cluster/commitments', as(staff))).status).toBe(404);
    const paid = await t.send(
      'POST',
      `/api/clusters/${a.slug}/payments`,
      { engagementId: a.engagementId, year: 2058, amountNok: 1, paidOn: '2058-06-01' },
      { cookie: manager },
    );
    expect(paid.status).toBe(403);
  });
});
