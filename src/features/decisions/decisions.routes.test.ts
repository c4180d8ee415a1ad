import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { completeSections, createApplication } from '../applications/applications.seed';
import { auditEvents } from '../audit/audit.table';
import { upsertFrame } from '../budget/budget.queries';
import { commitments } from '../budget/budget.table';
import { createCall } from '../calls/calls.seed';
import { createCluster } from '../clusters/clusters.seed';
import { clusters as clusterTable, engagements, hubLinks } from '../clusters/clusters.table';
import { mailMessages } from '../mail/mail.table';
import { memberships } from '../memberships/memberships.table';
import { createOrganisation } from '../organisations/organisations.seed';
import type { LevelCode } from '../programme/levels';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';

// The route tests' clock says 2026-06-15T10:00:00Z; the calls here closed on 1 June.
const t = setupTestApp();
const DEADLINE = new Date('2026-06-01T10:00:00Z');

let programme: SeededProgramme;
let host: { orgnr: string };
let partner: { orgnr: string };
let staff: string;
let operator: string;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  host = await createOrganisation(t.db, { name: 'Vertskapet AS' });
  partner = await createOrganisation(t.db, { name: 'Partneren AS' });
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
}, 60_000);

/** Each test's years are its own, so one test's frames and commitments never meet another's. */
let nextYear = 2030;
function freshYear() {
  nextYear += 6;
  return nextYear;
}

function closedCall(overrides: Parameters<typeof createCall>[1] = {}) {
  return createCall(t.db, {
    status: 'open',
    deadlineAt: DEADLINE,
    levels: [
      { level: 'arena', moneyNok: 5_000_000 },
      { level: 'arena_pro', moneyNok: 10_000_000 },
      { level: 'hub_node', moneyNok: 3_000_000 },
    ],
    ...overrides,
  });
}

let made = 0;
type ClusterSeed = Parameters<typeof createCluster>[2];

/** A submitted application of a cluster of its own, naming the partner; and a manager's session for it. */
async function submitted(
  callId: string,
  level: LevelCode = 'arena',
  options: { cluster?: ClusterSeed; hubSlug?: string; firstYear?: number } = {},
) {
  made += 1;
  const cluster = await createCluster(t.db, programme, {
    name: `Vedtaksklynge ${made}`,
    hostOrgnr: host.orgnr,
    ...options.cluster,
  });
  const application = await createApplication(t.db, {
    callId,
    clusterId: cluster.id,
    levelCode: level,
    status: 'submitted',
    submittedAt: new Date('2026-05-30T10:00:00Z'),
    sections: completeSections({
      level,
      ownerOrgnr: host.orgnr,
      partners: [{ orgnr: partner.orgnr }],
      firstYear: options.firstYear ?? 2027,
      hubSlug: options.hubSlug,
    }),
  });
  const manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
  return { cluster, application, manager };
}

const draft = (applicationId: string, body: unknown, cookie = staff) =>
  t.send('PUT', `/api/applications/${applicationId}/decision`, body, { cookie });

const publish = (callId: string, body: unknown = {}, cookie = staff) =>
  t.send('POST', `/api/calls/${callId}/publish-decisions`, body, { cookie });

const paths = (body: { errors?: { path: (string | number)[] }[] }) =>
  (body.errors ?? []).map((e) => e.path.join('.')).sort();

const admit = (year: number, grants = [1_000_000, 1_000_000, 1_000_000], extra: object = {}) => ({
  outcome: 'admit',
  startsOn: `${year}-01-01`,
  yearlyGrantsNok: grants,
  ...extra,
});

describe('PUT /api/applications/{id}/decision', () => {
  it("drafts an admission with the panel's reasons in both letters, audited, and drafts it again", async () => {
    const call = await closedCall();
    const { application } = await submitted(call.id);
    const recommended = await t.send(
      'PUT',
      `/api/applications/${application.id}/recommendation`,
      { recommendation: 'admit', reason: 'Et sterkt og samlet partnerskap.' },
      { cookie: staff },
    );
    expect(recommended.status).toBe(200);
    const year = freshYear();
    const { status, body } = await draft(application.id, admit(year, [1_000_000, 1_200_000, 1_400_000]));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      outcome: 'admit',
      level: 'arena',
      appliedLevel: 'arena',
      startsOn: `${year}-01-01`,
      endsOn: `${year + 2}-12-31`,
      years: 3,
      totalNok: 3_600_000,
      status: 'draft',
      grants: [
        { year, amountNok: 1_000_000 },
        { year: year + 1, amountNok: 1_200_000 },
        { year: year + 2, amountNok: 1_400_000 },
      ],
    });
    expect(body.letter.nb).toContain('Et sterkt og samlet partnerskap.');
    expect(body.letter.nb).toContain('1 200 000 kr');
    expect(body.letter.en).toContain("The panel's reasons");
    const again = await draft(application.id, {
      outcome: 'reject',
      letter: { nb: 'Avslag.', en: 'Rejected.' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: body.id,
      outcome: 'reject',
      level: null,
      grants: [],
      letter: { nb: 'Avslag.' },
    });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, body.id));
    expect(events.map((e) => e.action).sort()).toEqual(['decision.drafted', 'decision.redrafted']);
  });

  it("refuses a period past the level's duration, a level the call lacks, and a rejection with a period, field by field", async () => {
    const call = await closedCall({ levels: [{ level: 'arena', moneyNok: 5_000_000 }] });
    const { application } = await submitted(call.id);
    const long = await draft(application.id, admit(2031, [1, 1, 1, 1]));
    expect(long.status).toBe(422);
    expect(paths(long.body)).toEqual(['body.yearlyGrantsNok']);
    const elsewhere = await draft(application.id, admit(2031, [1], { level: 'arena_pro' }));
    expect(elsewhere.status).toBe(422);
    expect(paths(elsewhere.body)).toEqual(['body.level']);
    const missing = await draft(application.id, { outcome: 'admit' });
    expect(paths(missing.body)).toEqual(['body.startsOn', 'body.yearlyGrantsNok']);
    const rejected = await draft(application.id, { outcome: 'reject', startsOn: '2031-01-01' });
    expect(rejected.status).toBe(422);
    expect(paths(rejected.body)).toEqual(['body.startsOn']);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'decision'));
    expect(events.some((e) => e.entityName === `Vedtaksklynge ${made}`)).toBe(false);
  });

  it('refuses a call still open, and anyone but programme staff', async () => {
    const open = await createCall(t.db, { status: 'open', deadlineAt: new Date('2026-09-01T10:00:00Z') });
    const early = await submitted(open.id);
    const refused = await draft(early.application.id, { outcome: 'reject' });
    expect(refused.status).toBe(409);
    const call = await closedCall();
    const { application, manager } = await submitted(call.id);
    expect((await draft(application.id, { outcome: 'reject' }, manager)).status).toBe(403);
  });
});

describe('GET /api/calls/{id}/decisions', () => {
  it('warns of the years the drafts together take over the frame, and of a cluster past the ten-year cap', async () => {
    const year = freshYear();
    await upsertFrame(t.db, programme.id, year, 2_500_000, new Date());
    const call = await closedCall();
    const first = await submitted(call.id);
    const veteran = await submitted(call.id, 'arena_pro', {
      cluster: {
        engagements: [
          { level: 'arena', startsOn: `${year - 10}-01-01`, plannedEndOn: `${year - 8}-12-31` },
          { level: 'nce', startsOn: `${year - 7}-01-01`, plannedEndOn: `${year - 2}-12-31` },
        ],
      },
    });
    const undecided = await submitted(call.id);
    expect((await draft(first.application.id, admit(year, [2_000_000, 0, 0]))).status).toBe(200);
    expect((await draft(veteran.application.id, admit(year + 1, [1_000_000, 1_000_000]))).status).toBe(200);
    const { status, body } = await t.get(`/api/calls/${call.id}/decisions`, { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body.frameOverruns).toEqual([]);
    const veteranItem = body.items.find(
      (i: { applicationId: string }) => i.applicationId === veteran.application.id,
    );
    expect(veteranItem.warnings.stateAid).toMatchObject({
      capYears: 10,
      usedYears: 9,
      withProposalYears: 11,
      overCap: true,
    });
    expect(body.overCap).toEqual([
      { cluster: veteran.cluster.name ?? expect.any(String), withProposalYears: 11, capYears: 10 },
    ]);
    expect(body.undecided.map((u: { applicationId: string }) => u.applicationId)).toEqual([
      undecided.application.id,
    ]);
    // Two drafts in the same year pass the frame together, though neither alone does.
    expect((await draft(undecided.application.id, admit(year, [1_000_000, 0, 0]))).status).toBe(200);
    const together = (await t.get(`/api/calls/${call.id}/decisions`, { headers: { cookie: staff } })).body;
    expect(together.frameOverruns).toEqual([
      { year, frameNok: 2_500_000, committedNok: 0, addingNok: 3_000_000, overNok: 500_000 },
    ]);
    const frameYears = together.items.map(
      (i: { warnings: { frameYears: number[] } }) => i.warnings.frameYears,
    );
    expect(frameYears.filter((y: number[]) => y.includes(year))).toHaveLength(2);
    expect(together.mayPublish).toBe(true);
    expect(together.mayOverride).toBe(false);
  });
});

describe('POST /api/calls/{id}/publish-decisions', () => {
  it('refuses a round past a frame or the cap with the amounts, takes it from an operator admin with a reason, and does it all at once', async () => {
    const year = freshYear();
    await upsertFrame(t.db, programme.id, year, 2_000_000, new Date());
    const hub = await createCluster(t.db, programme, {
      name: 'Navet',
      engagements: [{ level: 'arena_pro', startsOn: `${year - 2}-01-01`, plannedEndOn: `${year + 2}-12-31` }],
    });
    const call = await closedCall();
    const climber = await submitted(call.id, 'arena_pro', {
      cluster: {
        engagements: [{ level: 'arena', startsOn: `${year - 2}-01-01`, plannedEndOn: `${year + 0}-12-31` }],
      },
    });
    const forming = await submitted(call.id, 'arena', { cluster: { status: 'forming' } });
    const node = await submitted(call.id, 'hub_node', { hubSlug: hub.slug });
    const rejected = await submitted(call.id);
    expect((await draft(climber.application.id, admit(year, [1_500_000, 1, 1, 1, 1]))).status).toBe(200);
    expect((await draft(forming.application.id, admit(year, [1_000_000, 1_000_000, 1_000_000]))).status).toBe(
      200,
    );
    expect((await draft(node.application.id, admit(year, [0, 0, 0]))).status).toBe(200);
    expect((await draft(rejected.application.id, { outcome: 'reject' })).status).toBe(200);

    const before = await t.get(`/api/applications/${forming.application.id}/decision`, {
      headers: { cookie: forming.manager },
    });
    expect(before.status).toBe(404);

    const refused = await publish(call.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`${year}: the frame is 2 000 000 kr`);
    expect(refused.body.detail).toContain('which is 500 000 kr over');
    const notOperator = await publish(call.id, { override: { reason: 'Viktig runde.' } });
    expect(notOperator.status).toBe(403);
    expect((await t.get(`/api/calls/${call.id}`)).body.status).toBe('closed');

    const done = await publish(
      call.id,
      { override: { reason: 'Styret har vedtatt en tilleggsramme.' } },
      operator,
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ published: 4, admitted: 3, rejected: 1, lettersQueued: 4 });
    expect((await t.get(`/api/calls/${call.id}`)).body.status).toBe('decided');

    // The climber's Arena period ends the day before its Arena Pro period begins.
    const climbing = await t.db
      .select()
      .from(engagements)
      .where(eq(engagements.clusterId, climber.cluster.id))
      .orderBy(engagements.startsOn);
    expect(climbing.map((e) => [e.startsOn, e.endedOn ?? e.plannedEndOn])).toEqual([
      [`${year - 2}-01-01`, `${year - 1}-12-31`],
      [`${year}-01-01`, `${year + 4}-12-31`],
    ]);
    const committed = await t.db
      .select()
      .from(commitments)
      .where(eq(commitments.clusterId, climber.cluster.id));
    expect(committed.map((c) => [c.year, c.amountNok]).sort()).toEqual([
      [year, 1_500_000],
      [year + 1, 1],
      [year + 2, 1],
      [year + 3, 1],
      [year + 4, 1],
    ]);
    // The forming network is a public cluster with the partners its application names.
    const [network] = await t.db.select().from(clusterTable).where(eq(clusterTable.id, forming.cluster.id));
    expect(network?.status).toBe('active');
    expect(
      (await t.db.select().from(memberships).where(eq(memberships.clusterId, forming.cluster.id))).length,
    ).toBe(1);
    const profile = await t.get(`/api/clusters/${forming.cluster.slug}`);
    expect(profile.status).toBe(200);
    // The Hub-node is linked to its hub; its zero grants commit nothing.
    const links = await t.db.select().from(hubLinks).where(eq(hubLinks.nodeClusterId, node.cluster.id));
    expect(links.map((l) => [l.hubClusterId, l.startsOn])).toEqual([[hub.id, `${year}-01-01`]]);
    // The letters are in the outbox, in the applicants' language.
    const letters = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, 'decision_letter'));
    expect(letters.filter((m) => m.subject.includes(call.titleNb)).length).toBe(4);
    // The override is audited with its reason.
    const overridden = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'decisions.overridden'), eq(auditEvents.entityId, call.id)));
    expect(overridden).toHaveLength(1);
    expect(JSON.stringify(overridden[0]?.after)).toContain('tilleggsramme');

    const after = await t.get(`/api/applications/${forming.application.id}/decision`, {
      headers: { cookie: forming.manager },
    });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'published', outcome: 'admit', level: 'arena' });
    expect(after.body.letter.nb).toContain(forming.cluster.name ?? '');

    const twice = await publish(call.id, {}, operator);
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ published: 0 });
    expect(
      (await t.db.select().from(commitments).where(eq(commitments.clusterId, climber.cluster.id))).length,
    ).toBe(5);

    const redraft = await draft(rejected.application.id, { outcome: 'reject' });
    expect(redraft.status).toBe(409);

    const announcement = await t.get(`/api/calls/${call.id}/announcement?lang=en`);
    expect(announcement.status).toBe(200);
    expect(announcement.body).toMatchObject({
      admittedByLevel: { arena: 1, arena_pro: 1, hub_node: 1 },
      publishedOn: '2026-06-15',
    });
    const nodeEntry = announcement.body.admitted.find((a: { slug: string }) => a.slug === node.cluster.slug);
    expect(nodeEntry).toMatchObject({
      level: 'hub_node',
      hub: { slug: hub.slug, name: 'Navet' },
      host: 'Vertskapet AS',
    });
    expect(announcement.body.pressRelease.text).toContain('3 clusters are admitted');
    expect(announcement.body.pressRelease.text).toContain(
      `${announcement.body.clustersInProgramme} clusters`,
    );
  });

  it('refuses a round with an application left undecided, and answers no announcement before publication', async () => {
    const call = await closedCall();
    const one = await submitted(call.id);
    await submitted(call.id);
    expect((await draft(one.application.id, { outcome: 'reject' })).status).toBe(200);
    const refused = await publish(call.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/1 have none/);
    expect((await t.get(`/api/calls/${call.id}`)).body.status).toBe('closed');
    expect((await t.get(`/api/calls/${call.id}/announcement`)).status).toBe(404);
  });
});

describe('POST /api/clusters/{slug}/engagements/{id}/extend', () => {
  it('extends a running Arena period within its rule as one published decision with its commitments, and refuses more', async () => {
    const cluster = await createCluster(t.db, programme, {
      name: 'Forlengelsesklyngen',
      engagements: [{ level: 'arena', startsOn: '2024-07-01', plannedEndOn: '2027-06-30' }],
    });
    const [engagement] = await t.db.select().from(engagements).where(eq(engagements.clusterId, cluster.id));
    const url = `/api/clusters/${cluster.slug}/engagements/${engagement!.id}/extend`;
    const tooLong = await t.send('POST', url, { years: 3, yearlyGrantsNok: [1, 1, 1] }, { cookie: staff });
    expect(tooLong.status).toBe(422);
    expect(paths(tooLong.body)).toEqual(['body.years']);
    const { status, body } = await t.send(
      'POST',
      url,
      { years: 2, yearlyGrantsNok: [800_000, 600_000] },
      { cookie: staff },
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      kind: 'extension',
      outcome: 'extend',
      startsOn: '2027-07-01',
      endsOn: '2029-06-30',
    });
    const [extended] = await t.db.select().from(engagements).where(eq(engagements.id, engagement!.id));
    expect(extended?.extendedToOn).toBe('2029-06-30');
    const rows = await t.db.select().from(commitments).where(eq(commitments.engagementId, engagement!.id));
    expect(rows.map((r) => [r.year, r.amountNok]).sort()).toEqual([
      [2027, 800_000],
      [2028, 600_000],
    ]);
    const again = await t.send('POST', url, { years: 1, yearlyGrantsNok: [1] }, { cookie: staff });
    expect(again.status).toBe(409);
  });

  it('refuses a level without an extension rule, and a cluster manager', async () => {
    const cluster = await createCluster(t.db, programme, {
      engagements: [{ level: 'arena_pro', startsOn: '2024-01-01', plannedEndOn: '2028-12-31' }],
    });
    const [engagement] = await t.db.select().from(engagements).where(eq(engagements.clusterId, cluster.id));
    const url = `/api/clusters/${cluster.slug}/engagements/${engagement!.id}/extend`;
    expect((await t.send('POST', url, { years: 1, yearlyGrantsNok: [1] }, { cookie: staff })).status).toBe(
      409,
    );
    const manager = await t.signIn(
      (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
      TEST_PASSWORD,
    );
    expect((await t.send('POST', url, { years: 1, yearlyGrantsNok: [1] }, { cookie: manager })).status).toBe(
      403,
    );
  });
});

describe('GET /api/clusters/{slug}/engagements', () => {
  it("lists a cluster's periods with their ids and the years each may still be extended, for staff only", async () => {
    const cluster = await createCluster(t.db, programme, {
      name: 'Periodeklyngen',
      engagements: [
        { level: 'arena', startsOn: '2020-01-01', plannedEndOn: '2022-12-31' },
        { level: 'arena', startsOn: '2024-07-01', plannedEndOn: '2027-06-30' },
      ],
    });
    const url = `/api/clusters/${cluster.slug}/engagements`;
    const { status, body } = await t.get(url, { headers: { cookie: staff } });
    expect(status).toBe(200);
    const stored = await t.db.select().from(engagements).where(eq(engagements.clusterId, cluster.id));
    const idOf = (startsOn: string) => stored.find((e) => e.startsOn === startsOn)!.id;
    expect(body).toMatchObject({
      cluster: { slug: cluster.slug, name: 'Periodeklyngen' },
      mayExtend: true,
      mayOverride: false,
      items: [
        { id: idOf('2020-01-01'), level: 'arena', endsOn: '2022-12-31', extensionYearsLeft: 0 },
        {
          id: idOf('2024-07-01'),
          level: 'arena',
          startsOn: '2024-07-01',
          plannedEndOn: '2027-06-30',
          extendedToOn: null,
          endedOn: null,
          extensionYearsLeft: 2,
        },
      ],
    });
    expect(body.items[1].levelName.nb).toBeTruthy();

    const extended = await t.send(
      'POST',
      `${url}/${idOf('2024-07-01')}/extend`,
      { years: 1, yearlyGrantsNok: [0] },
      { cookie: staff },
    );
    expect(extended.status).toBe(201);
    const after = await t.get(url, { headers: { cookie: operator } });
    expect(after.body.mayOverride).toBe(true);
    expect(after.body.items[1]).toMatchObject({ extendedToOn: '2028-06-30', extensionYearsLeft: 0 });

    const manager = await t.signIn(
      (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
      TEST_PASSWORD,
    );
    expect((await t.get(url, { headers: { cookie: manager } })).status).toBe(403);
    expect(
      (await t.get('/api/clusters/no-such-cluster/engagements', { headers: { cookie: staff } })).status,
    ).toBe(404);
  });
});
