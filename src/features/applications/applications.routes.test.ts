import { and, asc, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenFor } from '../../server/http/csrf';
import { setupTestApp } from '../../testing/harness';
import {
  sampleDocx,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleXlsx,
} from '../../testing/sample-files';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCall } from '../calls/calls.seed';
import { createCluster } from '../clusters/clusters.seed';
import { mailMessages } from '../mail/mail.table';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme, type SeededProgramme } from '../programme/programme.seed';
import { completeSections, createApplication } from './applications.seed';

// The route tests' clock says 2026-06-15T10:00:00Z; the test calls close at 2026-07-01T10:00:00Z,
// 12:00 in Oslo, inside the month a session lasts, so one sign-in serves every moment.
const t = setupTestApp();
const DEADLINE = '2026-07-01T10:00:00Z';
const SECOND_BEFORE = '2026-07-01T09:59:59Z';
/** After the deadline, when programme staff read what came in. */
const AFTER = '2026-07-05T10:00:00Z';

let programme: SeededProgramme;
let cluster: { id: string; slug: string };
let other: { id: string; slug: string };
let manager: string;
let managerEmail: string;
let staffer: string;
let colleague: string;
let programmeStaff: string;
let operator: string;
let outsider: string;
let host: { orgnr: string };
/** Five companies, a research institute and a municipality, all in the register copy. */
let companies: string[];
let research: string;
let municipality: string;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  host = await createOrganisation(t.db, { name: 'Vertskapet AS' });
  cluster = await createCluster(t.db, programme, { name: 'Søkerklyngen', hostOrgnr: host.orgnr });
  other = await createCluster(t.db, programme, { name: 'Naboklyngen' });
  companies = [];
  for (let i = 0; i < 5; i++) {
    companies.push((await createOrganisation(t.db, { name: `Bedrift ${i} AS` })).orgnr);
  }
  research = (
    await createOrganisation(t.db, {
      name: 'Forskningsinstituttet',
      actorType: 'research',
      organisationForm: 'STI',
    })
  ).orgnr;
  municipality = (
    await createOrganisation(t.db, {
      name: 'Vefsn kommune',
      actorType: 'public_development',
      organisationForm: 'KOMM',
      institutionalSectorCode: '6500',
    })
  ).orgnr;
  const m = await createTestAccount(
    t.db,
    'cluster_manager',
    { clusterId: cluster.id },
    { name: 'Kim Klyngeleder' },
  );
  managerEmail = m.email;
  manager = await t.signIn(m.email, TEST_PASSWORD);
  staffer = await t.signIn(
    (await createTestAccount(t.db, 'cluster_staff', { clusterId: cluster.id }, { name: 'Siri Stab' })).email,
    TEST_PASSWORD,
  );
  colleague = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id }, { name: 'Kari Kollega' }))
      .email,
    TEST_PASSWORD,
  );
  programmeStaff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  outsider = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: other.id })).email,
    TEST_PASSWORD,
  );
});

/** An open call for Arena, Arena Pro and Hub-node, closing at the deadline above. */
async function openCall() {
  return createCall(t.db, {
    status: 'open',
    deadlineAt: new Date(DEADLINE),
    plannedDecisionAt: new Date('2026-10-01T10:00:00Z'),
    levels: [
      { level: 'arena', moneyNok: 10_000_000 },
      { level: 'arena_pro', moneyNok: 30_000_000 },
      { level: 'hub_node', moneyNok: 3_000_000 },
    ],
  });
}

/** A draft of the cluster that keeps every rule for its level, unless `sections` says otherwise. */
async function completeDraft(level: 'arena' | 'hub_node' | 'arena_pro', sections = {}, hubSlug?: string) {
  const call = await openCall();
  const application = await createApplication(t.db, {
    callId: call.id,
    clusterId: cluster.id,
    levelCode: level,
    contactEmail: managerEmail,
    sections: {
      ...completeSections({
        level,
        ownerOrgnr: host.orgnr,
        partners: companies.map((orgnr) => ({ orgnr })),
        firstYear: 2026,
        hubSlug,
      }),
      ...sections,
    },
  });
  return { call, application };
}

const eventsAbout = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.seq));

const mailTo = (address: string) =>
  t.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address))
    .orderBy(desc(mailMessages.createdAt));

const paths = (body: { errors?: { path: (string | number)[] }[] }) =>
  (body.errors ?? []).map((e) => e.path.join('.')).sort();

describe('POST /api/calls/{id}/applications', () => {
  it("starts a draft for the manager's cluster with every section of the level, the host as project owner, audited", async () => {
    const call = await openCall();
    const { status, body } = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'hub_node', clusterSlug: cluster.slug },
      { cookie: manager },
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'draft',
      level: 'hub_node',
      cluster: { slug: cluster.slug, name: 'Søkerklyngen' },
      call: { id: call.id, deadlineAt: DEADLINE },
      contact: { name: 'Kim Klyngeleder', email: managerEmail },
      moneyAskedNok: 0,
      actions: ['submit', 'withdraw'],
    });
    expect(body.sections.map((s: { key: string }) => s.key)).toEqual([
      'background',
      'vision_goals',
      'focus_activities',
      'expected_effects',
      'resource_base',
      'ecosystem_role',
      'budget',
      'hub',
    ]);
    expect(body.writableSections).toEqual(body.sections.map((s: { key: string }) => s.key));
    expect(body.sections.find((s: { key: string }) => s.key === 'resource_base').body.projectOwnerOrgnr).toBe(
      host.orgnr,
    );
    expect((await eventsAbout(body.id)).map((e) => e.action)).toEqual(['application.started']);
  });

  it('lets cluster staff start one too, and refuses a second application of the cluster for the same level', async () => {
    const call = await openCall();
    const first = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'arena', clusterSlug: cluster.slug },
      { cookie: staffer },
    );
    expect(first.status).toBe(201);
    const again = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'arena', clusterSlug: cluster.slug },
      { cookie: manager },
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already/);
    const otherLevel = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'arena_pro', clusterSlug: cluster.slug },
      { cookie: manager },
    );
    expect(otherLevel.status).toBe(201);
  });

  it('refuses a level the call is not open for, a closed call, and someone else’s cluster', async () => {
    const call = await createCall(t.db, { status: 'open' });
    const level = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'arena_pro', clusterSlug: cluster.slug },
      { cookie: manager },
    );
    expect(level.status).toBe(422);
    expect(paths(level.body)).toEqual(['body.level']);
    const closed = await t
      .at(DEADLINE)
      .send(
        'POST',
        `/api/calls/${(await openCall()).id}/applications`,
        { level: 'arena', clusterSlug: cluster.slug },
        { cookie: manager },
      );
    expect(closed.status).toBe(409);
    const foreign = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'arena', clusterSlug: cluster.slug },
      { cookie: outsider },
    );
    expect(foreign.status).toBe(403);
  });

  it('registers a forming network in the same step for a person with no role yet, who becomes its manager', async () => {
    const call = await openCall();
    const person = await createTestAccount(t.db, 'assessor', {}, { name: 'Frida Fjære' });
    const cookie = await t.signIn(person.email, TEST_PASSWORD);
    const { status, body } = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      {
        level: 'hub_node',
        formingNetwork: {
          name: `Tarenettverket ${process.pid}`,
          counties: ['18'],
          sectors: ['A'],
          hostOrgnr: host.orgnr,
        },
      },
      { cookie },
    );
    expect(status).toBe(201);
    expect(body.cluster.name).toBe(`Tarenettverket ${process.pid}`);
    expect(body.actions).toEqual(['submit', 'withdraw']);
    // Nothing a forming network writes is anyone else's business.
    expect((await t.get(`/api/applications/${body.id}`, { headers: { cookie: outsider } })).status).toBe(404);
    expect(
      (await t.get(`/api/applications/${body.id}`, { headers: { cookie: programmeStaff } })).status,
    ).toBe(200);
    expect((await t.get(`/api/applications/${body.id}`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('GET /api/calls/{id}/applying-clusters', () => {
  it('offers the clusters the caller writes for, each with its applications in the call', async () => {
    const call = await openCall();
    const started = await createApplication(t.db, {
      callId: call.id,
      clusterId: cluster.id,
      levelCode: 'arena_pro',
    });
    await createApplication(t.db, { callId: call.id, clusterId: other.id, levelCode: 'arena' });
    const mine = await t.get(`/api/calls/${call.id}/applying-clusters`, { headers: { cookie: staffer } });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        slug: cluster.slug,
        name: 'Søkerklyngen',
        applications: [{ id: started.id, level: 'arena_pro', status: 'draft' }],
      },
    ]);
    const theirs = await t.get(`/api/calls/${call.id}/applying-clusters`, { headers: { cookie: outsider } });
    expect(theirs.body.items.map((item: { slug: string }) => item.slug)).toEqual([other.slug]);
    const staff = await t.get(`/api/calls/${call.id}/applying-clusters`, {
      headers: { cookie: programmeStaff },
    });
    expect(staff.body.items).toEqual([]);
  });
});

describe('PATCH /api/applications/{id}', () => {
  const save = (cookie: string, id: string, sections: Record<string, unknown>) =>
    t.send('PATCH', `/api/applications/${id}`, { sections }, { cookie });

  it('keeps both writers’ text when two people save different sections from the same reading', async () => {
    const { application } = await completeDraft('arena', { background: { text: 'Første utkast.' } });
    const mine = await save(manager, application.id, {
      background: { body: { text: 'Kims bakgrunn.' }, version: 1 },
    });
    const theirs = await save(colleague, application.id, {
      expected_effects: { body: { text: 'Karis effekter.' }, version: 1 },
    });
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(200);
    const sections = new Map(theirs.body.sections.map((s: { key: string }) => [s.key, s]));
    expect(sections.get('background')).toMatchObject({
      body: { text: 'Kims bakgrunn.' },
      version: 2,
      updatedBy: 'Kim Klyngeleder',
    });
    expect(sections.get('expected_effects')).toMatchObject({
      body: { text: 'Karis effekter.' },
      version: 2,
      updatedBy: 'Kari Kollega',
    });
    const saves = (await eventsAbout(application.id)).filter(
      (e) => e.action === 'application.sections_saved',
    );
    expect(saves.map((e) => e.after)).toEqual([
      { background: { version: 2 } },
      { expected_effects: { version: 2 } },
    ]);
  });

  it('refuses the later of two saves of one section with the current text, and saves none of that request', async () => {
    const { application } = await completeDraft('arena');
    const first = await save(manager, application.id, {
      background: { body: { text: 'Kim skrev dette.' }, version: 1 },
    });
    expect(first.status).toBe(200);
    const later = await save(colleague, application.id, {
      background: { body: { text: 'Kari skrev noe annet.' }, version: 1 },
      ecosystem_role: { body: { text: 'Dette skal ikke lagres.' }, version: 1 },
    });
    expect(later.status).toBe(409);
    expect(later.headers.get('content-type')).toContain('application/problem+json');
    expect(later.body).toMatchObject({
      code: 'conflict',
      conflicts: [
        { key: 'background', body: { text: 'Kim skrev dette.' }, version: 2, updatedBy: 'Kim Klyngeleder' },
      ],
    });
    const now = await t.get(`/api/applications/${application.id}`, { headers: { cookie: colleague } });
    const byKey = new Map(now.body.sections.map((s: { key: string; body: unknown }) => [s.key, s]));
    expect(byKey.get('background')).toMatchObject({ body: { text: 'Kim skrev dette.' }, version: 2 });
    expect(byKey.get('ecosystem_role')).toMatchObject({ version: 1 });
    // Saved again from the version the conflict showed, it goes through.
    const merged = await save(colleague, application.id, {
      background: { body: { text: 'Kim skrev dette. Kari la til.' }, version: 2 },
    });
    expect(merged.status).toBe(200);
  });

  it('keeps the budget’s money asked with every save of the budget', async () => {
    const { application } = await completeDraft('arena');
    const { status, body } = await save(manager, application.id, {
      budget: {
        body: {
          years: [
            { year: 2027, costNok: 5_000_000, programmeNok: 2_500_000 },
            { year: 2028, costNok: 5_000_000, programmeNok: 2_000_000 },
          ],
          cofinancing: [],
        },
        version: 1,
      },
    });
    expect(status).toBe(200);
    expect(body.moneyAskedNok).toBe(4_500_000);
  });

  it('refuses a section of another level, bad input, and anyone but the cluster’s writers', async () => {
    const { application } = await completeDraft('arena');
    const foreign = await save(manager, application.id, {
      hub: { body: { hubClusterSlug: 'x' }, version: 0 },
    });
    expect(foreign.status).toBe(422);
    expect(paths(foreign.body)).toEqual(['body.sections.hub']);
    const negative = await save(manager, application.id, {
      pre_project: undefined,
      budget: {
        body: { years: [{ year: 2027, costNok: -1, programmeNok: null }], cofinancing: [] },
        version: 1,
      },
    });
    expect(negative.status).toBe(422);
    expect(paths(negative.body)).toEqual(['body.sections.budget.body.years.0.costNok']);
    expect(
      (await save(programmeStaff, application.id, { background: { body: { text: 'x' }, version: 1 } }))
        .status,
    ).toBe(403);
    expect(
      (await save(outsider, application.id, { background: { body: { text: 'x' }, version: 1 } })).status,
    ).toBe(404);
  });

  it('refuses changes to a draft from the deadline on, and to a submitted application', async () => {
    const { application } = await completeDraft('arena');
    const late = await t
      .at(DEADLINE)
      .send(
        'PATCH',
        `/api/applications/${application.id}`,
        { sections: { background: { body: { text: 'Sent.' }, version: 1 } } },
        { cookie: manager },
      );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid_state');
    expect(late.body.errors[0]).toMatchObject({
      path: ['body', 'sections', 'background'],
      code: 'deadline_passed',
    });
    expect(
      (await t.send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager })).status,
    ).toBe(200);
    const readOnly = await save(manager, application.id, {
      background: { body: { text: 'Etterpå.' }, version: 1 },
    });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.detail).toMatch(/read-only/);
  });
});

describe('POST /api/applications/{id}/check', () => {
  const check = async (id: string) => {
    const { status, body } = await t.send('POST', `/api/applications/${id}/check`, undefined, {
      cookie: manager,
    });
    expect(status).toBe(200);
    return body as {
      ok: boolean;
      problems: { path: (string | number)[]; code: string; message: string; params: object }[];
    };
  };
  const codes = (result: Awaited<ReturnType<typeof check>>) =>
    result.problems.map((p) => `${p.path.join('.')} ${p.code}`).sort();

  it('finds nothing wrong with a complete Arena application', async () => {
    const { application } = await completeDraft('arena');
    expect(await check(application.id)).toEqual({ ok: true, problems: [] });
  });

  it('names every empty part an application needs, field by field', async () => {
    const call = await openCall();
    const application = await createApplication(t.db, {
      callId: call.id,
      clusterId: cluster.id,
      levelCode: 'arena',
    });
    expect(codes(await check(application.id))).toEqual([
      'sections.background.text required',
      'sections.budget.years required',
      'sections.ecosystem_role.text required',
      'sections.expected_effects.text required',
      'sections.focus_activities.focusAreas required',
      'sections.focus_activities.plan required',
      'sections.resource_base.partners required',
      'sections.resource_base.projectOwnerOrgnr required',
      'sections.vision_goals.goals required',
      'sections.vision_goals.vision required',
    ]);
  });

  it('checks partners by organisation number and the budget years against the level’s duration', async () => {
    const { application } = await completeDraft('arena', {
      resource_base: {
        projectOwnerOrgnr: host.orgnr,
        partners: [
          { orgnr: companies[0], commitment: 'core_partner', cashNok: 1, inKindNok: 1 },
          { orgnr: '123456789', commitment: 'partner', cashNok: null, inKindNok: null },
          { orgnr: companies[0], commitment: 'partner', cashNok: null, inKindNok: null },
        ],
        text: '',
      },
      budget: {
        years: [
          { year: 2025, costNok: 1, programmeNok: 1 },
          { year: 2026, costNok: 1, programmeNok: 1 },
          { year: 2028, costNok: 1, programmeNok: 1 },
        ],
        cofinancing: [],
      },
    });
    const result = await check(application.id);
    expect(codes(result)).toEqual([
      'sections.budget.years budget_years_span',
      'sections.budget.years.0.year budget_year_early',
      'sections.resource_base.partners.1.orgnr orgnr_invalid',
      'sections.resource_base.partners.2.orgnr partner_twice',
    ]);
    expect(result.problems.find((p) => p.code === 'budget_years_span')!.message).toBe(
      'covers 2025–2028, 4 years; arena lasts 3 years',
    );
  });

  it('refuses a level the call is not open for', async () => {
    const call = await createCall(t.db, { status: 'open' });
    const application = await createApplication(t.db, {
      callId: call.id,
      clusterId: cluster.id,
      levelCode: 'arena_pro',
      sections: completeSections({
        level: 'arena_pro',
        ownerOrgnr: host.orgnr,
        partners: [{ orgnr: research }],
        firstYear: 2026,
      }),
    });
    const result = await check(application.id);
    expect(result.problems).toEqual([
      {
        path: ['level'],
        code: 'level_not_open',
        message: 'is not open in this call; it is open for arena',
        params: { level: 'arena_pro', open: 'arena' },
      },
    ]);
  });

  describe('a hub-node', () => {
    it("needs a hub at Arena Pro or higher on the deadline's day, not only today", async () => {
      const ending = await createCluster(t.db, programme, {
        name: 'Huben som slutter',
        engagements: [{ level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-06-30' }],
      });
      const lasting = await createCluster(t.db, programme, {
        name: 'Huben som varer',
        engagements: [{ level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31' }],
      });
      const arena = await createCluster(t.db, programme, {
        name: 'Arenaklyngen',
        engagements: [{ level: 'arena', startsOn: '2025-01-01', plannedEndOn: '2027-12-31' }],
      });
      const refused = await completeDraft('hub_node', {}, ending.slug);
      expect((await check(refused.application.id)).problems).toEqual([
        {
          path: ['sections', 'hub', 'hubClusterSlug'],
          code: 'hub_level',
          message:
            'must be at Arena Pro or higher on the day of the deadline, 2026-07-01; Huben som slutter is then at no level',
          params: { hub: 'Huben som slutter', day: '2026-07-01', level: '' },
        },
      ]);
      const atArena = await completeDraft('hub_node', {}, arena.slug);
      expect(codes(await check(atArena.application.id))).toEqual(['sections.hub.hubClusterSlug hub_level']);
      const unknown = await completeDraft('hub_node', {}, 'finnes-ikke');
      expect(codes(await check(unknown.application.id))).toEqual(['sections.hub.hubClusterSlug hub_unknown']);
      const fine = await completeDraft('hub_node', {}, lasting.slug);
      expect(await check(fine.application.id)).toEqual({ ok: true, problems: [] });
    });

    it('needs five core partners that are companies, by their register facts', async () => {
      const hub = await createCluster(t.db, programme, {
        engagements: [{ level: 'global', startsOn: '2020-01-01', plannedEndOn: '2029-12-31' }],
      });
      const partners = [
        ...companies
          .slice(0, 4)
          .map((orgnr) => ({ orgnr, commitment: 'core_partner' as const, cashNok: 1, inKindNok: 1 })),
        { orgnr: companies[4]!, commitment: 'partner' as const, cashNok: 1, inKindNok: 1 },
        { orgnr: research, commitment: 'core_partner' as const, cashNok: 1, inKindNok: 1 },
      ];
      const { application } = await completeDraft(
        'hub_node',
        { resource_base: { projectOwnerOrgnr: host.orgnr, partners, text: '' } },
        hub.slug,
      );
      expect((await check(application.id)).problems).toEqual([
        {
          path: ['sections', 'resource_base', 'partners'],
          code: 'hub_core_companies',
          message: 'must hold at least 5 core partners that are companies; it holds 4',
          params: { count: 4, needed: 5 },
        },
      ]);
    });

    it('cannot have a public body as its project owner', async () => {
      const hub = await createCluster(t.db, programme, {
        engagements: [{ level: 'arena_pro', startsOn: '2024-01-01', plannedEndOn: '2028-12-31' }],
      });
      const { application } = await completeDraft(
        'hub_node',
        {
          resource_base: {
            projectOwnerOrgnr: municipality,
            partners: companies.map((orgnr) => ({
              orgnr,
              commitment: 'core_partner' as const,
              cashNok: 1,
              inKindNok: 1,
            })),
            text: '',
          },
        },
        hub.slug,
      );
      expect(codes(await check(application.id))).toEqual([
        'sections.resource_base.projectOwnerOrgnr owner_public_body',
      ]);
    });
  });
});

describe('POST /api/applications/{id}/submit', () => {
  it('takes a submission in the second before the deadline, audits it and mails a receipt with a copy', async () => {
    const { application } = await completeDraft('arena', {
      expected_effects: { text: 'Tjue nye arbeidsplasser i Rana.' },
    });
    const { status, body } = await t
      .at(SECOND_BEFORE)
      .send('POST', `/api/applications/${application.id}/submit`, { language: 'en' }, { cookie: manager });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'submitted',
      submittedAt: SECOND_BEFORE,
      language: 'en',
      actions: ['withdraw'],
      writableSections: [],
    });
    const submitted = (await eventsAbout(application.id)).at(-1)!;
    expect(submitted).toMatchObject({ action: 'application.submitted', before: { status: 'draft' } });
    expect(submitted.after).toMatchObject({ status: 'submitted', versions: { background: 1, budget: 1 } });
    const [receipt] = await mailTo(managerEmail);
    expect(receipt).toMatchObject({
      kind: 'application_receipt',
      subject: 'Receipt: application for Arena from Søkerklyngen',
    });
    expect(receipt!.textBody).toContain('arrived 1 July 2026 at 11:59:59');
    expect(receipt!.textBody).toContain('EXPECTED EFFECTS\nTjue nye arbeidsplasser i Rana.');
    expect(receipt!.textBody).toContain(
      `${companies[0]}, core partner: 50,000 NOK cash + 100,000 NOK in kind a year`,
    );
  });

  it('refuses a submission at the second of the deadline with the reason, and changes nothing', async () => {
    const { application } = await completeDraft('arena');
    const { status, body } = await t
      .at(DEADLINE)
      .send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager });
    expect(status).toBe(409);
    expect(body.detail).toBe(
      "The call's deadline was 1 July 2026 at 12:00:00 Norwegian time; an application can no longer be submitted (now 1 July 2026 at 12:00:00 Norwegian time).",
    );
    expect(body.errors).toEqual([
      {
        path: ['call', 'deadlineAt'],
        message: 'passed at 1 July 2026 at 12:00:00 Norwegian time',
        code: 'deadline_passed',
      },
    ]);
    expect(
      (await t.get(`/api/applications/${application.id}`, { headers: { cookie: manager } })).body.status,
    ).toBe('draft');
    expect(
      (await t.at(DEADLINE).get(`/api/applications/${application.id}`, { headers: { cookie: manager } })).body
        .actions,
    ).toEqual([]);
  });

  it('answers every broken rule as a field error of the application, and submits nothing', async () => {
    const { application } = await completeDraft('arena', {
      background: { text: '   ' },
      budget: { years: [], cofinancing: [] },
    });
    const { status, body } = await t.send(
      'POST',
      `/api/applications/${application.id}/submit`,
      {},
      { cookie: manager },
    );
    expect(status).toBe(422);
    expect(paths(body)).toEqual([
      'application.sections.background.text',
      'application.sections.budget.years',
    ]);
    expect((await mailTo(managerEmail)).filter((m) => m.textBody.includes(application.id))).toEqual([]);
  });

  it('writes the receipt in the language of the request when the body names none', async () => {
    const { application } = await completeDraft('arena');
    const { status } = await t.send('POST', `/api/applications/${application.id}/submit`, undefined, {
      cookie: staffer,
      headers: { 'accept-language': 'nb-NO,nb;q=0.9' },
    });
    expect(status).toBe(200);
    const receipt = (await t.db.select().from(mailMessages)).find((mail) =>
      mail.textBody.includes(`/applications/${application.id}`),
    )!;
    expect(receipt.subject).toBe('Kvittering: søknad om Arena fra Søkerklyngen');
    expect(receipt.textBody).toContain('Her er en kopi av det som ble sendt inn.');
  });
});

describe('POST /api/applications/{id}/withdraw', () => {
  it('withdraws a submitted application before the deadline, and not from the deadline on', async () => {
    const { application } = await completeDraft('arena');
    await t.send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager });
    const late = await t
      .at(DEADLINE)
      .send('POST', `/api/applications/${application.id}/withdraw`, undefined, { cookie: manager });
    expect(late.status).toBe(409);
    expect(late.body.errors[0].code).toBe('deadline_passed');
    const { status, body } = await t
      .at(SECOND_BEFORE)
      .send('POST', `/api/applications/${application.id}/withdraw`, undefined, { cookie: staffer });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'withdrawn', withdrawnAt: SECOND_BEFORE, actions: [] });
    // A withdrawn application leaves room for a new one for the same level.
    const again = await t.send(
      'POST',
      `/api/calls/${body.call.id}/applications`,
      { level: 'arena', clusterSlug: cluster.slug },
      { cookie: manager },
    );
    expect(again.status).toBe(201);
  });
});

describe('POST /api/applications/{id}/request-information', () => {
  it('reopens the named sections until the date staff chose, mails the contact, and takes the answer', async () => {
    const { application } = await completeDraft('arena');
    await t.send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager });
    const after = AFTER;
    const request = await t.at(after).send(
      'POST',
      `/api/applications/${application.id}/request-information`,
      {
        sections: ['budget'],
        until: '2026-07-10T12:00:00+02:00',
        message: 'Hvem finansierer det tredje året?',
      },
      { cookie: programmeStaff },
    );
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({
      status: 'information_requested',
      informationRequest: { sections: ['budget'], until: '2026-07-10T10:00:00Z', open: true },
    });
    const [mail] = await mailTo(managerEmail);
    expect(mail).toMatchObject({ kind: 'application_information_requested' });
    expect(mail!.textBody).toContain('Hvem finansierer det tredje året?');

    const asApplicant = await t
      .at(after)
      .get(`/api/applications/${application.id}`, { headers: { cookie: manager } });
    expect(asApplicant.body.writableSections).toEqual(['budget']);
    expect(asApplicant.body.actions).toEqual(['submit']);
    const closedSection = await t
      .at(after)
      .send(
        'PATCH',
        `/api/applications/${application.id}`,
        { sections: { background: { body: { text: 'Ny bakgrunn.' }, version: 1 } } },
        { cookie: manager },
      );
    expect(closedSection.status).toBe(409);
    const answer = await t.at(after).send(
      'PATCH',
      `/api/applications/${application.id}`,
      {
        sections: {
          budget: {
            body: {
              years: [{ year: 2026, costNok: 4_000_000, programmeNok: 2_000_000 }],
              cofinancing: [{ year: 2026, source: 'Sparebanken', amountNok: 1_000_000 }],
            },
            version: 1,
          },
        },
      },
      { cookie: manager },
    );
    expect(answer.status).toBe(200);
    const resubmitted = await t
      .at(after)
      .send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', writableSections: [] });
  });

  it('closes the reopened sections by itself when the date comes', async () => {
    const call = await openCall();
    const application = await createApplication(t.db, {
      callId: call.id,
      clusterId: cluster.id,
      status: 'information_requested',
      reopenedSections: ['background'],
      informationRequestedAt: new Date('2026-06-01T10:00:00Z'),
      informationRequestedUntil: new Date('2026-06-15T10:00:00Z'),
      informationRequestMessage: 'Mer om bakgrunnen.',
    });
    const { body } = await t.get(`/api/applications/${application.id}`, { headers: { cookie: manager } });
    expect(body).toMatchObject({
      status: 'submitted',
      writableSections: [],
      informationRequest: { open: false },
    });
    const list = await t.get(`/api/applications?call=${call.id}&status=submitted`, {
      headers: { cookie: manager },
    });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([application.id]);
  });

  it('is programme staff’s, for a submitted application, with a date ahead and the level’s sections', async () => {
    const { application } = await completeDraft('arena');
    const body = { sections: ['budget'], until: '2026-07-01T12:00:00+02:00', message: 'Mer, takk.' };
    const draft = await t.send('POST', `/api/applications/${application.id}/request-information`, body, {
      cookie: operator,
    });
    expect(draft.status).toBe(409);
    await t.send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager });
    expect(
      (
        await t.send('POST', `/api/applications/${application.id}/request-information`, body, {
          cookie: manager,
        })
      ).status,
    ).toBe(403);
    const wrong = await t.send(
      'POST',
      `/api/applications/${application.id}/request-information`,
      { ...body, sections: ['hub'], until: '2026-06-01T12:00:00+02:00' },
      { cookie: operator },
    );
    expect(wrong.status).toBe(422);
    expect(paths(wrong.body)).toEqual(['body.sections.0', 'body.until']);
  });
});

describe('attachments', () => {
  async function upload(cookie: string, id: string, bytes: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const session = /klynge_session=([^;]+)/.exec(cookie)![1]!;
    const response = await t.app.request(`/api/applications/${id}/attachments`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'x-csrf-token': csrfTokenFor(session) },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  it('takes a file recognised by its content, lists it and gives back the same bytes under its name', async () => {
    const { application } = await completeDraft('arena');
    const pdf = samplePdf();
    const { status, body } = await upload(staffer, application.id, pdf, 'Budsjett 2027 – utkast.pdf');
    expect(status).toBe(201);
    expect(body).toMatchObject({
      fileName: 'Budsjett 2027 – utkast.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      uploadedBy: 'Siri Stab',
    });
    expect(await t.files.exists(body.sha256)).toBe(true);
    const list = await t.get(`/api/applications/${application.id}/attachments`, {
      headers: { cookie: programmeStaff },
    });
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([body.id]);
    const download = await t.app.request(`/api/applications/${application.id}/attachments/${body.id}`, {
      headers: { cookie: programmeStaff },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Budsjett 2027 _ utkast.pdf"; filename*=UTF-8''${encodeURIComponent('Budsjett 2027 – utkast.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await eventsAbout(application.id)).map((e) => e.action)).toContain(
      'application.attachment_added',
    );
  });

  it('takes Word, Excel and JPEG files by their content, whatever their names say', async () => {
    const { application } = await completeDraft('arena');
    const sent = [
      [sampleDocx(), 'plan.png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [sampleXlsx(), 'budsjett', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [sampleJpeg(), 'bilde.pdf', 'image/jpeg'],
    ] as const;
    for (const [bytes, name, mediaType] of sent) {
      const { status, body } = await upload(manager, application.id, bytes, name);
      expect({ status, fileName: body.fileName, mediaType: body.mediaType }).toEqual({
        status: 201,
        fileName: name,
        mediaType,
      });
    }
  });

  it('takes a file of several megabytes, and refuses one larger than 10 MB by its size', async () => {
    const { application } = await completeDraft('arena');
    /** A PDF padded after its end to the size asked for: still a PDF by its first bytes. */
    const pdfOf = (size: number) =>
      Buffer.concat([samplePdf(), Buffer.alloc(size - samplePdf().length, 0x20)]);
    const large = await upload(manager, application.id, pdfOf(6 * 1024 * 1024), 'vedlegg.pdf');
    expect(large.status).toBe(201);
    expect(large.body.sizeBytes).toBe(6 * 1024 * 1024);
    const tooLarge = await upload(manager, application.id, pdfOf(10 * 1024 * 1024 + 1), 'for-stor.pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors).toEqual([{ path: ['body', 'file'], message: 'it is larger than 10 MB' }]);
    const list = await t.get(`/api/applications/${application.id}/attachments`, {
      headers: { cookie: manager },
    });
    expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['vedlegg.pdf']);
  });

  it('refuses a program named like a PDF, by what it is, and stores nothing', async () => {
    const { application } = await completeDraft('arena');
    const { status, body } = await upload(manager, application.id, sampleExe(), 'budsjett.pdf');
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { path: ['body', 'file'], message: 'it is a Windows program (EXE or DLL)' },
    ]);
    const list = await t.get(`/api/applications/${application.id}/attachments`, {
      headers: { cookie: manager },
    });
    expect(list.body.items).toEqual([]);
  });

  it('refuses files once the application is submitted, and anyone outside the cluster', async () => {
    const { application } = await completeDraft('arena');
    expect((await upload(outsider, application.id, samplePng(), 'kart.png')).status).toBe(404);
    await t.send('POST', `/api/applications/${application.id}/submit`, {}, { cookie: manager });
    expect((await upload(manager, application.id, samplePng(), 'kart.png')).status).toBe(409);
  });
});

describe('GET /api/applications', () => {
  it("lists the caller's own clusters' applications, and every one for programme staff, by filter", async () => {
    const call = await openCall();
    const mine = await createApplication(t.db, {
      callId: call.id,
      clusterId: cluster.id,
      levelCode: 'arena',
    });
    const theirs = await createApplication(t.db, {
      callId: call.id,
      clusterId: other.id,
      levelCode: 'arena_pro',
      status: 'submitted',
    });
    const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();
    expect(
      ids((await t.get(`/api/applications?call=${call.id}`, { headers: { cookie: manager } })).body),
    ).toEqual([mine.id]);
    expect(
      ids((await t.get(`/api/applications?call=${call.id}`, { headers: { cookie: programmeStaff } })).body),
    ).toEqual([mine.id, theirs.id].sort());
    const submitted = await t.get(`/api/applications?call=${call.id}&status=submitted&level=arena_pro`, {
      headers: { cookie: programmeStaff },
    });
    expect(submitted.body).toMatchObject({
      total: 1,
      items: [
        {
          id: theirs.id,
          cluster: { slug: other.slug, name: 'Naboklyngen' },
          status: 'submitted',
          call: { id: call.id },
        },
      ],
    });
    const byCluster = await t.get(`/api/applications?call=${call.id}&cluster=${other.slug}`, {
      headers: { cookie: manager },
    });
    expect(byCluster.body.items).toEqual([]);
    expect((await t.get('/api/applications?status=sent', { headers: { cookie: manager } })).status).toBe(422);
  });
});

describe("a call's deadline moving", () => {
  it("tells the contact of each application that is not withdrawn, in the application's language", async () => {
    const call = await openCall();
    const english = await createTestAccount(t.db, 'cluster_manager', { clusterId: other.id });
    await createApplication(t.db, {
      callId: call.id,
      clusterId: cluster.id,
      contactEmail: 'norsk@example.test',
      contactName: 'Nora',
    });
    await createApplication(t.db, {
      callId: call.id,
      clusterId: other.id,
      contactEmail: english.email,
      contactName: 'Ed',
      language: 'en',
    });
    await createApplication(t.db, {
      callId: call.id,
      clusterId: other.id,
      levelCode: 'arena_pro',
      status: 'withdrawn',
      contactEmail: 'borte@example.test',
    });
    const { status } = await t.send(
      'POST',
      `/api/calls/${call.id}/extend-deadline`,
      { deadline: '2026-09-08T12:00:00+02:00', reason: 'Portalen var nede.' },
      { cookie: operator },
    );
    expect(status).toBe(200);
    expect(await mailTo('norsk@example.test')).toMatchObject([
      { kind: 'call_deadline_extended', subject: expect.stringMatching(/^Ny søknadsfrist/) },
    ]);
    const [mail] = await mailTo(english.email);
    expect(mail!.subject).toMatch(/^New deadline/);
    expect(mail!.textBody).toContain('Why: Portalen var nede.');
    expect(await mailTo('borte@example.test')).toEqual([]);
  });
});

describe("a person's data", () => {
  it('exports the applications a person is the contact of, and erasure keeps the application without them', async () => {
    const person = await createTestAccount(
      t.db,
      'cluster_manager',
      { clusterId: cluster.id },
      { name: 'Erna Eksempel' },
    );
    const cookie = await t.signIn(person.email, TEST_PASSWORD);
    const call = await openCall();
    const started = await t.send(
      'POST',
      `/api/calls/${call.id}/applications`,
      { level: 'arena', clusterSlug: cluster.slug },
      { cookie },
    );
    await t.send(
      'PATCH',
      `/api/applications/${started.body.id}`,
      { sections: { background: { body: { text: 'Eksempel.' }, version: 0 } } },
      { cookie },
    );
    const personId = person.account.personId;
    const exported = await t.get(`/api/persons/${personId}/export`, { headers: { cookie: operator } });
    expect(exported.status).toBe(200);
    expect(exported.body.applications).toMatchObject([
      { id: started.body.id, contactName: 'Erna Eksempel', startedByThem: true },
    ]);
    expect(exported.body.applicationSectionsSaved).toMatchObject([
      { applicationId: started.body.id, key: 'background', version: 1 },
    ]);
    const erased = await t.send(
      'POST',
      `/api/persons/${personId}/erase`,
      { confirmation: person.email },
      { cookie: operator },
    );
    expect(erased.status).toBe(200);
    expect(erased.body.removed).toMatchObject({ applicationContacts: 1, applicationSectionAuthors: 1 });
    const after = await t.get(`/api/applications/${started.body.id}`, { headers: { cookie: manager } });
    expect(after.body.contact.name).not.toContain('Erna');
    expect(after.body.contact.email).toMatch(/@erased\.invalid$/);
    expect(after.body.sections[0]).toMatchObject({ body: { text: 'Eksempel.' } });
    expect(after.body.sections[0].updatedBy).not.toContain('Erna');
  });
});
