import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, TEST_TODAY } from '../../testing/harness';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { mailMessages } from '../mail/mail.table';
import { createMembership } from '../memberships/memberships.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';

const t = setupTestApp();
let operator: string;
let manager: string;
let staff: string;
let partner: { id: string; orgnr: string };
let stranger: { orgnr: string };

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  partner = await createOrganisation(t.db, { name: 'Polar Partner AS' });
  stranger = await createOrganisation(t.db, { name: 'Fremmed AS' });
  await createMembership(t.db, { clusterId: act.id, organisationId: partner.id });
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id }, { name: 'Mari Leder' })).email,
    TEST_PASSWORD,
  );
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
});

/** The code in the link of the latest message to this address. */
async function linkCodeFor(email: string): Promise<string> {
  const [message] = await t.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, email))
    .orderBy(desc(mailMessages.createdAt));
  const code = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(message?.textBody ?? '')?.[1];
  if (!code) throw new Error(`no invitation link was mailed to ${email}`);
  return code;
}

describe('POST /api/invitations', () => {
  it('lets a cluster manager invite cluster staff and mails a single-use link', async () => {
    const response = await t.send(
      'POST',
      '/api/invitations',
      {
        email: 'nils@example.test',
        name: 'Nils Nord',
        grants: [{ role: 'cluster_staff', cluster: 'arctic-cluster-team' }],
      },
      { cookie: manager },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: 'nils@example.test',
      state: 'open',
      invitedBy: 'Mari Leder',
      grants: [
        { role: 'cluster_staff', cluster: { slug: 'arctic-cluster-team', name: 'Arctic Cluster Team' } },
      ],
    });
    const [message] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'nils@example.test'));
    expect(message).toMatchObject({ kind: 'invitation', status: 'queued' });
    expect(message!.textBody).toContain('Mari Leder');
    expect(message!.textBody).toContain('Arctic Cluster Team');
    expect(message!.textBody).toMatch(/^http:\/\/localhost\/invitations\/[A-Za-z0-9_-]{43}$/m);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, response.body.id));
    expect(event).toMatchObject({ action: 'invitation.created', actorName: 'Mari Leder' });
    expect(JSON.stringify(event!.after)).not.toContain('tokenHash');
  });

  it('lets a cluster manager invite a contact for a partner of their cluster, but not for another organisation', async () => {
    const ok = await t.send(
      'POST',
      '/api/invitations',
      {
        email: 'p@example.test',
        name: 'Per Partner',
        grants: [{ role: 'partner_contact', organisation: partner.orgnr }],
      },
      { cookie: manager },
    );
    expect(ok.status).toBe(201);
    const refused = await t.send(
      'POST',
      '/api/invitations',
      {
        email: 'f@example.test',
        name: 'Frida',
        grants: [{ role: 'partner_contact', organisation: stranger.orgnr }],
      },
      { cookie: manager },
    );
    expect(refused.status).toBe(403);
  });

  it('refuses a cluster manager giving programme roles or roles on another cluster, and changes nothing', async () => {
    for (const grant of [
      { role: 'assessor' },
      { role: 'cluster_staff', cluster: 'energi-i-nord' },
      { role: 'cluster_manager', cluster: 'arctic-cluster-team' },
    ]) {
      const response = await t.send(
        'POST',
        '/api/invitations',
        { email: 'no@example.test', name: 'No One', grants: [grant] },
        { cookie: manager },
      );
      expect(response.status, JSON.stringify(grant)).toBe(403);
    }
    expect(
      await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'no@example.test')),
    ).toEqual([]);
  });

  it('lets an operator invite any role, and names every bad role field by field', async () => {
    const ok = await t.send(
      'POST',
      '/api/invitations',
      { email: 'assessor@example.test', name: 'Anne Vurderer', grants: [{ role: 'assessor' }] },
      { cookie: operator },
    );
    expect(ok.status).toBe(201);
    const bad = await t.send(
      'POST',
      '/api/invitations',
      {
        email: 'x@example.test',
        name: 'X',
        grants: [
          { role: 'cluster_manager' },
          { role: 'cluster_staff', cluster: 'no-such-cluster' },
          { role: 'assessor', cluster: 'arctic-cluster-team' },
        ],
      },
      { cookie: operator },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: unknown[] }) => e.path)).toEqual([
      ['body', 'grants', 0, 'cluster'],
      ['body', 'grants', 1, 'cluster'],
      ['body', 'grants', 2, 'cluster'],
    ]);
  });

  it('is closed to programme staff and anonymous visitors', async () => {
    const body = { email: 'a@example.test', name: 'A', grants: [{ role: 'assessor' }] };
    expect((await t.send('POST', '/api/invitations', body, { cookie: staff })).status).toBe(403);
    expect((await t.send('POST', '/api/invitations', body)).status).toBe(401);
  });
});

describe('accepting an invitation', () => {
  it('shows what the link offers, creates the account with the roles, signs in, and the link is then used up', async () => {
    const code = await linkCodeFor('nils@example.test');
    const preview = await t.get(`/api/invitation-links/${code}`);
    expect(preview.body).toMatchObject({ email: 'nils@example.test', state: 'open', existingAccount: false });

    const weak = await t.send('POST', '/api/invitations/accept', {
      token: code,
      name: 'Nils Nord',
      password: 'password123',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].path).toEqual(['body', 'password']);

    const accepted = await t.send('POST', '/api/invitations/accept', {
      token: code,
      name: 'Nils Nord',
      password: TEST_PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      kind: 'account',
      name: 'Nils Nord',
      grants: [{ role: 'cluster_staff' }],
    });
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.get('/api/auth/me', { headers: { cookie } })).body.email).toBe('nils@example.test');

    const again = await t.send('POST', '/api/invitations/accept', {
      token: code,
      name: 'Nils Nord',
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(409);
    expect((await t.get(`/api/invitation-links/${code}`)).body.state).toBe('accepted');
    const actions = (await t.db.select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.created', 'invitation.accepted']));
  });

  it('asks for name and password for a new account, field by field', async () => {
    const code = await linkCodeFor('assessor@example.test');
    const response = await t.send('POST', '/api/invitations/accept', { token: code });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: unknown[] }) => e.path)).toEqual([
      ['body', 'name'],
      ['body', 'password'],
    ]);
  });

  it('adds the roles to an existing account only when signed in as it', async () => {
    const existing = await createTestAccount(t.db, 'assessor', {}, { email: 'both@example.test' });
    await t.send(
      'POST',
      '/api/invitations',
      { email: 'both@example.test', name: 'Both', grants: [{ role: 'programme_staff' }] },
      { cookie: operator },
    );
    const code = await linkCodeFor('both@example.test');
    expect((await t.send('POST', '/api/invitations/accept', { token: code })).status).toBe(409);
    const cookie = await t.signIn(existing.email, TEST_PASSWORD);
    const accepted = await t.send('POST', '/api/invitations/accept', { token: code }, { cookie });
    expect(accepted.status).toBe(200);
    expect(accepted.body.grants.map((g: { role: string }) => g.role).sort()).toEqual([
      'assessor',
      'programme_staff',
    ]);
  });

  it('refuses an expired link and an unknown one', async () => {
    const late = t.at(new Date(new Date(TEST_TODAY).getTime() + 8 * 86_400_000).toISOString());
    await t.send(
      'POST',
      '/api/invitations',
      { email: 'late@example.test', name: 'Late', grants: [{ role: 'assessor' }] },
      { cookie: operator },
    );
    const code = await linkCodeFor('late@example.test');
    const response = await late.send('POST', '/api/invitations/accept', {
      token: code,
      name: 'Late',
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('expired');
    const unknown = await t.send('POST', '/api/invitations/accept', {
      token: 'A'.repeat(43),
      name: 'X',
      password: TEST_PASSWORD,
    });
    expect(unknown.status).toBe(404);
  });
});

describe('listing and withdrawing invitations', () => {
  it('shows a cluster manager only their own and their cluster’s invitations', async () => {
    const mine = await t.get('/api/invitations', { headers: { cookie: manager } });
    const emails = mine.body.items.map((i: { email: string }) => i.email);
    expect(emails).toEqual(expect.arrayContaining(['nils@example.test', 'p@example.test']));
    expect(emails).not.toContain('assessor@example.test');
    const all = await t.get('/api/invitations', { headers: { cookie: operator } });
    expect(all.body.total).toBeGreaterThan(mine.body.total);
  });

  it('withdraws an open invitation so its link stops working; someone else’s is not found', async () => {
    const created = await t.send(
      'POST',
      '/api/invitations',
      { email: 'gone@example.test', name: 'Gone', grants: [{ role: 'assessor' }] },
      { cookie: operator },
    );
    expect(
      (await t.send('POST', `/api/invitations/${created.body.id}/revoke`, undefined, { cookie: manager }))
        .status,
    ).toBe(404);
    const revoked = await t.send('POST', `/api/invitations/${created.body.id}/revoke`, undefined, {
      cookie: operator,
    });
    expect(revoked.body.state).toBe('revoked');
    const code = await linkCodeFor('gone@example.test');
    const response = await t.send('POST', '/api/invitations/accept', {
      token: code,
      name: 'Gone',
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(409);
    expect(
      (await t.send('POST', `/api/invitations/${created.body.id}/revoke`, undefined, { cookie: operator }))
        .status,
    ).toBe(409);
  });

  it("lets a cluster manager see, but not withdraw, the operator's invitation of another manager to their cluster", async () => {
    const created = await t.send(
      'POST',
      '/api/invitations',
      {
        email: 'co-manager@example.test',
        name: 'Co Manager',
        grants: [{ role: 'cluster_manager', cluster: 'arctic-cluster-team' }],
      },
      { cookie: operator },
    );
    expect(created.status).toBe(201);
    const seen = await t.get('/api/invitations?state=open', { headers: { cookie: manager } });
    expect(seen.body.items.map((i: { email: string }) => i.email)).toContain('co-manager@example.test');
    const refused = await t.send('POST', `/api/invitations/${created.body.id}/revoke`, undefined, {
      cookie: manager,
    });
    expect(refused.status).toBe(403);
    const still = await t.get('/api/invitations?state=open', { headers: { cookie: operator } });
    expect(still.body.items).toContainEqual(expect.objectContaining({ id: created.body.id, state: 'open' }));
  });
});
