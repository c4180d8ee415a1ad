import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestClient } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { createProgramme } from '../programme/programme.seed';
import { levels } from '../programme/programme.table';
import { createCall } from './calls.seed';

// The route tests' clock says 2026-06-15T10:00:00Z.
const t = setupTestApp();

let operator: string;
let staff: string;
let manager: string;
let operatorEmail: string;
let staffEmail: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  // A programme that does not configure every kind of level: this one has no mature-clusters level.
  await t.db
    .delete(levels)
    .where(and(eq(levels.programmeId, programme.id), eq(levels.code, 'mature_project')));
  const cluster = await createCluster(t.db, programme);
  const o = await createTestAccount(t.db, 'operator_admin');
  const s = await createTestAccount(t.db, 'programme_staff');
  const m = await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id });
  operatorEmail = o.email;
  staffEmail = s.email;
  operator = await t.signIn(o.email, TEST_PASSWORD);
  staff = await t.signIn(s.email, TEST_PASSWORD);
  manager = await t.signIn(m.email, TEST_PASSWORD);
});

const eventsAbout = (id: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'call'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.seq));

/** A call as programme staff would write it: summer times in Norwegian time, two levels, weighted criteria. */
function newCall(overrides: Record<string, unknown> = {}) {
  return {
    title: { nb: 'Klyngeprogrammet 2026', en: 'Cluster programme 2026' },
    description: { nb: 'Årets utlysning.', en: "This year's call." },
    opensAt: '2026-06-01T09:00:00+02:00',
    informationMeetingAt: '2026-06-20T13:00:00+02:00',
    sketchDeadlineAt: null,
    deadlineAt: '2026-09-01T12:00:00+02:00',
    plannedDecisionAt: '2026-12-15T12:00:00+01:00',
    levels: [
      { level: 'arena_pro', moneyNok: 30_000_000 },
      { level: 'arena', moneyNok: 12_000_000 },
    ],
    criteria: [
      { name: { nb: 'Verdiskaping', en: 'Value creation' }, weight: 30, scaleMin: 1, scaleMax: 7 },
      { name: { nb: 'Ressursgrunnlag', en: 'Resource base' }, weight: 30, scaleMin: 1, scaleMax: 7 },
      {
        name: { nb: 'Nasjonal betydning', en: 'National importance' },
        guidance: { nb: 'Ledende i Norge?', en: 'Leading in Norway?' },
        weight: 20,
        scaleMin: 0,
        scaleMax: 4,
        level: 'arena_pro',
      },
    ],
    ...overrides,
  };
}

const fieldPaths = (body: { errors?: { path: (string | number)[] }[] }) =>
  (body.errors ?? []).map((e) => e.path.join('.')).sort();

describe('POST /api/calls', () => {
  it('lets programme staff write a draft with weighted criteria, answered in UTC and audited', async () => {
    const { status, body } = await t.send('POST', '/api/calls', newCall(), { cookie: staff });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'draft',
      title: { nb: 'Klyngeprogrammet 2026', en: 'Cluster programme 2026' },
      opensAt: '2026-06-01T07:00:00Z',
      informationMeetingAt: '2026-06-20T11:00:00Z',
      sketchDeadlineAt: null,
      deadlineAt: '2026-09-01T10:00:00Z',
      plannedDecisionAt: '2026-12-15T11:00:00Z',
      levels: [
        { level: 'arena_pro', moneyNok: 30_000_000 },
        { level: 'arena', moneyNok: 12_000_000 },
      ],
      totalMoneyNok: 42_000_000,
      openedAt: null,
      deadlineExtensions: [],
      actions: ['open'],
    });
    // Weights need not add to 100: Arena Pro weighs 30+30+20, Arena 30+30.
    expect(body.criteria.map((c: { shares: unknown }) => c.shares)).toEqual([
      [
        { level: 'arena_pro', share: 0.375 },
        { level: 'arena', share: 0.5 },
      ],
      [
        { level: 'arena_pro', share: 0.375 },
        { level: 'arena', share: 0.5 },
      ],
      [{ level: 'arena_pro', share: 0.25 }],
    ]);
    expect(body.criteria[0]).toMatchObject({ guidance: { nb: '', en: '' }, level: null });
    const events = await eventsAbout(body.id);
    expect(events.map((e) => e.action)).toEqual(['call.created']);
    expect(events[0]!.after).toMatchObject({ deadlineAt: '2026-09-01T10:00:00Z', levels: body.levels });
    expect(events[0]!.actorName).toMatch(/^Test programme_staff/);
  });

  it('keeps whole seconds of a time and drops the fraction', async () => {
    const { body } = await t.send('POST', '/api/calls', newCall({ deadlineAt: '2026-09-01T10:00:59.999Z' }), {
      cookie: staff,
    });
    expect(body.deadlineAt).toBe('2026-09-01T10:00:59Z');
  });

  it('answers every field that does not fit, one by one, and writes nothing', async () => {
    const before = (await t.get('/api/calls?pageSize=100', { headers: { cookie: staff } })).body.total;
    const timeline = await t.send(
      'POST',
      '/api/calls',
      newCall({
        opensAt: '2026-09-02T09:00:00+02:00',
        informationMeetingAt: '2026-09-03T09:00:00+02:00',
        sketchDeadlineAt: '2026-09-04T09:00:00+02:00',
        plannedDecisionAt: '2026-08-01T09:00:00+02:00',
      }),
      { cookie: staff },
    );
    expect(timeline.status).toBe(422);
    expect(timeline.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldPaths(timeline.body)).toEqual([
      'body.deadlineAt',
      'body.informationMeetingAt',
      'body.plannedDecisionAt',
      'body.sketchDeadlineAt',
    ]);
    expect(timeline.body.errors.find((e: { path: string[] }) => e.path[1] === 'deadlineAt').message).toBe(
      'must be after the call opens (2026-09-02 07:00:00 UTC)',
    );

    const fields = await t.send(
      'POST',
      '/api/calls',
      newCall({
        levels: [
          { level: 'arena', moneyNok: -1 },
          { level: 'global', moneyNok: 1.5 },
        ],
        criteria: [
          { name: { nb: 'A', en: 'A' }, weight: 0, scaleMin: 1, scaleMax: 7 },
          { name: { nb: 'B', en: 'B' }, weight: 1.005, scaleMin: 4, scaleMax: 4 },
          { name: { nb: 'C', en: 'C' }, weight: 1, scaleMin: 0, scaleMax: 11 },
          { name: { nb: '', en: 'D' }, weight: 1, scaleMin: 0.5, scaleMax: 4 },
        ],
      }),
      { cookie: staff },
    );
    expect(fields.status).toBe(422);
    expect(fieldPaths(fields.body)).toEqual([
      'body.criteria.0.weight',
      'body.criteria.1.scaleMax',
      'body.criteria.1.weight',
      'body.criteria.2.scaleMax',
      'body.criteria.3.name.nb',
      'body.criteria.3.scaleMin',
      'body.levels.0.moneyNok',
      'body.levels.1.moneyNok',
    ]);
    const twice = await t.send(
      'POST',
      '/api/calls',
      newCall({
        levels: [
          { level: 'arena', moneyNok: 1 },
          { level: 'arena', moneyNok: 2 },
        ],
      }),
      { cookie: staff },
    );
    expect(twice.body.errors).toEqual([
      expect.objectContaining({ path: ['body', 'levels', 1, 'level'], message: 'is named twice' }),
    ]);

    const levelsAndTimes = await t.send(
      'POST',
      '/api/calls',
      newCall({
        opensAt: '2026-06-01T09:00',
        levels: [{ level: 'mature_project', moneyNok: 1 }],
        criteria: [{ name: { nb: 'A', en: 'A' }, weight: 1, scaleMin: 1, scaleMax: 7, level: 'global' }],
      }),
      { cookie: staff },
    );
    expect(levelsAndTimes.status).toBe(422);
    expect(levelsAndTimes.body.errors).toEqual([
      expect.objectContaining({
        path: ['body', 'opensAt'],
        message: 'must be an ISO 8601 time with an offset, such as 2026-09-01T12:00:00+02:00',
      }),
    ]);
    const levelsOnly = await t.send(
      'POST',
      '/api/calls',
      newCall({
        levels: [{ level: 'mature_project', moneyNok: 1 }],
        criteria: [{ name: { nb: 'A', en: 'A' }, weight: 1, scaleMin: 1, scaleMax: 7, level: 'global' }],
      }),
      { cookie: staff },
    );
    expect(levelsOnly.status).toBe(422);
    expect(levelsOnly.body.errors).toEqual([
      {
        path: ['body', 'levels', 0, 'level'],
        message: expect.stringMatching(
          /^is not one of the programme's levels \(pre_project, hub_node, arena/,
        ),
      },
      {
        path: ['body', 'criteria', 0, 'level'],
        message: "must be one of the call's levels (mature_project)",
      },
    ]);
    const after = (await t.get('/api/calls?pageSize=100', { headers: { cookie: staff } })).body.total;
    expect(after).toBe(before);
  });

  it('refuses anyone who does not write calls', async () => {
    expect((await t.send('POST', '/api/calls', newCall(), { cookie: manager })).status).toBe(403);
    expect((await t.send('POST', '/api/calls', newCall())).status).toBe(401);
  });
});

describe('drafts', () => {
  it('are missing for everyone but programme staff, and left out of their list', async () => {
    const draft = await createCall(t.db);
    const open = await createCall(t.db, { status: 'open' });
    expect((await t.get(`/api/calls/${draft.id}`)).status).toBe(404);
    expect((await t.get(`/api/calls/${draft.id}`, { headers: { cookie: manager } })).status).toBe(404);
    expect((await t.get(`/api/calls/${draft.id}`, { headers: { cookie: staff } })).status).toBe(200);
    const ids = async (cookie?: string) =>
      (await t.get('/api/calls?pageSize=100', cookie ? { headers: { cookie } } : {})).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await ids()).toContain(open.id);
    expect(await ids()).not.toContain(draft.id);
    expect(await ids(manager)).not.toContain(draft.id);
    expect(await ids(operator)).toContain(draft.id);
    const drafts = await t.get('/api/calls?status=draft&pageSize=100');
    expect(drafts.body).toMatchObject({ items: [], total: 0, page: 1, pageSize: 100 });
  });

  it('answers an id that is no UUID as a bad field', async () => {
    const response = await t.get('/api/calls/not-a-call');
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toEqual(['param', 'id']);
  });
});

describe('PATCH /api/calls/{id}', () => {
  it('changes any field of a draft and audits only the fields that change', async () => {
    const created = (await t.send('POST', '/api/calls', newCall(), { cookie: staff })).body;
    const criteria = newCall().criteria.slice(0, 2).reverse();
    const { status, body } = await t.send(
      'PATCH',
      `/api/calls/${created.id}`,
      {
        title: { nb: 'Klyngeprogrammet 2026, runde 2', en: 'Cluster programme 2026' },
        deadlineAt: '2026-09-01T10:00:00Z',
        sketchDeadlineAt: '2026-07-01T12:00:00+02:00',
        levels: [{ level: 'arena', moneyNok: 12_000_000 }],
        criteria,
      },
      { cookie: staff },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      title: { nb: 'Klyngeprogrammet 2026, runde 2' },
      sketchDeadlineAt: '2026-07-01T10:00:00Z',
      levels: [{ level: 'arena', moneyNok: 12_000_000 }],
      totalMoneyNok: 12_000_000,
    });
    expect(body.criteria.map((c: { name: { en: string } }) => c.name.en)).toEqual([
      'Resource base',
      'Value creation',
    ]);
    const [, updated] = await eventsAbout(created.id);
    expect(updated).toMatchObject({ action: 'call.updated' });
    // The deadline was sent as it stood (in UTC): no change, so not audited.
    expect(Object.keys(updated!.after as object).sort()).toEqual([
      'criteria',
      'levels',
      'sketchDeadlineAt',
      'title',
    ]);
    expect(updated!.before).toMatchObject({ sketchDeadlineAt: null, title: created.title });

    const again = await t.send('PATCH', `/api/calls/${created.id}`, { title: body.title }, { cookie: staff });
    expect(again.status).toBe(200);
    expect(await eventsAbout(created.id)).toHaveLength(2);
  });

  it('refuses a change that leaves a criterion without its level, naming the levels sent', async () => {
    const created = (await t.send('POST', '/api/calls', newCall(), { cookie: staff })).body;
    const response = await t.send(
      'PATCH',
      `/api/calls/${created.id}`,
      { levels: [{ level: 'arena', moneyNok: 1 }] },
      { cookie: staff },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: ['body', 'levels'], message: 'must keep arena_pro: criterion 3 is for that level' },
    ]);
    expect((await t.send('PATCH', `/api/calls/${created.id}`, {}, { cookie: staff })).status).toBe(422);
  });

  it('refuses changes to levels, criteria and deadlines of an open call, and lets the rest change', async () => {
    const call = await createCall(t.db, { status: 'open' });
    for (const change of [
      { levels: [{ level: 'arena', moneyNok: 1 }] },
      { criteria: newCall().criteria },
      { deadlineAt: '2026-09-02T10:00:00Z' },
      { sketchDeadlineAt: '2026-07-01T10:00:00Z' },
      { opensAt: '2026-05-02T07:00:00Z' },
    ]) {
      const response = await t.send('PATCH', `/api/calls/${call.id}`, change, { cookie: staff });
      expect(response.status, JSON.stringify(change)).toBe(409);
      expect(response.body.code).toBe('invalid_state');
      expect(response.body.errors).toEqual([
        { path: ['body', Object.keys(change)[0]], message: 'is fixed once the call is open' },
      ]);
    }
    const allowed = await t.send(
      'PATCH',
      `/api/calls/${call.id}`,
      {
        title: { nb: 'Ny tittel', en: 'New title' },
        plannedDecisionAt: '2026-12-20T12:00:00+01:00',
        // Sent as it stands: no change, so no refusal.
        deadlineAt: '2026-09-01T12:00:00+02:00',
      },
      { cookie: staff },
    );
    expect(allowed.status).toBe(200);
    expect(allowed.body).toMatchObject({
      title: { en: 'New title' },
      plannedDecisionAt: '2026-12-20T11:00:00Z',
    });
    expect((await eventsAbout(call.id)).map((e) => e.action)).toEqual(['call.updated']);
  });

  it('refuses any change to a decided call', async () => {
    const call = await createCall(t.db, { status: 'decided' });
    const response = await t.send(
      'PATCH',
      `/api/calls/${call.id}`,
      { title: { nb: 'X', en: 'X' } },
      { cookie: staff },
    );
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('The call is decided; it does not change any more.');
  });
});

describe('POST /api/calls/{id}/open', () => {
  it('says what a draft lacks before it may open', async () => {
    const bare = (
      await t.send(
        'POST',
        '/api/calls',
        newCall({
          levels: [],
          criteria: [],
          deadlineAt: '2026-06-15T09:59:59Z',
          opensAt: '2026-06-01T00:00:00Z',
          informationMeetingAt: null,
        }),
        { cookie: staff },
      )
    ).body;
    const response = await t.send('POST', `/api/calls/${bare.id}/open`, undefined, { cookie: staff });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: ['call', 'levels'], message: 'must name at least one level before the call opens' },
      { path: ['call', 'criteria'], message: 'must hold at least one criterion before the call opens' },
      {
        path: ['call', 'deadlineAt'],
        message: 'must be in the future to open the call (now 2026-06-15 10:00:00 UTC)',
      },
    ]);
    const onlyForOne = (
      await t.send('POST', '/api/calls', newCall({ criteria: [newCall().criteria[2]] }), { cookie: staff })
    ).body;
    const missing = await t.send('POST', `/api/calls/${onlyForOne.id}/open`, undefined, { cookie: staff });
    expect(missing.body.errors).toEqual([
      { path: ['call', 'criteria'], message: 'must hold at least one criterion for arena' },
    ]);
    expect((await t.get(`/api/calls/${bare.id}`, { headers: { cookie: staff } })).body.status).toBe('draft');
  });

  it('opens a ready draft: public from then on, audited, and not opened twice', async () => {
    const draft = (await t.send('POST', '/api/calls', newCall(), { cookie: staff })).body;
    const { status, body } = await t.send('POST', `/api/calls/${draft.id}/open`, undefined, {
      cookie: staff,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'open', openedAt: '2026-06-15T10:00:00Z', actions: [] });
    expect((await t.get(`/api/calls/${draft.id}`)).body).toMatchObject({ status: 'open', actions: [] });
    expect((await t.get(`/api/calls/${draft.id}`, { headers: { cookie: operator } })).body.actions).toEqual([
      'extend_deadline',
    ]);
    const events = await eventsAbout(draft.id);
    expect(events.at(-1)).toMatchObject({
      action: 'call.opened',
      before: { status: 'draft' },
      after: { status: 'open' },
    });
    const again = await t.send('POST', `/api/calls/${draft.id}/open`, undefined, { cookie: staff });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('The call is open; open needs it to be draft.');
  });

  it('refuses anyone who does not write calls, and hides drafts from them', async () => {
    const draft = await createCall(t.db);
    expect((await t.send('POST', `/api/calls/${draft.id}/open`, undefined, { cookie: manager })).status).toBe(
      403,
    );
    expect((await t.send('POST', `/api/calls/${draft.id}/open`)).status).toBe(401);
    expect(
      (
        await t.send('POST', '/api/calls/00000000-0000-4000-8000-000000000000/open', undefined, {
          cookie: staff,
        })
      ).status,
    ).toBe(404);
  });
});

describe('the deadline, to the second', () => {
  const deadline = new Date('2026-06-20T10:00:00Z');
  const second = (offset: number) => new Date(deadline.getTime() + offset * 1000).toISOString();

  it('reads an open call as open the second before its deadline and closed from its second, in answers and filters', async () => {
    const call = await createCall(t.db, {
      status: 'open',
      deadlineAt: deadline,
      plannedDecisionAt: new Date('2026-12-01T10:00:00Z'),
    });
    const idsWith = async (time: string, status: string) =>
      (await t.at(time).get(`/api/calls?status=${status}&pageSize=100`)).body.items.map(
        (c: { id: string }) => c.id,
      );

    const before = t.at(second(-1));
    expect((await before.get(`/api/calls/${call.id}`)).body.status).toBe('open');
    expect(await idsWith(second(-1), 'open')).toContain(call.id);
    expect(await idsWith(second(-1), 'closed')).not.toContain(call.id);

    const at = t.at(second(0));
    expect((await at.get(`/api/calls/${call.id}`)).body.status).toBe('closed');
    expect(await idsWith(second(0), 'open')).not.toContain(call.id);
    expect(await idsWith(second(0), 'closed')).toContain(call.id);
    const listed = (await at.get('/api/calls?pageSize=100')).body.items.find(
      (c: { id: string }) => c.id === call.id,
    );
    expect(listed.status).toBe('closed');
  });

  it('refuses to open a draft whose deadline has come', async () => {
    const draft = await createCall(t.db, { deadlineAt: deadline });
    const late = t.at(second(0));
    const cookie = await late.signIn(staffEmail, TEST_PASSWORD);
    const response = await late.send('POST', `/api/calls/${draft.id}/open`, undefined, { cookie });
    expect(response.status).toBe(422);
    expect(fieldPaths(response.body)).toEqual(['call.deadlineAt']);
  });
});

describe('POST /api/calls/{id}/extend-deadline', () => {
  const extend = (id: string, body: unknown, cookie?: string, client: TestClient = t) =>
    client.send('POST', `/api/calls/${id}/extend-deadline`, body, cookie ? { cookie } : {});

  it('lets an operator move the deadline later with a reason, kept in the call and the audit trail', async () => {
    const call = await createCall(t.db, { status: 'open' });
    const { status, body } = await extend(
      call.id,
      { deadline: '2026-09-08T12:00:00+02:00', reason: 'The application portal was down for two days.' },
      operator,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'open',
      deadlineAt: '2026-09-08T10:00:00Z',
      deadlineExtensions: [
        {
          previousDeadlineAt: '2026-09-01T10:00:00Z',
          deadlineAt: '2026-09-08T10:00:00Z',
          reason: 'The application portal was down for two days.',
          extendedAt: '2026-06-15T10:00:00Z',
        },
      ],
    });
    const [event] = await eventsAbout(call.id);
    expect(event).toMatchObject({
      action: 'call.deadline_extended',
      before: { deadlineAt: '2026-09-01T10:00:00Z' },
      after: { deadlineAt: '2026-09-08T10:00:00Z', reason: 'The application portal was down for two days.' },
    });
    expect(event!.actorName).toMatch(/^Test operator_admin/);
  });

  it('reopens a call its deadline has closed', async () => {
    const call = await createCall(t.db, {
      status: 'open',
      deadlineAt: new Date('2026-06-15T09:00:00Z'),
      plannedDecisionAt: new Date('2026-12-01T10:00:00Z'),
    });
    expect((await t.get(`/api/calls/${call.id}`)).body.status).toBe('closed');
    const response = await extend(
      call.id,
      { deadline: '2026-06-22T09:00:00Z', reason: 'Storm warning.' },
      operator,
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('open');
  });

  it('refuses a deadline that is not later, not ahead, or not before the planned decision, and a missing reason', async () => {
    const call = await createCall(t.db, {
      status: 'open',
      deadlineAt: new Date('2026-06-10T10:00:00Z'),
      plannedDecisionAt: new Date('2026-07-01T10:00:00Z'),
    });
    const cases: [unknown, string, string][] = [
      [
        { deadline: '2026-06-10T10:00:00Z', reason: 'x' },
        'body.deadline',
        'must be later than the current deadline (2026-06-10 10:00:00 UTC)',
      ],
      [
        { deadline: '2026-06-12T10:00:00Z', reason: 'x' },
        'body.deadline',
        'must be in the future (now 2026-06-15 10:00:00 UTC)',
      ],
      [
        { deadline: '2026-07-01T10:00:00Z', reason: 'x' },
        'body.deadline',
        'must be before the planned decision date (2026-07-01 10:00:00 UTC); move that first',
      ],
      [{ deadline: '2026-06-20T10:00:00Z', reason: '  ' }, 'body.reason', 'must say why the deadline moves'],
      [
        { deadline: '2026-06-20T10:00:00' },
        'body.deadline',
        'must be an ISO 8601 time with an offset, such as 2026-09-01T12:00:00+02:00',
      ],
    ];
    for (const [body, path, message] of cases) {
      const response = await extend(call.id, body, operator);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({ path: path.split('.'), message }),
      );
    }
    expect((await t.get(`/api/calls/${call.id}`)).body).toMatchObject({
      deadlineAt: '2026-06-10T10:00:00Z',
      deadlineExtensions: [],
    });
    expect(await eventsAbout(call.id)).toEqual([]);
  });

  it('refuses drafts and decided calls, programme staff and anonymous callers', async () => {
    const body = { deadline: '2026-10-01T10:00:00Z', reason: 'Later.' };
    const draft = await createCall(t.db);
    const decided = await createCall(t.db, { status: 'decided' });
    const open = await createCall(t.db, { status: 'open', plannedDecisionAt: null });
    expect((await extend(draft.id, body, operator)).body.detail).toBe(
      'The call is draft; extend deadline needs it to be open or closed.',
    );
    expect((await extend(decided.id, body, operator)).status).toBe(409);
    expect((await extend(open.id, body, staff)).status).toBe(403);
    expect((await extend(open.id, body)).status).toBe(401);
    expect((await extend(open.id, body, operator)).status).toBe(200);
  });

  it('is for operators signed in at the time, judged at that second', async () => {
    const call = await createCall(t.db, { status: 'open', deadlineAt: new Date('2026-06-20T10:00:00Z') });
    const later = t.at('2026-06-20T10:00:00Z');
    const cookie = await later.signIn(operatorEmail, TEST_PASSWORD);
    expect((await later.get(`/api/calls/${call.id}`)).body.status).toBe('closed');
    const response = await extend(
      call.id,
      { deadline: '2026-06-20T10:00:01Z', reason: 'One more second.' },
      cookie,
      later,
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('open');
  });
});

describe('GET /api/calls', () => {
  it('pages through the calls in the shared envelope, open ones first, filtered by level', async () => {
    const global = await createCall(t.db, {
      status: 'open',
      levels: [{ level: 'global', moneyNok: 50_000_000 }],
    });
    const page = await t.get('/api/calls?level=global&pageSize=1');
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      items: [expect.objectContaining({ id: global.id, totalMoneyNok: 50_000_000 })],
      total: 1,
      page: 1,
      pageSize: 1,
    });
    const all = (await t.get('/api/calls?pageSize=100')).body.items.map((c: { status: string }) => c.status);
    expect(all.indexOf('closed') === -1 || all.lastIndexOf('open') < all.indexOf('closed')).toBe(true);
    expect((await t.get('/api/calls?status=shut')).status).toBe(422);
  });
});
