import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';

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
    const { status, body } = await t.get('/api/audit-events', { headers: { cookie: staff } });
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.items.map((e: { after: { cluster: string } }) => e.after.cluster)).toEqual([
      'energi-i-nord',
      'arctic-cluster-team',
    ]);
  });

  it("shows a cluster manager only their own cluster's changes", async () => {
    const { body } = await t.get('/api/audit-events', { headers: { cookie: manager } });
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ action: 'membership.created', clusterId: actId });
  });

  it('refuses anonymous callers and roles without the audit permission', async () => {
    expect((await t.get('/api/audit-events')).status).toBe(401);
    expect((await t.get('/api/audit-events', { headers: { cookie: partnerContact } })).status).toBe(403);
  });
});
