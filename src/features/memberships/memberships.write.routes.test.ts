import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';

const t = setupTestApp();
let manager: string;
let otherManager: string;
let staff: string;
let registered: { orgnr: string; name: string };
let outsider: { orgnr: string };

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  const other = await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  registered = await createOrganisation(t.db, {
    name: 'Mo Industripark AS',
    employees: 30,
    actorType: 'sme',
  });
  outsider = await createOrganisation(t.db, { name: 'Utenfor AS' });
  const m = await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id });
  const o = await createTestAccount(t.db, 'cluster_manager', { clusterId: other.id });
  const s = await createTestAccount(t.db, 'programme_staff');
  manager = await t.signIn(m.email, TEST_PASSWORD);
  otherManager = await t.signIn(o.email, TEST_PASSWORD);
  staff = await t.signIn(s.email, TEST_PASSWORD);
});

describe('POST /api/clusters/{slug}/members', () => {
  it('lets the cluster manager add a partner by orgnr, filled from the register copy, and audits it', async () => {
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
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'membership.created'));
    expect(event).toMatchObject({
      entityType: 'membership',
      after: {
        cluster: 'arctic-cluster-team',
        orgnr: registered.orgnr,
        role: 'core_partner',
        joinedOn: '2026-05-01',
      },
    });
    expect(event!.actorName).toMatch(/^Test cluster_manager/);
    const members = await t.get('/api/clusters/arctic-cluster-team/members');
    expect(members.body.total).toBe(1);
  });

  it('answers 409 when the organisation already is a partner, and changes nothing', async () => {
    const again = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: registered.orgnr },
      { cookie: manager },
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`${registered.orgnr} is already a partner in this cluster.`);
    expect((await t.get('/api/clusters/arctic-cluster-team/members')).body.total).toBe(1);
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
  });

  it('lets programme staff manage any cluster', async () => {
    const response = await t.send(
      'POST',
      '/api/clusters/energi-i-nord/members',
      { orgnr: outsider.orgnr },
      { cookie: staff },
    );
    expect(response.status).toBe(201);
  });
});

describe('PUT /api/organisations/{orgnr}/actor-type', () => {
  it("lets a cluster manager override a partner's actor type, keeps the derived one, and lifts it again", async () => {
    const set = await t.send(
      'PUT',
      `/api/organisations/${registered.orgnr}/actor-type`,
      { actorType: 'research' },
      { cookie: manager },
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ actorType: 'research', actorTypeOverridden: true });
    const lifted = await t.send(
      'PUT',
      `/api/organisations/${registered.orgnr}/actor-type`,
      { actorType: null },
      { cookie: manager },
    );
    expect(lifted.body).toMatchObject({ actorType: 'sme', actorTypeOverridden: false });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, registered.orgnr));
    expect(events.map((e) => e.action)).toEqual([
      'organisation.actor_type_overridden',
      'organisation.actor_type_override_lifted',
    ]);
  });

  it('refuses a cluster manager for an organisation outside their cluster', async () => {
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
  const trail = () => t.db.select().from(auditEvents).where(eq(auditEvents.action, 'membership.updated'));

  it('lets the cluster manager change the role and the agreement date, and audits the change', async () => {
    const { status, body } = await change(
      registered.orgnr,
      { role: 'associate', agreementSignedOn: '2026-05-20' },
      manager,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      organisation: { orgnr: registered.orgnr },
      role: 'associate',
      agreementSignedOn: '2026-05-20',
      leftOn: null,
    });
    const [event] = await trail();
    expect(event).toMatchObject({
      before: { orgnr: registered.orgnr, role: 'core_partner', agreementSignedOn: null },
      after: { orgnr: registered.orgnr, role: 'associate', agreementSignedOn: '2026-05-20' },
    });
  });

  it('answers dates that do not fit the partnership field by field, and changes nothing', async () => {
    const { status, body } = await change(
      registered.orgnr,
      { leftOn: '2026-04-01', agreementSignedOn: '2027-01-01' },
      manager,
    );
    expect(status).toBe(422);
    expect(body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
      'body.agreementSignedOn',
      'body.leftOn',
      'body.leftOn',
    ]);
    expect((await change(registered.orgnr, { role: 'member' }, manager)).status).toBe(422);
    expect((await change(registered.orgnr, {}, manager)).status).toBe(422);
    expect(await trail()).toHaveLength(1);
  });

  it('ends the partnership: the partner leaves the list of partners today, and cannot be changed after', async () => {
    const ended = await change(registered.orgnr, { leftOn: '2026-06-15' }, manager);
    expect(ended.status).toBe(200);
    expect(ended.body.leftOn).toBe('2026-06-15');
    const today = await t.get('/api/clusters/arctic-cluster-team/members');
    expect(
      today.body.items.map((m: { organisation: { orgnr: string } }) => m.organisation.orgnr),
    ).not.toContain(registered.orgnr);
    expect((await change(registered.orgnr, { role: 'partner' }, manager)).status).toBe(404);
  });

  it("refuses another cluster's manager and anonymous callers; an unknown partner is not found", async () => {
    const added = await t.send(
      'POST',
      '/api/clusters/arctic-cluster-team/members',
      { orgnr: outsider.orgnr },
      { cookie: manager },
    );
    expect(added.status).toBe(201);
    expect((await change(outsider.orgnr, { role: 'associate' }, otherManager)).status).toBe(403);
    expect((await change(outsider.orgnr, { role: 'associate' })).status).toBe(401);
    const nowhere = await createOrganisation(t.db);
    expect((await change(nowhere.orgnr, { role: 'associate' }, staff)).status).toBe(404);
    expect((await change(outsider.orgnr, { role: 'associate' }, staff, 'no-such-cluster')).status).toBe(404);
    const members = await t.get('/api/clusters/arctic-cluster-team/members');
    expect(members.body.items).toContainEqual(
      expect.objectContaining({
        organisation: expect.objectContaining({ orgnr: outsider.orgnr }),
        role: 'partner',
      }),
    );
  });
});
