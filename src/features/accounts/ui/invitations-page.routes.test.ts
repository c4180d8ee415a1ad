import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createCluster } from '../../clusters/clusters.seed';
import { mailMessages } from '../../mail/mail.table';
import { createProgramme } from '../../programme/programme.seed';
import { createTestAccount, TEST_PASSWORD } from '../accounts.seed';

// As the embedded default starts: no SMTP server, so an invitation's mail is only kept.
const t = setupTestApp({ web: true, mailServer: false });
let operator: string;
let manager: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const act = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  await createCluster(t.db, programme, { slug: 'energi-i-nord', name: 'Energi i Nord' });
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: act.id })).email,
    TEST_PASSWORD,
  );
});

const page = (path: string, cookie: string) => t.get(path, { headers: { cookie } });

/** The options of the select with this id, as value and text. */
function optionsOf(body: string, id: string): string[] {
  const start = body.indexOf(`id="${id}"`);
  const select = body.slice(start, body.indexOf('</select>', start));
  return [...select.matchAll(/<option[^>]*value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
}

describe('the invitations page, rendered on the server', () => {
  it('lets a cluster manager pick only their own cluster, by name', async () => {
    const { status, body } = await page('/invitations?role=cluster_staff', manager);
    expect(status).toBe(200);
    expect(optionsOf(body, 'invite-cluster')).toEqual(['arctic-cluster-team=Arctic Cluster Team']);
    expect(body).not.toContain('Energi i Nord');
  });

  it('lets an operator pick any cluster, and choose the language of the mail', async () => {
    const { body } = await page('/invitations?role=cluster_manager', operator);
    expect(optionsOf(body, 'invite-cluster')).toEqual([
      'arctic-cluster-team=Arctic Cluster Team',
      'energi-i-nord=Energi i Nord',
    ]);
    expect(optionsOf(body, 'invite-language')).toEqual(['nb=Bokmål', 'en=Engelsk']);
  });

  it('lists each invitation with where its mail is, and a link to the message for an operator', async () => {
    const invited = await t.send(
      'POST',
      '/api/invitations',
      { email: 'listed@example.test', name: 'Liv Listet', grants: [{ role: 'assessor' }] },
      { cookie: operator },
    );
    const [message] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'listed@example.test'));
    expect(invited.body.mail.status).toBe('kept');
    const { body } = await page('/invitations', operator);
    expect(body).toContain('Bare i utboksen');
    expect(body).toContain(`href="/outbox?id=${message!.id}"`);
    const asManager = await page('/invitations', manager);
    expect(asManager.body).not.toContain('/outbox?id=');
  });
});
