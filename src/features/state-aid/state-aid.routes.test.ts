import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/http/app-error';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';
import { stateAidClock } from './state-aid.service';

const t = setupTestApp();
let programme: SeededProgramme;
let staff: string;
let operator: string;
let manager: string;
/** Arena extended, Arena Pro ended early, then the mature-cluster sub-programme (not operating aid). */
let matured: Awaited<ReturnType<typeof createCluster>>;
/** Arena overlapping Arena Pro, ten years in all. */
let atCap: Awaited<ReturnType<typeof createCluster>>;

const level = (code: string) => programme.levelIds.get(code as never)!;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  matured = await createCluster(t.db, programme, {
    slug: 'modnet-klynge',
    name: 'Modnet klynge',
    engagements: [
      { level: 'arena', startsOn: '2017-09-01', plannedEndOn: '2020-08-31', extendedToOn: '2020-12-31' },
      { level: 'arena_pro', startsOn: '2021-01-01', plannedEndOn: '2025-12-31', endedOn: '2024-06-30' },
      { level: 'mature_project', startsOn: '2024-07-01', plannedEndOn: '2027-06-30' },
    ],
  });
  atCap = await createCluster(t.db, programme, {
    slug: 'ti-ar-klynge',
    name: 'Ti år-klynge',
    engagements: [
      { level: 'arena', startsOn: '2015-01-01', plannedEndOn: '2018-12-31' },
      { level: 'arena_pro', startsOn: '2018-07-01', plannedEndOn: '2024-12-31' },
    ],
  });
  const accounts = await Promise.all([
    createTestAccount(t.db, 'programme_staff'),
    createTestAccount(t.db, 'operator_admin'),
    createTestAccount(t.db, 'cluster_manager', { clusterId: matured.id }),
  ]);
  const [staffCookie, operatorCookie, managerCookie] = await Promise.all(
    accounts.map((a) => t.signIn(a.email, a.password)),
  );
  staff = staffCookie!;
  operator = operatorCookie!;
  manager = managerCookie!;
});

describe('GET /api/clusters/{slug}/state-aid', () => {
  it('answers programme staff the years used of the cap, with the engagements that count', async () => {
    const { status, body } = await t.get('/api/clusters/modnet-klynge/state-aid', {
      headers: { cookie: staff },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      clusterId: matured.id,
      cluster: { slug: 'modnet-klynge', name: 'Modnet klynge' },
      capYears: 10,
      // 1 September 2017 to 30 June 2024: the extension counts, the early end stops the clock.
      usedYears: 6.8,
      withProposalYears: 6.8,
      overCap: false,
    });
    expect(body.engagements).toEqual([
      {
        engagementId: expect.any(String),
        level: { code: 'arena', name: { nb: 'Arena', en: 'Arena' } },
        from: '2017-09-01',
        to: '2020-12-31',
        years: 3.3,
      },
      {
        engagementId: expect.any(String),
        level: { code: 'arena_pro', name: expect.objectContaining({ en: 'Arena Pro' }) },
        from: '2021-01-01',
        to: '2024-06-30',
        years: 3.5,
      },
    ]);
  });

  it('counts two overlapping engagements once, and reaching the cap exactly is not over it', async () => {
    const { status, body } = await t.get('/api/clusters/ti-ar-klynge/state-aid', {
      headers: { cookie: operator },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ usedYears: 10, overCap: false });
    expect(body.engagements.map((e: { years: number }) => e.years)).toEqual([4, 6.5]);
  });

  it('answers a cluster with no engagements at operating-aid levels with no years', async () => {
    const fresh = await createCluster(t.db, programme, {
      engagements: [{ level: 'pre_project', startsOn: '2025-01-01', plannedEndOn: '2025-12-31' }],
    });
    const { body } = await t.get(`/api/clusters/${fresh.slug}/state-aid`, { headers: { cookie: staff } });
    expect(body).toMatchObject({ usedYears: 0, overCap: false, engagements: [] });
  });

  it('answers an unknown slug with a problem+json 404', async () => {
    const { status, body, headers } = await t.get('/api/clusters/ingen-slik-klynge/state-aid', {
      headers: { cookie: staff },
    });
    expect(status).toBe(404);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body.detail).toContain('ingen-slik-klynge');
  });

  it("refuses the cluster's own manager with 403 and a visitor who is not signed in with 401", async () => {
    const mine = await t.get('/api/clusters/modnet-klynge/state-aid', { headers: { cookie: manager } });
    expect(mine.status).toBe(403);
    expect(mine.body).not.toHaveProperty('usedYears');
    const anonymous = await t.get('/api/clusters/modnet-klynge/state-aid');
    expect(anonymous.status).toBe(401);
  });

  it('refuses a slug that is not one with 422', async () => {
    const { status } = await t.get('/api/clusters/Not%20A%20Slug/state-aid', { headers: { cookie: staff } });
    expect(status).toBe(422);
  });
});

describe('stateAidClock, as a decision asks it', () => {
  it('adds a proposal at an operating-aid level and finds it over the cap', async () => {
    const clock = await stateAidClock({ db: t.db }, atCap.id, {
      levelId: level('arena_pro'),
      startsOn: '2025-01-01',
      years: 2,
    });
    expect(clock).toEqual({
      clusterId: atCap.id,
      capYears: 10,
      usedYears: 10,
      withProposalYears: 12,
      overCap: true,
    });
  });

  it('adds nothing for a proposal at a project-based level', async () => {
    const clock = await stateAidClock({ db: t.db }, atCap.id, {
      levelId: level('mature_project'),
      startsOn: '2025-01-01',
      years: 3,
    });
    expect(clock).toMatchObject({ usedYears: 10, withProposalYears: 10, overCap: false });
  });

  it('counts a proposal that overlaps the running engagement once', async () => {
    // Global from 1 January 2024 for four years overlaps the six months Arena Pro ran in 2024.
    const clock = await stateAidClock({ db: t.db }, matured.id, {
      levelId: level('global'),
      startsOn: '2024-01-01',
      years: 4,
    });
    // 2017-09-01 to 2027-12-31.
    expect(clock).toMatchObject({ usedYears: 6.8, withProposalYears: 10.3, overCap: true });
  });

  it('without a proposal answers the years used', async () => {
    expect(await stateAidClock({ db: t.db }, matured.id)).toMatchObject({
      usedYears: 6.8,
      withProposalYears: 6.8,
      overCap: false,
    });
  });

  it('refuses a level of no programme, and a missing cluster', async () => {
    await expect(
      stateAidClock({ db: t.db }, matured.id, {
        levelId: '00000000-0000-4000-8000-000000000000',
        startsOn: '2025-01-01',
        years: 1,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(stateAidClock({ db: t.db }, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      AppError,
    );
  });

  it('refuses a proposal of no whole years or with no calendar day', async () => {
    const proposal = { levelId: level('arena'), startsOn: '2025-01-01', years: 1 };
    await expect(stateAidClock({ db: t.db }, matured.id, { ...proposal, years: 0 })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      stateAidClock({ db: t.db }, matured.id, { ...proposal, startsOn: '2025-02-30' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
