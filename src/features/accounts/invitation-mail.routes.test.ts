import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createCluster } from '../clusters/clusters.seed';
import { mailMessages } from '../mail/mail.table';
import { createProgramme } from '../programme/programme.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';

// A Klynge with no SMTP server, as the embedded default starts: mail is only ever in the outbox.
const t = setupTestApp({ mailServer: false });
let operator: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  await createCluster(t.db, programme, { slug: 'arctic-cluster-team', name: 'Arctic Cluster Team' });
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
});

async function mailTo(email: string) {
  const [message] = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
  return message!;
}

describe('an invitation where Klynge has no mail server', () => {
  it('answers that its mail waits in the outbox, and the list says the same', async () => {
    const created = await t.send(
      'POST',
      '/api/invitations',
      { email: 'waiting@example.test', name: 'Vera Venter', grants: [{ role: 'assessor' }] },
      { cookie: operator },
    );
    expect(created.status).toBe(201);
    const message = await mailTo('waiting@example.test');
    expect(message.status).toBe('kept');
    expect(created.body.mail).toEqual({ id: message.id, status: 'kept', sentAt: null, lastError: null });
    const list = await t.get('/api/invitations', { headers: { cookie: operator } });
    expect(list.body.items.find((i: { id: string }) => i.id === created.body.id).mail.status).toBe('kept');
  });
});
