import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { startSmtpServer } from '../../testing/smtp-server';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createProgramme } from '../programme/programme.seed';
import { deliverDueMail, MAX_ATTEMPTS, queueMail, retryDelayMs } from './mail.service';
import { mailMessages } from './mail.table';
import { smtpTransport } from './smtp-transport';

const t = setupTestApp();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let operator: string;
let manager: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
});
afterAll(async () => smtp?.close());

async function queue(to: string, subject: string) {
  await queueMail(t.db, t, { to, subject, text: `Body of ${subject}\nLine two: æøå`, kind: 'test' });
}

/** The test database as seen at a given moment, for deliveries that are due later. */
function at(now: Date) {
  return { db: t.db, clock: { now: () => now } };
}

async function statusOf(subject: string) {
  const [row] = await t.db.select().from(mailMessages).where(eq(mailMessages.subject, subject));
  return row!;
}

describe('mail delivery', () => {
  it('hands queued mail to the SMTP server once, and marks it sent', async () => {
    await queue('kari@example.test', 'Delivered once');
    const transport = smtpTransport(smtp.url, 'Klynge <no-reply@klynge.test>');
    const first = await deliverDueMail(t, transport);
    const again = await deliverDueMail(t, transport);
    transport.close();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(again.sent).toBe(0);
    const mine = smtp.received.filter((m) => m.raw.includes('Subject: Delivered once'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual(['kari@example.test']);
    expect(mine[0]!.from).toBe('no-reply@klynge.test');
    expect((await statusOf('Delivered once')).status).toBe('sent');
  });

  it('keeps a refused message queued with the error, tries again later, and gives up after the last attempt', async () => {
    await queue('full@example.test', 'Refused');
    smtp.refuse('Mailbox full');
    const transport = smtpTransport(smtp.url, 'no-reply@klynge.test');
    let now = t.clock.now();
    const first = await deliverDueMail(at(now), transport);
    expect(first.retrying).toBe(1);
    let row = await statusOf('Refused');
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('Mailbox full');
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
    // Not due yet: nothing happens.
    expect((await deliverDueMail(at(now), transport)).retrying).toBe(0);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(row.nextAttemptAt.getTime());
      await deliverDueMail(at(now), transport);
      row = await statusOf('Refused');
    }
    smtp.refuse(undefined);
    transport.close();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(smtp.received.some((m) => m.raw.includes('Subject: Refused'))).toBe(false);
  });

  it('keeps mail for the outbox page when no SMTP server is configured', async () => {
    await queue('ola@example.test', 'Kept here');
    const result = await deliverDueMail(t, null);
    expect(result.kept).toBeGreaterThanOrEqual(1);
    expect((await statusOf('Kept here')).status).toBe('kept');
  });
});

describe('GET /api/mail', () => {
  it('shows operators the outbox, newest first, filtered by status', async () => {
    const response = await t.get('/api/mail?status=kept', { headers: { cookie: operator } });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        to: 'ola@example.test',
        subject: 'Kept here',
        status: 'kept',
        text: expect.stringContaining('æøå'),
      }),
    ]);
  });

  it('is closed to cluster managers and to anonymous visitors', async () => {
    expect((await t.get('/api/mail', { headers: { cookie: manager } })).status).toBe(403);
    expect((await t.get('/api/mail')).status).toBe(401);
  });

  it('names a bad filter', async () => {
    const response = await t.get('/api/mail?status=lost', { headers: { cookie: operator } });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toEqual(['query', 'status']);
  });
});
