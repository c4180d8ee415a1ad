import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { completeSections, createApplication } from '../applications/applications.seed';
import { auditEvents } from '../audit/audit.table';
import { createCall } from '../calls/calls.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createMembership } from '../memberships/memberships.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';
import { createAssessment } from './assessments.seed';

// The route tests' clock says 2026-06-15T10:00:00Z; the calls here closed on 1 June, so their
// applications are in for assessment.
const t = setupTestApp();
const DEADLINE = new Date('2026-06-01T10:00:00Z');

let programme: SeededProgramme;
let cluster: { id: string; slug: string };
let host: { orgnr: string };
/** A partner named in the applications, a sister unit of it under one main unit, and a partner of the cluster the applications leave out. */
let partner: { orgnr: string };
let sister: { orgnr: string };
let quietPartner: { id: string; orgnr: string };
let unrelated: { orgnr: string };

let staff: string;
let manager: string;
type Assessor = { id: string; name: string; cookie: string };
let aud: Assessor;
let brage: Assessor;
let cecilie: Assessor;
let dag: Assessor;

async function assessor(name: string): Promise<Assessor> {
  const { account, email } = await createTestAccount(t.db, 'assessor', {}, { name });
  return { id: account.id, name, cookie: await t.signIn(email, TEST_PASSWORD) };
}

async function affiliate(who: Assessor, orgnr: string) {
  const response = await t.send('POST', '/api/auth/affiliations', { orgnr }, { cookie: who.cookie });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  programme = await createProgramme(t.db);
  host = await createOrganisation(t.db, { name: 'Vertskapet AS' });
  const group = await createOrganisation(t.db, { name: 'Konsernet ASA' });
  partner = await createOrganisation(t.db, { name: 'Partneren AS', parentOrgnr: group.orgnr });
  sister = await createOrganisation(t.db, { name: 'Søsterselskapet AS', parentOrgnr: group.orgnr });
  quietPartner = await createOrganisation(t.db, { name: 'Den stille partneren AS' });
  unrelated = await createOrganisation(t.db, { name: 'Uavhengig AS' });
  const made = await freshCluster();
  cluster = made;
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: made.id })).email,
    TEST_PASSWORD,
  );
  aud = await assessor('Aud Assessor');
  brage = await assessor('Brage Bedømmer');
  cecilie = await assessor('Cecilie Sakkyndig');
  dag = await assessor('Dag Dommer');
  await affiliate(aud, partner.orgnr);
  await affiliate(brage, sister.orgnr);
  await affiliate(cecilie, quietPartner.orgnr);
  await affiliate(dag, unrelated.orgnr);
}, 60_000);

/** A call closed on 1 June for Arena and Arena Pro, with a criterion for Arena Pro only. */
async function closedCall(overrides: Parameters<typeof createCall>[1] = {}) {
  return createCall(t.db, {
    status: 'open',
    deadlineAt: DEADLINE,
    informationMeetingAt: null,
    plannedDecisionAt: new Date('2026-09-01T10:00:00Z'),
    levels: [
      { level: 'arena', moneyNok: 5_000_000 },
      { level: 'arena_pro', moneyNok: 10_000_000 },
    ],
    criteria: [
      { nameNb: 'Verdiskaping', nameEn: 'Value creation', weight: 60, scaleMin: 1, scaleMax: 7 },
      { nameNb: 'Gjennomføringsevne', nameEn: 'Ability to deliver', weight: 40, scaleMin: 0, scaleMax: 4 },
      { nameNb: 'Nasjonal betydning', nameEn: 'National importance', weight: 20, levelCode: 'arena_pro' },
    ],
    ...overrides,
  });
}

let clusters = 0;
/** Cluster names by id, as the panel shows them. */
const clusterNames = new Map<string, string>();

/** A cluster hosted by the host, with the quiet partner among its partners. */
async function freshCluster() {
  clusters += 1;
  const name = `Søkerklynge ${clusters}`;
  const made = await createCluster(t.db, programme, { name, hostOrgnr: host.orgnr });
  await createMembership(t.db, { clusterId: made.id, organisationId: quietPartner.id });
  clusterNames.set(made.id, name);
  return made;
}

/** A submitted application of a cluster of its own, naming the partner, asking `yearlyNok` a year for three (Arena) or five years. */
async function submitted(callId: string, level: 'arena' | 'arena_pro' = 'arena', yearlyNok = 2_000_000) {
  const clusterId = (await freshCluster()).id;
  return createApplication(t.db, {
    callId,
    clusterId,
    levelCode: level,
    status: 'submitted',
    submittedAt: new Date('2026-05-30T10:00:00Z'),
    sections: completeSections({
      level,
      ownerOrgnr: host.orgnr,
      partners: [{ orgnr: partner.orgnr }],
      firstYear: 2027,
      yearlyNok,
    }),
  });
}

async function assign(applicationId: string, who: Assessor, cookie = staff) {
  return t.send(
    'POST',
    `/api/applications/${applicationId}/assessments`,
    { assessorAccountId: who.id },
    { cookie },
  );
}

const criterionIds = (call: Awaited<ReturnType<typeof closedCall>>) =>
  t.get(`/api/calls/${call.id}`).then((r) => r.body.criteria.map((c: { id: string }) => c.id) as string[]);

const eventsAbout = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'assessment'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.seq));

const paths = (body: { errors?: { path: (string | number)[] }[] }) =>
  (body.errors ?? []).map((e) => e.path.join('.')).sort();

describe('POST /api/applications/{id}/assessments', () => {
  it('lets programme staff assign an assessor to a submitted application after the deadline, audited, with the links found', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const { status, body } = await assign(application.id, aud);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      applicationId: application.id,
      assessorAccountId: aud.id,
      status: 'assigned',
    });
    expect(body.links).toBeGreaterThan(0);
    expect((await eventsAbout(body.assessmentId)).map((e) => e.action)).toEqual(['assessment.assigned']);
    const again = await assign(application.id, aud);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already/);
  });

  it('refuses an account without the assessor role field by field, a draft, a call still open, and anyone but staff', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const notAssessor = await t.send(
      'POST',
      `/api/applications/${application.id}/assessments`,
      { assessorAccountId: (await createTestAccount(t.db, 'programme_staff')).account.id },
      { cookie: staff },
    );
    expect(notAssessor.status).toBe(422);
    expect(paths(notAssessor.body)).toEqual(['body.assessorAccountId']);
    const draft = await createApplication(t.db, { callId: call.id, clusterId: (await freshCluster()).id });
    expect((await assign(draft.id, aud)).status).toBe(409);
    const open = await createCall(t.db, { status: 'open', deadlineAt: new Date('2026-09-01T10:00:00Z') });
    const early = await submitted(open.id);
    const refused = await assign(early.id, aud);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/deadline/);
    expect((await assign(application.id, aud, aud.cookie)).status).toBe(403);
    expect((await assign(application.id, aud, manager)).status).toBe(403);
    const bad = await t.send(
      'POST',
      `/api/applications/${application.id}/assessments`,
      { assessorAccountId: 'x' },
      { cookie: staff },
    );
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['body.assessorAccountId']);
  });
});

describe('links and the declaration', () => {
  it('shows every link before the assessor reads the application: the same organisation, the same main unit, a partnership in the cluster', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const ids = {
      aud: (await assign(application.id, aud)).body.assessmentId,
      brage: (await assign(application.id, brage)).body.assessmentId,
      cecilie: (await assign(application.id, cecilie)).body.assessmentId,
      dag: (await assign(application.id, dag)).body.assessmentId,
    };
    const audView = await t.get(`/api/assessments/${ids.aud}`, { headers: { cookie: aud.cookie } });
    expect(audView.status).toBe(200);
    expect(audView.body.sections).toBeNull();
    expect(audView.body.actions).toEqual(['declare_no_conflict', 'declare_conflict']);
    expect(audView.body.links).toEqual([
      expect.objectContaining({
        kind: 'same_organisation',
        assessorOrgnr: partner.orgnr,
        applicantRoles: ['partner'],
        applicantOrganisation: 'Partneren AS',
      }),
    ]);
    const brageView = await t.get(`/api/assessments/${ids.brage}`, { headers: { cookie: brage.cookie } });
    expect(brageView.body.links).toEqual([
      expect.objectContaining({
        kind: 'same_parent',
        assessorOrgnr: sister.orgnr,
        applicantOrgnr: partner.orgnr,
        parentOrganisation: 'Konsernet ASA',
      }),
    ]);
    const cecilieView = await t.get(`/api/assessments/${ids.cecilie}`, {
      headers: { cookie: cecilie.cookie },
    });
    expect(cecilieView.body.links).toEqual([
      expect.objectContaining({
        kind: 'cluster_partner',
        assessorOrgnr: quietPartner.orgnr,
        applicantRoles: [],
      }),
    ]);
    const dagView = await t.get(`/api/assessments/${ids.dag}`, { headers: { cookie: dag.cookie } });
    expect(dagView.body.links).toEqual([]);
    expect(dagView.body.parties.map((p: { orgnr: string }) => p.orgnr).sort()).toEqual(
      [host.orgnr, partner.orgnr].sort(),
    );
    // Someone else's assessment does not exist for an assessor.
    expect((await t.get(`/api/assessments/${ids.dag}`, { headers: { cookie: aud.cookie } })).status).toBe(
      404,
    );
  });

  it('needs a reason for no conflict when links were found, then opens the application for scoring', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const id = (await assign(application.id, aud)).body.assessmentId;
    const bare = await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: false },
      { cookie: aud.cookie },
    );
    expect(bare.status).toBe(422);
    expect(paths(bare.body)).toEqual(['body.reason']);
    expect((await t.get(`/api/assessments/${id}`, { headers: { cookie: aud.cookie } })).body.status).toBe(
      'assigned',
    );
    const made = await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: false, reason: 'Partneren er et annet selskap enn min avdeling.' },
      { cookie: aud.cookie },
    );
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ status: 'scoring', declaration: { conflict: false } });
    const view = (await t.get(`/api/assessments/${id}`, { headers: { cookie: aud.cookie } })).body;
    expect(view.sections.map((s: { key: string }) => s.key)).toContain('background');
    expect(view.mayScore).toBe(true);
    const twice = await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: false, reason: 'Igjen.' },
      { cookie: aud.cookie },
    );
    expect(twice.status).toBe(409);
    expect((await eventsAbout(id)).map((e) => e.action)).toEqual([
      'assessment.assigned',
      'assessment.declare_no_conflict',
    ]);
  });

  it('needs no reason when nothing links them; a declared conflict needs one and hides the application from the assessor, while staff see it', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const dagId = (await assign(application.id, dag)).body.assessmentId;
    expect(
      (
        await t.send(
          'POST',
          `/api/assessments/${dagId}/declaration`,
          { conflict: false },
          { cookie: dag.cookie },
        )
      ).status,
    ).toBe(200);
    const id = (await assign(application.id, brage)).body.assessmentId;
    const bare = await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: true },
      { cookie: brage.cookie },
    );
    expect(bare.status).toBe(422);
    expect(paths(bare.body)).toEqual(['body.reason']);
    const declared = await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: true, reason: 'Jeg er ansatt i søsterselskapet.' },
      { cookie: brage.cookie },
    );
    expect(declared.status).toBe(200);
    expect(declared.body.status).toBe('conflict');
    expect((await t.get(`/api/assessments/${id}`, { headers: { cookie: brage.cookie } })).status).toBe(404);
    const queue = await t.get(`/api/assessments?call=${call.id}`, { headers: { cookie: brage.cookie } });
    expect(queue.body.items).toEqual([]);
    const criteria = await criterionIds(call);
    const scoring = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[0], score: 5 }] },
      { cookie: brage.cookie },
    );
    expect(scoring.status).toBe(404);
    const seen = await t.get(`/api/assessments/${id}`, { headers: { cookie: staff } });
    expect(seen.status).toBe(200);
    expect(seen.body.declaration).toMatchObject({
      conflict: true,
      reason: 'Jeg er ansatt i søsterselskapet.',
    });
    const panel = await t.get(`/api/calls/${call.id}/panel`, { headers: { cookie: staff } });
    const row = panel.body.applications.find((a: { id: string }) => a.id === application.id);
    expect(row.assessors.find((a: { assessmentId: string }) => a.assessmentId === id)).toMatchObject({
      status: 'conflict',
      declaration: { conflict: true, reason: 'Jeg er ansatt i søsterselskapet.' },
      links: 1,
    });
  });
});

describe('scores', () => {
  async function scoringAssessment(who: Assessor = dag) {
    const call = await closedCall();
    const application = await submitted(call.id);
    const id = (await assign(application.id, who)).body.assessmentId;
    await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: false, reason: 'Ingen binding.' },
      { cookie: who.cookie },
    );
    return { call, application, id, criteria: await criterionIds(call) };
  }

  it('weighs each score on its own scale and leaves not applicable out of the total, never as zero', async () => {
    const { id, criteria } = await scoringAssessment();
    const first = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[0], score: 4, comment: 'Solid.' }] },
      { cookie: dag.cookie },
    );
    expect(first.status).toBe(200);
    // 60·(4−1)/6 over 60.
    expect(first.body.total).toBe(50);
    const second = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[1], score: null, notApplicable: true }] },
      { cookie: dag.cookie },
    );
    expect(second.body.total).toBe(50);
    const third = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[1], score: 4 }] },
      { cookie: dag.cookie },
    );
    // (60·3/6 + 40·4/4) / 100.
    expect(third.body.total).toBe(70);
    expect(third.body.scores).toEqual([
      { criterionId: criteria[0], score: 4, notApplicable: false, comment: 'Solid.' },
      { criterionId: criteria[1], score: 4, notApplicable: false, comment: '' },
    ]);
    expect((await eventsAbout(id)).filter((e) => e.action === 'assessment.scored')).toHaveLength(3);
  });

  it('refuses a score off the scale, a criterion of another level, a score marked not applicable, and changes nothing', async () => {
    const { id, criteria } = await scoringAssessment();
    const { status, body } = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      {
        scores: [
          { criterionId: criteria[0], score: 8 },
          { criterionId: criteria[1], score: 2, notApplicable: true },
          { criterionId: criteria[2], score: 3 },
        ],
      },
      { cookie: dag.cookie },
    );
    expect(status).toBe(422);
    expect(paths(body)).toEqual(['body.scores.0.score', 'body.scores.1.score', 'body.scores.2.criterionId']);
    expect((await t.get(`/api/assessments/${id}`, { headers: { cookie: dag.cookie } })).body.scores).toEqual(
      [],
    );
  });

  it('refuses scores before the declaration, and from anyone but the assessor', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const id = (await assign(application.id, dag)).body.assessmentId;
    const criteria = await criterionIds(call);
    const early = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[0], score: 3 }] },
      { cookie: dag.cookie },
    );
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/Declare/);
    expect(
      (
        await t.send(
          'PUT',
          `/api/assessments/${id}/scores`,
          { scores: [{ criterionId: criteria[0], score: 3 }] },
          { cookie: aud.cookie },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await t.send(
          'PUT',
          `/api/assessments/${id}/scores`,
          { scores: [{ criterionId: criteria[0], score: 3 }] },
          { cookie: staff },
        )
      ).status,
    ).toBe(403);
  });

  it("completes only when every criterion is scored or not applicable, then shows the others' completed scores, and reopens", async () => {
    const { application, id, criteria } = await scoringAssessment();
    const other = await createAssessment(t.db, {
      applicationId: application.id,
      callId: application.callId,
      assessorAccountId: cecilie.id,
      assessorName: cecilie.name,
      status: 'completed',
      scores: { [criteria[0]!]: 7, [criteria[1]!]: 'n/a' },
    });
    await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[0], score: 5 }] },
      { cookie: dag.cookie },
    );
    const before = await t.get(`/api/assessments/${id}`, { headers: { cookie: dag.cookie } });
    expect(before.body.others).toBeNull();
    const incomplete = await t.send('POST', `/api/assessments/${id}/complete`, undefined, {
      cookie: dag.cookie,
    });
    expect(incomplete.status).toBe(422);
    expect(paths(incomplete.body)).toEqual([`scores.${criteria[1]}`]);
    await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[1], score: null, notApplicable: true }] },
      { cookie: dag.cookie },
    );
    const done = await t.send('POST', `/api/assessments/${id}/complete`, undefined, { cookie: dag.cookie });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', actions: ['reopen'], mayScore: false });
    expect(done.body.others).toEqual([
      expect.objectContaining({ assessmentId: other.id, assessorName: cecilie.name, total: 100 }),
    ]);
    const locked = await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[0], score: 6 }] },
      { cookie: dag.cookie },
    );
    expect(locked.status).toBe(409);
    const reopened = await t.send('POST', `/api/assessments/${id}/reopen`, undefined, { cookie: dag.cookie });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'scoring', completedAt: null, others: null });
  });

  it('refuses to complete an assessment with every criterion not applicable: it has no total', async () => {
    const { id, criteria } = await scoringAssessment();
    await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      {
        scores: criteria
          .slice(0, 2)
          .map((criterionId) => ({ criterionId, score: null, notApplicable: true })),
      },
      { cookie: dag.cookie },
    );
    const refused = await t.send('POST', `/api/assessments/${id}/complete`, undefined, {
      cookie: dag.cookie,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/at least one/);
  });
});

describe('the panel', () => {
  it('ranks within each level by the mean of completed totals, with mean and spread per criterion and money asked against money available', async () => {
    const call = await closedCall();
    const criteria = await criterionIds(call);
    const strong = await submitted(call.id, 'arena', 2_000_000);
    const weak = await submitted(call.id, 'arena', 2_000_000);
    const unscored = await submitted(call.id, 'arena', 1_000_000);
    const pro = await submitted(call.id, 'arena_pro', 1_000_000);
    const completed = (applicationId: string, who: Assessor, scores: Record<string, number | 'n/a'>) =>
      createAssessment(t.db, {
        applicationId,
        callId: call.id,
        assessorAccountId: who.id,
        assessorName: who.name,
        status: 'completed',
        scores,
      });
    await completed(strong.id, aud, { [criteria[0]!]: 7, [criteria[1]!]: 4 });
    await completed(strong.id, dag, { [criteria[0]!]: 4, [criteria[1]!]: 2 });
    await completed(weak.id, aud, { [criteria[0]!]: 1, [criteria[1]!]: 'n/a' });
    // Scoring, not completed: it counts in no mean.
    await createAssessment(t.db, {
      applicationId: weak.id,
      callId: call.id,
      assessorAccountId: dag.id,
      assessorName: dag.name,
      status: 'scoring',
      scores: { [criteria[0]!]: 7 },
    });
    await completed(pro.id, aud, { [criteria[0]!]: 7, [criteria[1]!]: 4, [criteria[2]!]: 1 });
    const { status, body } = await t.get(`/api/calls/${call.id}/panel`, { headers: { cookie: staff } });
    expect(status).toBe(200);
    const byId = (id: string) => body.applications.find((a: { id: string }) => a.id === id);
    // 100 and (60·3/6 + 40·2/4)/100 = 50: the mean is 75.
    expect(byId(strong.id)).toMatchObject({
      total: 75,
      rank: 1,
      completed: 2,
      cumulativeAskedNok: 6_000_000,
      withinMoney: false,
    });
    expect(byId(strong.id).criteria).toEqual([
      { criterionId: criteria[0], mean: 5.5, spread: 3 },
      { criterionId: criteria[1], mean: 3, spread: 2 },
    ]);
    expect(byId(weak.id)).toMatchObject({ total: 0, rank: 2, completed: 1 });
    expect(byId(unscored.id)).toMatchObject({ total: null, rank: null });
    // (60 + 40) / 120 = 83.33: the Arena Pro criterion counts at its own level.
    expect(byId(pro.id)).toMatchObject({ total: 83.33, rank: 1, withinMoney: true });
    expect(body.applications.map((a: { id: string }) => a.id)).toEqual([
      strong.id,
      weak.id,
      unscored.id,
      pro.id,
    ]);
    expect(body.levels).toEqual([
      { level: 'arena', moneyAvailableNok: 5_000_000, moneyAskedNok: 15_000_000, applications: 3 },
      { level: 'arena_pro', moneyAvailableNok: 10_000_000, moneyAskedNok: 5_000_000, applications: 1 },
    ]);
    const csv = await t.get(`/api/calls/${call.id}/panel.csv`, { headers: { cookie: staff } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`arena,1,${clusterNames.get(strong.clusterId)},${strong.id},75,2`);
    expect((await t.get(`/api/calls/${call.id}/panel`, { headers: { cookie: aud.cookie } })).status).toBe(
      403,
    );
  });

  it('once closed, refuses assessors every change and staff a second close or a new assignment', async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const criteria = await criterionIds(call);
    const scoring = await createAssessment(t.db, {
      applicationId: application.id,
      callId: call.id,
      assessorAccountId: dag.id,
      assessorName: dag.name,
      status: 'scoring',
    });
    const done = await createAssessment(t.db, {
      applicationId: application.id,
      callId: call.id,
      assessorAccountId: aud.id,
      assessorName: aud.name,
      status: 'completed',
      scores: { [criteria[0]!]: 3, [criteria[1]!]: 3 },
    });
    const assigned = await createAssessment(t.db, {
      applicationId: application.id,
      callId: call.id,
      assessorAccountId: brage.id,
      assessorName: brage.name,
    });
    expect(
      (await t.send('POST', `/api/calls/${call.id}/panel/close`, undefined, { cookie: aud.cookie })).status,
    ).toBe(403);
    const closed = await t.send('POST', `/api/calls/${call.id}/panel/close`, undefined, { cookie: staff });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', actions: [] });
    expect(
      (await t.send('POST', `/api/assessments/${done.id}/reopen`, undefined, { cookie: aud.cookie })).status,
    ).toBe(409);
    expect(
      (
        await t.send(
          'PUT',
          `/api/assessments/${scoring.id}/scores`,
          { scores: [{ criterionId: criteria[0], score: 3 }] },
          { cookie: dag.cookie },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await t.send(
          'POST',
          `/api/assessments/${assigned.id}/declaration`,
          { conflict: false },
          { cookie: brage.cookie },
        )
      ).status,
    ).toBe(409);
    expect(
      (await t.get(`/api/assessments/${done.id}`, { headers: { cookie: aud.cookie } })).body,
    ).toMatchObject({ panelStatus: 'closed', actions: [] });
    expect(
      (await t.send('POST', `/api/calls/${call.id}/panel/close`, undefined, { cookie: staff })).status,
    ).toBe(409);
    expect((await assign(application.id, cecilie)).status).toBe(409);
  });

  it('records a recommendation with its reason, naming another level of the call only to admit there, and interview notes', async () => {
    const call = await closedCall();
    const application = await submitted(call.id, 'arena');
    const put = (body: unknown) =>
      t.send('PUT', `/api/applications/${application.id}/recommendation`, body, { cookie: staff });
    const noLevel = await put({ recommendation: 'admit_other_level', reason: 'Passer bedre på Arena Pro.' });
    expect(noLevel.status).toBe(422);
    expect(paths(noLevel.body)).toEqual(['body.level']);
    const sameLevel = await put({ recommendation: 'admit_other_level', level: 'arena', reason: 'Samme.' });
    expect(paths(sameLevel.body)).toEqual(['body.level']);
    const notInCall = await put({
      recommendation: 'admit_other_level',
      level: 'hub_node',
      reason: 'Hub-node.',
    });
    expect(notInCall.body.errors[0].code).toBe('level_not_in_call');
    const levelForAdmit = await put({ recommendation: 'admit', level: 'arena_pro', reason: 'Ja.' });
    expect(paths(levelForAdmit.body)).toEqual(['body.level']);
    expect(paths((await put({ recommendation: 'admit', reason: '' })).body)).toEqual(['body.reason']);
    const made = await put({
      recommendation: 'admit_other_level',
      level: 'arena_pro',
      reason: 'Sterk nok for Arena Pro.',
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({
      recommendation: 'admit_other_level',
      level: 'arena_pro',
      reason: 'Sterk nok for Arena Pro.',
    });
    const notes = await t.send(
      'PUT',
      `/api/applications/${application.id}/interview-notes`,
      { notes: 'Godt intervju.' },
      { cookie: staff },
    );
    expect(notes.body).toMatchObject({
      recommendation: 'admit_other_level',
      interviewNotes: 'Godt intervju.',
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, application.id)))
      .orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.action)).toEqual([
      'application.recommended',
      'application.interview_notes_written',
    ]);
    expect(
      (
        await t.send(
          'PUT',
          `/api/applications/${application.id}/recommendation`,
          { recommendation: 'reject', reason: 'Nei.' },
          { cookie: aud.cookie },
        )
      ).status,
    ).toBe(403);
    const panel = await t.get(`/api/calls/${call.id}/panel`, { headers: { cookie: staff } });
    expect(panel.body.applications[0].recommendation).toMatchObject({
      recommendation: 'admit_other_level',
      interviewNotes: 'Godt intervju.',
    });
  });

  it("keeps the panel's work out of the applicant's own audit trail", async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const applicant = await t.signIn(
      (await createTestAccount(t.db, 'cluster_manager', { clusterId: application.clusterId })).email,
      TEST_PASSWORD,
    );
    await assign(application.id, aud);
    await t.send(
      'POST',
      `/api/calls/${call.id}/assessments/spread`,
      { assessorAccountIds: [dag.id], perApplication: 2, maxPerAssessor: 5 },
      { cookie: staff },
    );
    await t.send(
      'PUT',
      `/api/applications/${application.id}/recommendation`,
      { recommendation: 'reject', reason: 'Svak.' },
      { cookie: staff },
    );
    await t.send(
      'PUT',
      `/api/applications/${application.id}/interview-notes`,
      { notes: 'Kort.' },
      { cookie: staff },
    );
    const trail = await t.get('/api/audit-events?pageSize=100', { headers: { cookie: applicant } });
    expect(trail.status).toBe(200);
    const actions = trail.body.items.map((event: { action: string }) => event.action);
    expect(actions.filter((action: string) => /assessment|recommend|interview/.test(action))).toEqual([]);
    const all = await t.get('/api/audit-events?pageSize=100', { headers: { cookie: staff } });
    expect(all.body.items.map((event: { action: string }) => event.action)).toContain(
      'application.recommended',
    );
  });
});

describe('POST /api/calls/{id}/assessments/spread', () => {
  it('gives each application its assessors with the load even and at most N each, choosing those without links first', async () => {
    const call = await closedCall();
    const applications = [
      await submitted(call.id),
      await submitted(call.id, 'arena_pro'),
      await submitted(call.id, 'arena_pro'),
    ];
    const { status, body } = await t.send(
      'POST',
      `/api/calls/${call.id}/assessments/spread`,
      { assessorAccountIds: [aud.id, dag.id, cecilie.id], perApplication: 2, maxPerAssessor: 2 },
      { cookie: staff },
    );
    expect(status).toBe(200);
    expect(body.assigned).toHaveLength(6);
    expect(body.loads.map((l: { applications: number }) => l.applications)).toEqual([2, 2, 2]);
    for (const application of applications) {
      expect(
        body.assigned.filter((a: { applicationId: string }) => a.applicationId === application.id),
      ).toHaveLength(2);
    }
    // Every applicant names Aud's organisation: with room elsewhere, she is given none.
    const avoided = await closedCall();
    await submitted(avoided.id);
    await submitted(avoided.id, 'arena_pro');
    const spread = await t.send(
      'POST',
      `/api/calls/${avoided.id}/assessments/spread`,
      { assessorAccountIds: [aud.id, dag.id], perApplication: 1, maxPerAssessor: 5 },
      { cookie: staff },
    );
    expect(spread.body.loads).toEqual([
      { assessorAccountId: aud.id, name: aud.name, applications: 0 },
      { assessorAccountId: dag.id, name: dag.name, applications: 2 },
    ]);
  });

  it('assigns nothing when the panel cannot cover every application with at most N each', async () => {
    const call = await closedCall();
    await submitted(call.id);
    await submitted(call.id, 'arena_pro');
    const { status, body } = await t.send(
      'POST',
      `/api/calls/${call.id}/assessments/spread`,
      { assessorAccountIds: [aud.id, dag.id], perApplication: 2, maxPerAssessor: 1 },
      { cookie: staff },
    );
    expect(status).toBe(422);
    expect(paths(body)).toEqual(['body.maxPerAssessor']);
    expect(
      (await t.get(`/api/calls/${call.id}/panel`, { headers: { cookie: staff } })).body.applications.every(
        (a: { assessors: unknown[] }) => a.assessors.length === 0,
      ),
    ).toBe(true);
    const unknown = await t.send(
      'POST',
      `/api/calls/${call.id}/assessments/spread`,
      {
        assessorAccountIds: [
          aud.id,
          (await createTestAccount(t.db, 'cluster_staff', { clusterId: cluster.id })).account.id,
        ],
        maxPerAssessor: 5,
      },
      { cookie: staff },
    );
    expect(paths(unknown.body)).toEqual(['body.assessorAccountIds.1']);
  });
});

describe('GET /api/assessments and /api/assessors', () => {
  it("lists the assessor's own queue with totals, and the assessors with their organisations for staff", async () => {
    const call = await closedCall();
    const application = await submitted(call.id);
    const id = (await assign(application.id, aud)).body.assessmentId;
    const queue = await t.get(`/api/assessments?call=${call.id}`, { headers: { cookie: aud.cookie } });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'assigned',
        total: null,
        application: expect.objectContaining({
          cluster: expect.objectContaining({ name: clusterNames.get(application.clusterId) }),
        }),
      }),
    ]);
    expect(
      (await t.get(`/api/assessments?call=${call.id}`, { headers: { cookie: dag.cookie } })).body.items,
    ).toEqual([]);
    expect((await t.get('/api/assessments', { headers: { cookie: staff } })).status).toBe(403);
    const assessors = await t.get('/api/assessors?pageSize=100', { headers: { cookie: staff } });
    expect(assessors.body.items.find((a: { accountId: string }) => a.accountId === aud.id)).toMatchObject({
      name: 'Aud Assessor',
      organisations: [partner.orgnr],
    });
    expect((await t.get('/api/assessors', { headers: { cookie: aud.cookie } })).status).toBe(403);
  });
});

describe("an assessor's personal data", () => {
  it('exports their declarations and comments, and on erasure keeps the scores but not their name or words', async () => {
    const operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
    const person = await createTestAccount(t.db, 'assessor', {}, { name: 'Eva Ekspert' });
    const eva: Assessor = {
      id: person.account.id,
      name: 'Eva Ekspert',
      cookie: await t.signIn(person.email, TEST_PASSWORD),
    };
    const call = await closedCall();
    const application = await submitted(call.id);
    const criteria = await criterionIds(call);
    const id = (await assign(application.id, eva)).body.assessmentId;
    await t.send(
      'POST',
      `/api/assessments/${id}/declaration`,
      { conflict: false, reason: 'Ingen bånd til søkeren.' },
      { cookie: eva.cookie },
    );
    await t.send(
      'PUT',
      `/api/assessments/${id}/scores`,
      { scores: [{ criterionId: criteria[0], score: 6, comment: 'Eva mener dette er sterkt.' }] },
      { cookie: eva.cookie },
    );
    const personId = person.account.personId;
    const exported = await t.get(`/api/persons/${personId}/export`, { headers: { cookie: operator } });
    expect(exported.status).toBe(200);
    expect(exported.body.assessments).toMatchObject([
      {
        id,
        declarationReason: 'Ingen bånd til søkeren.',
        comments: [{ criterionId: criteria[0], comment: 'Eva mener dette er sterkt.' }],
      },
    ]);
    const erased = await t.send(
      'POST',
      `/api/persons/${personId}/erase`,
      { confirmation: person.email },
      { cookie: operator },
    );
    expect(erased.status).toBe(200);
    expect(erased.body.removed).toMatchObject({ assessorNames: 1, assessmentComments: 1 });
    const after = await t.get(`/api/assessments/${id}`, { headers: { cookie: staff } });
    expect(after.body.assessor.name).not.toContain('Eva');
    expect(after.body.declaration.reason).toBe('');
    expect(after.body.scores).toEqual([
      { criterionId: criteria[0], score: 6, notApplicable: false, comment: '' },
    ]);
  });
});
