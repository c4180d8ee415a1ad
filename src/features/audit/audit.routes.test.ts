import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { auditEvents } from './audit.table';

const t = setupTestApp();
let manager: string;
let staff: string;
let partnerContact: string;
let actId: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, { slug: 'arctic-cluster-team' });
  await createCluster(t.db, programme, { slug: 'energi-i-nord' });
  actId = act.id;
  const first = await createOrganisation(t.db);
  const second = await createOrganisation(t.db);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id })).email,
    TEST_PASSWORD,
  );
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  partnerContact = await t.signIn(
    (await createTestAccount(t.db, 'partner_contact', { organisationId: first.id })).email,
    TEST_PASSWORD,
  );
  await t.send(
    'POST',
    '/api/clusters/arctic-cluster-team/members',
    { orgnr: first.orgnr },
    { cookie: manager },
  );
  await t.send('POST', '/api/clusters/energi-i-nord/members', { orgnr: second.orgnr }, { cookie: staff });
});

describe('GET /api/audit-events', () => {
  it('shows programme staff every change, newest first', async () => {
    const { status, body } = await t.get('/api/audit-events?pageSize=100', { headers: { cookie: staff } });
    expect(status).toBe(200);
    const [everything] = await t.db.select({ n: count() }).from(auditEvents);
    expect(body.total).toBe(everything!.n);
    const memberships = body.items.filter((e: { action: string }) => e.action === 'membership.created');
    expect(memberships.map((e: { after: { cluster: string } }) => e.after.cluster)).toEqual([
      'energi-i-nord',
      'arctic-cluster-team',
    ]);
  });

  it("shows a cluster manager only their own cluster's changes", async () => {
    const { body } = await t.get('/api/audit-events?pageSize=100', { headers: { cookie: manager } });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e: { clusterId: string }) => e.clusterId === actId)).toBe(true);
    expect(body.items).toContainEqual(
      expect.objectContaining({ action: 'membership.created', clusterId: actId }),
    );
  });

  it('refuses anonymous callers and roles without the audit permission', async () => {
    expect((await t.get('/api/audit-events')).status).toBe(401);
    expect((await t.get('/api/audit-events', { headers: { cookie: partnerContact } })).status).toBe(403);
  });
});
