import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { startSmtpServer } from '../../testing/smtp-server';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createProgramme } from '../programme/programme.seed';
import { deliverDueMail, MAX_ATTEMPTS, queueMail, retryDelayMs } from './mail.service';
import { mailMessages } from './mail.table';
import { startMailWorker } from './mail-worker';
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

async function queue(to: string, subject: string, mailServer = true) {
  return queueMail(
    t.db,
    { clock: t.clock, mailServer },
    { to, subject, text: `Body of ${subject}\nLine two: æøå`, kind: 'test' },
  );
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

  it('shows one message by its id, for a link from what it was sent about', async () => {
    const { id } = await queue('one@example.test', 'Just this one');
    const response = await t.get(`/api/mail?id=${id}`, { headers: { cookie: operator } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 1, items: [{ id, subject: 'Just this one' }] });
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

describe('with no mail server', () => {
  it('keeps a message in the outbox as it is queued, and says so', async () => {
    const kept = await queue('noserver@example.test', 'No server', false);
    expect(kept).toEqual({ id: expect.any(String), status: 'kept' });
    expect((await statusOf('No server')).status).toBe('kept');
    const queued = await queue('server@example.test', 'With a server', true);
    expect(queued.status).toBe('queued');
    expect((await statusOf('With a server')).status).toBe('queued');
  });
});

describe('the mail worker', () => {
  /** A logger that keeps its lines, and the worker started with it. */
  function workerWithLog(transport: Parameters<typeof startMailWorker>[0]['transport']) {
    const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const worker = startMailWorker({ db: t.db, transport, clock: t.clock, logger, intervalMs: 60_000 });
    return { lines, worker };
  }

  it('logs what a round did: kept in the outbox, never "delivered" when nothing was sent', async () => {
    await deliverDueMail(t, null);
    await queue('left@example.test', 'Left queued');
    const { lines, worker } = workerWithLog(null);
    worker.wake();
    await worker.stop();
    expect(lines.map((line) => line.msg)).toEqual(['mail: 1 kept in the outbox (no SMTP server)']);
    expect(lines[0]).toMatchObject({ sent: 0, kept: 1, retrying: 0, failed: 0 });
  });

  it('logs the messages sent by their count, and nothing for a round with nothing to do', async () => {
    await queue('sent@example.test', 'Sent by the worker');
    const transport = smtpTransport(smtp.url, 'no-reply@klynge.test');
    const { lines, worker } = workerWithLog(transport);
    worker.wake();
    worker.wake();
    await worker.stop();
    transport.close();
    expect(lines.map((line) => line.msg)).toEqual(['mail: 1 sent']);
  });
});
