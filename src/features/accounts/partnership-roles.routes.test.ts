import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { auditEvents } from '../audit/audit.table';
import { createCluster } from '../clusters/clusters.seed';
import { mailMessages } from '../mail/mail.table';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';

const t = setupTestApp();
let cluster: Awaited<ReturnType<typeof createCluster>>;

beforeAll(async () => {
  cluster = await createCluster(t.db, await createProgramme(t.db), {
    slug: 'takeover-test',
    name: 'Klynge T',
  });
});

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

type Role = { role: string; organisation: { orgnr: string } | null };

describe('roles a partnership gives', () => {
  it("do not let a cluster manager take over an organisation's contact details by adding it, inviting themselves and ending the partnership", async () => {
    const manager = await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id });
    const cookie = await t.signIn(manager.email, TEST_PASSWORD);
    const organisation = await createOrganisation(t.db, { name: 'Offer AS' });
    const contact = (body: unknown) =>
      t.send('PATCH', `/api/organisations/${organisation.orgnr}/contact`, body, { cookie });
    const partnerContactRoles = async () =>
      ((await t.get('/api/auth/roles', { headers: { cookie } })).body.items as Role[]).filter(
        (g) => g.role === 'partner_contact' && g.organisation?.orgnr === organisation.orgnr,
      );

    // 1. The manager adds the organisation as a partner of their cluster.
    const added = await t.send(
      'POST',
      `/api/clusters/${cluster.slug}/members`,
      { orgnr: organisation.orgnr },
      { cookie },
    );
    expect(added.status).toBe(201);

    // 2. They invite themselves as its partner contact, and accept.
    const invited = await t.send(
      'POST',
      '/api/invitations',
      {
        email: manager.email,
        name: 'Meg Selv',
        grants: [{ role: 'partner_contact', organisation: organisation.orgnr }],
      },
      { cookie },
    );
    expect(invited.status).toBe(201);
    const accepted = await t.send(
      'POST',
      '/api/invitations/accept',
      { token: await linkCodeFor(manager.email) },
      { cookie },
    );
    expect(accepted.status).toBe(200);
    expect(await partnerContactRoles()).toHaveLength(1);

    // A role the cluster gave itself is no say over the organisation's own record.
    expect((await contact({ email: 'kaprer@example.test' })).status).toBe(403);

    // 3. They end the partnership: the role it gave ends with it, in the same change, audited.
    const ended = await t.send(
      'PATCH',
      `/api/clusters/${cluster.slug}/members/${organisation.orgnr}`,
      { leftOn: '2026-06-15' },
      { cookie },
    );
    expect(ended.status).toBe(200);
    expect(await partnerContactRoles()).toEqual([]);
    expect((await contact({ email: 'kaprer@example.test' })).status).toBe(403);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'role_grant.ended'), eq(auditEvents.entityId, manager.account.id)));
    expect(event).toMatchObject({
      entityType: 'account',
      clusterId: cluster.id,
      after: { role: 'partner_contact', organisationId: organisation.id, endsOn: '2026-06-15' },
    });
  });

  it("still lets a partner contact the programme's operators gave change the organisation's contact details", async () => {
    const organisation = await createOrganisation(t.db, { name: 'Samtykke AS' });
    const contact = await createTestAccount(t.db, 'partner_contact', { organisationId: organisation.id });
    const cookie = await t.signIn(contact.email, TEST_PASSWORD);
    const changed = await t.send(
      'PATCH',
      `/api/organisations/${organisation.orgnr}/contact`,
      { email: 'post@samtykke.example' },
      { cookie },
    );
    expect(changed.status).toBe(200);
  });
});
