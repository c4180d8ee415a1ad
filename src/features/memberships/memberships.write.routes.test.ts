import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { createMembership } from './memberships.seed';

const t = setupTestApp();
let manager: string;
let otherManager: string;
let staff: string;
let act: { id: string };
let other: { id: string };

type Organisation = Awaited<ReturnType<typeof createOrganisation>>;

/** A new organisation in the register copy, unknown to every cluster. */
const newOrganisation = (overrides: Parameters<typeof createOrganisation>[1] = {}) =>
  createOrganisation(t.db, overrides);

/** A new organisation that is already a partner in the cluster (Arctic Cluster Team unless told). */
async function newPartner(
  overrides: Parameters<typeof createMembership>[2] = {},
  organisation: Parameters<typeof createOrganisation>[1] = {},
  clusterId = act.id,
): Promise<Organisation> {
  const created = await newOrganisation(organisation);
  await createMembership(t.db, { clusterId, organisationId: created.id }, overrides);
  return created;
}

/** The audit events about one organisation's partnership or record, oldest first. */
const eventsAbout = (orgnr: string, action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), sql`${auditEvents.after}->>'orgnr' = ${orgnr}`))
    .orderBy(auditEvents.seq);

const membersOf = async (slug: string) =>
  (await t.get(`/api/clusters/${slug}/members?pageSize=100`)).body.items.map(
    (m: { organisation: { orgnr: string } }) => m.organisation.orgnr,
  );

let programme: Awaited<ReturnType<typeof createProgramme>>;

beforeAll(async () => {
  programme = await createProgramme(t.db);
  act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  other = await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  const m = await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id });
  const o = await createTestAccount(t.db, 'cluster_manager', { clusterId: other.id });
  const s = await createTestAccount(t.db, 'programme_staff');
  manager = await t.signIn(m.email, TEST_PASSWORD);
  otherManager = await t.signIn(o.email, TEST_PASSWORD);
  staff = await t.signIn(s.email, TEST_PASSWORD);
});

describe('POST /api/clusters/{slug}/members', () => {
  it('lets the cluster manager add a partner by orgnr, filled from the register copy, and audits it', async () => {
    const registered = await newOrganisation({ name: 'Mo Industripark AS', employees: 30, actorType: 'sme' });
    const response = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: registered.orgnr, role: 'core_partner', joinedOn: '2026-05-01' },
      { cookie: manager },
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      member: expect.objectContaining({
        organisation: expect.objectContaining({
          orgnr: registered.orgnr,
          name: 'Mo Industripark AS',
          actorType: 'sme',
        }),
        role: 'core_partner',
        joinedOn: '2026-05-01',
      }),
      organisationSource: 'register',
      warnings: [],
    });
    const events = await eventsAbout(registered.orgnr, 'membership.created');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityType: 'membership',
      after: {
        cluster: 'arctic-cluster-team',
        orgnr: registered.orgnr,
        role: 'core_partner',
        joinedOn: '2026-05-01',
      },
    });
    expect(events[0]!.actorName).toMatch(/^Test cluster_manager/);
    expect(await membersOf('arctic-cluster-team')).toContain(registered.orgnr);
  });

  it('answers 409 when the organisation already is a partner, and changes nothing', async () => {
    const partner = await newPartner();
    const before = await membersOf('arctic-cluster-team');
    const again = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: partner.orgnr },
      { cookie: manager },
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`${partner.orgnr} is already a partner in this cluster.`);
    expect(await membersOf('arctic-cluster-team')).toEqual(before);
    expect(await eventsAbout(partner.orgnr, 'membership.created')).toEqual([]);
  });

  it('needs a name for an orgnr the register copy does not have, then adds it unverified with a warning', async () => {
    const missing = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: '923609016' },
      { cookie: manager },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].path).toEqual(['body', 'name']);

    const added = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: '923609016', name: 'Equinor ASA', actorType: 'large_company' },
      { cookie: manager },
    );
    expect(added.status).toBe(201);
    expect(added.body.organisationSource).toBe('unverified');
    expect(added.body.warnings[0]).toMatch(/not in the register copy/);
    const organisation = await t.get('/api/organisations/923609016');
    expect(organisation.body).toMatchObject({
      name: 'Equinor ASA',
      actorType: 'large_company',
      register: { source: 'unverified' },
    });
  });

  it('rejects a bad orgnr with the reason, before touching anything', async () => {
    const response = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: '923609017' },
      { cookie: manager },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({
      path: ['body', 'orgnr'],
      message: expect.stringMatching(/check digit/),
    });
  });

  it("refuses another cluster's manager, and anonymous callers", async () => {
    const outsider = await newOrganisation({ name: 'Utenfor AS' });
    const foreign = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: outsider.orgnr },
      { cookie: otherManager },
    );
    expect(foreign.status).toBe(403);
    const anonymous = await t.send('POST', '/api/clusters/arctic-cluster-team/members', {
      orgnr: outsider.orgnr,
    });
    expect(anonymous.status).toBe(401);
    expect(await membersOf('arctic-cluster-team')).not.toContain(outsider.orgnr);
  });

  it('lets programme staff manage any cluster', async () => {
    const outsider = await newOrganisation({ name: 'Utenfor AS' });
    const response = await t.send(
      'POST',
      '/api/clusters/energi-i-nord/members',
      { orgnr: outsider.orgnr },
      { cookie: staff },
    );
    expect(response.status).toBe(201);
    expect(await membersOf('energi-i-nord')).toContain(outsider.orgnr);
  });
});

describe('PUT /api/organisations/{orgnr}/actor-type', () => {
  it("lets a cluster manager override a partner's actor type, keeps the derived one, and lifts it again", async () => {
    const partner = await newPartner({}, { employees: 30, actorType: 'sme' });
    const set = await t.send(
      'PUT',
      `/api/organisations/${partner.orgnr}/actor-type`,
      { actorType: 'research' },
      { cookie: manager },
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ actorType: 'research', actorTypeOverridden: true });
    const lifted = await t.send(
      'PUT',
      `/api/organisations/${partner.orgnr}/actor-type`,
      { actorType: null },
      { cookie: manager },
    );
    expect(lifted.body).toMatchObject({ actorType: 'sme', actorTypeOverridden: false });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, partner.orgnr));
    expect(events.map((e) => e.action)).toEqual([
      'organisation.actor_type_overridden',
      'organisation.actor_type_override_lifted',
    ]);
  });

  it('refuses a cluster manager for an organisation outside their cluster', async () => {
    const outsider = await newPartner({}, {}, other.id);
    const response = await t.send(
      'PUT',
      `/api/organisations/${outsider.orgnr}/actor-type`,
      { actorType: 'research' },
      { cookie: manager },
    );
    expect(response.status).toBe(403);
    expect((await t.get(`/api/organisations/${outsider.orgnr}`)).body.actorTypeOverridden).toBe(false);
  });
});

describe('PATCH /api/clusters/{slug}/members/{orgnr}', () => {
  const change = (orgnr: string, body: unknown, cookie?: string, slug = 'arctic-cluster-team') =>
    t.send('PATCH', `/api/clusters/${slug}/members/${orgnr}`, body, cookie ? { cookie } : {});
  const updates = (orgnr: string) => eventsAbout(orgnr, 'membership.updated');

  it('lets the cluster manager change the role and the agreement date, and audits the change', async () => {
    const partner = await newPartner({
      role: 'core_partner',
      joinedOn: '2026-05-01',
      agreementSignedOn: null,
    });
    const { status, body } = await change(
      partner.orgnr,
      { role: 'associate', agreementSignedOn: '2026-05-20' },
      manager,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      organisation: { orgnr: partner.orgnr },
      role: 'associate',
      agreementSignedOn: '2026-05-20',
      leftOn: null,
    });
    const events = await updates(partner.orgnr);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      before: { orgnr: partner.orgnr, role: 'core_partner', agreementSignedOn: null },
      after: { orgnr: partner.orgnr, role: 'associate', agreementSignedOn: '2026-05-20' },
    });
  });

  it('answers dates that do not fit the partnership field by field, and changes nothing', async () => {
    const partner = await newPartner({ role: 'associate', joinedOn: '2026-05-01', agreementSignedOn: null });
    const { status, body } = await change(
      partner.orgnr,
      { leftOn: '2026-04-01', agreementSignedOn: '2027-01-01' },
      manager,
    );
    expect(status).toBe(422);
    expect(body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
      'body.agreementSignedOn',
      'body.leftOn',
      'body.leftOn',
    ]);
    expect((await change(partner.orgnr, { role: 'member' }, manager)).status).toBe(422);
    expect((await change(partner.orgnr, {}, manager)).status).toBe(422);
    expect(await updates(partner.orgnr)).toEqual([]);
    const unchanged = (await t.get('/api/clusters/arctic-cluster-team/members?pageSize=100')).body.items.find(
      (m: { organisation: { orgnr: string } }) => m.organisation.orgnr === partner.orgnr,
    );
    expect(unchanged).toMatchObject({ role: 'associate', agreementSignedOn: null, leftOn: null });
  });

  it('ends the partnership: the partner leaves the list of partners today, and cannot be changed after', async () => {
    const partner = await newPartner({ joinedOn: '2026-05-01' });
    expect(await membersOf('arctic-cluster-team')).toContain(partner.orgnr);
    const ended = await change(partner.orgnr, { leftOn: '2026-06-15' }, manager);
    expect(ended.status).toBe(200);
    expect(ended.body.leftOn).toBe('2026-06-15');
    expect(await membersOf('arctic-cluster-team')).not.toContain(partner.orgnr);
    expect((await change(partner.orgnr, { role: 'partner' }, manager)).status).toBe(404);
  });

  it("refuses another cluster's manager and anonymous callers; an unknown partner is not found", async () => {
    const partner = await newPartner({ role: 'partner' });
    expect((await change(partner.orgnr, { role: 'associate' }, otherManager)).status).toBe(403);
    expect((await change(partner.orgnr, { role: 'associate' })).status).toBe(401);
    const nowhere = await newOrganisation();
    expect((await change(nowhere.orgnr, { role: 'associate' }, staff)).status).toBe(404);
    expect((await change(partner.orgnr, { role: 'associate' }, staff, 'no-such-cluster')).status).toBe(404);
    const members = await t.get('/api/clusters/arctic-cluster-team/members?pageSize=100');
    expect(members.body.items).toContainEqual(
      expect.objectContaining({
        organisation: expect.objectContaining({ orgnr: partner.orgnr }),
        role: 'partner',
      }),
    );
    expect(await updates(partner.orgnr)).toEqual([]);
  });
});

describe('an organisation the register has not confirmed', () => {
  it('counts as of unknown type, outside the SME share, unless whoever added it said its type', async () => {
    const cluster = await createCluster(t.db, programme, { slug: 'uten-register', name: 'Uten register' });
    const confirmed = await newOrganisation({ employees: 12, actorType: 'sme' });
    await createMembership(t.db, { clusterId: cluster.id, organisationId: confirmed.id });
    const add = (body: object) =>
      t.send('POST', '/api/clusters/uten-register/members', body, { cookie: staff });
    expect((await add({ orgnr: '974760673', name: 'Ukjent Type AS' })).status).toBe(201);
    expect(
      (await add({ orgnr: '971524960', name: 'Stor Bedrift ASA', actorType: 'large_company' })).status,
    ).toBe(201);

    const { body } = await t.get('/api/clusters/uten-register');
    expect(body.partnerStatistics.byActorType).toEqual(
      expect.arrayContaining([
        { key: 'sme', count: 1 },
        { key: 'large_company', count: 1 },
        { key: 'unknown', count: 1 },
      ]),
    );
    // One SME among the two companies whose type is known.
    expect(body.partnerStatistics.smeShare).toBe(0.5);
  });
});

describe('one partnership per cluster, organisation and period', () => {
  const add = (orgnr: string, body: Record<string, unknown> = {}) =>
    t.send('POST', '/api/clusters/arctic-cluster-team/members', { orgnr, ...body }, { cookie: manager });
  const end = (orgnr: string, leftOn: string) =>
    t.send('PATCH', `/api/clusters/arctic-cluster-team/members/${orgnr}`, { leftOn }, { cookie: manager });
  const rowsOf = async (orgnr: string) =>
    (await t.get(`/api/clusters/arctic-cluster-team/members?include=all&pageSize=100`)).body.items.filter(
      (m: { organisation: { orgnr: string } }) => m.organisation.orgnr === orgnr,
    );

  it('answers 409 to re-adding a partner whose partnership began and ended today, and adds no second row', async () => {
    const organisation = await newOrganisation();
    expect((await add(organisation.orgnr)).status).toBe(201);
    expect((await end(organisation.orgnr, '2026-06-15')).status).toBe(200);
    const again = await add(organisation.orgnr);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already had a partnership in this cluster beginning 2026-06-15/);
    expect(await rowsOf(organisation.orgnr)).toHaveLength(1);
    expect(await eventsAbout(organisation.orgnr, 'membership.created')).toHaveLength(1);
  });

  it('refuses a new partnership that would begin before the last one ended, naming the field', async () => {
    const organisation = await newOrganisation();
    expect((await add(organisation.orgnr, { joinedOn: '2026-05-01' })).status).toBe(201);
    expect((await end(organisation.orgnr, '2026-06-20')).status).toBe(200);
    const overlapping = await add(organisation.orgnr, { joinedOn: '2026-06-01' });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors).toEqual([
      expect.objectContaining({ path: ['body', 'joinedOn'], message: expect.stringMatching(/2026-06-20/) }),
    ]);
    expect(await rowsOf(organisation.orgnr)).toHaveLength(1);
  });

  it('lets a partner that left rejoin for a new period from the day the last one ended', async () => {
    const organisation = await newOrganisation();
    expect((await add(organisation.orgnr, { joinedOn: '2026-05-01' })).status).toBe(201);
    expect((await end(organisation.orgnr, '2026-06-15')).status).toBe(200);
    expect((await add(organisation.orgnr, { joinedOn: '2026-06-15' })).status).toBe(201);
    expect(await rowsOf(organisation.orgnr)).toHaveLength(2);
  });
});
