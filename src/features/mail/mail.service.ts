import { and, asc, count, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Page } from '../../server/http/pagination';
import type { ListMailQuery, MailMessageView } from './mail.contract';
import { type MailStatus, mailMessages } from './mail.table';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** What the message is for: invitation, password_reset … */
  kind: string;
};

/**
 * Puts a message in the outbox. Call it with the transaction that makes the change the message
 * tells about: the message exists exactly when the change does, and the mail worker delivers it.
 */
export async function queueMail(tx: Db, mail: OutgoingMail, now: Date): Promise<void> {
  await tx.insert(mailMessages).values({
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    kind: mail.kind,
    createdAt: now,
    nextAttemptAt: now,
  });
}

/** The outbox, newest first. Only operators read it: it holds sign-in links meant for others. */
export async function listMail(db: Db, query: ListMailQuery): Promise<Page<MailMessageView>> {
  const conditions: (SQL | undefined)[] = [
    query.status ? eq(mailMessages.status, query.status) : undefined,
    query.kind ? eq(mailMessages.kind, query.kind) : undefined,
    query.to ? sql`lower(${mailMessages.toAddress}) = lower(${query.to})` : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(mailMessages)
      .where(where)
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(mailMessages).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      kind: row.kind,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Hands a message to an SMTP server; throws when the server refuses it or cannot be reached. */
export type MailTransport = {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
};

/** How long a claimed message stays out of other workers' reach while it is being sent. */
const LEASE_MS = 5 * 60_000;
/** After this many failed attempts a message is marked failed and left for an operator. */
export const MAX_ATTEMPTS = 8;

/** Minutes to wait before the next attempt: 1, 2, 4 … up to 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 4 * 3_600_000);
}

export type DeliveryResult = { sent: number; kept: number; retrying: number; failed: number };

/**
 * Delivers the messages that are due. Each is claimed with a lease in one statement
 * (`for update skip locked`), so several app processes never send the same message, and one
 * that stops mid-send leaves it to be sent again when the lease ends. No transaction stays open
 * while the SMTP server is talked to. Without a transport, messages are kept for the outbox page.
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport | null,
  now: Date,
  limit = 20,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, kept: 0, retrying: 0, failed: 0 };
  const due = db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(and(eq(mailMessages.status, 'queued'), lte(mailMessages.nextAttemptAt, now)))
    .orderBy(asc(mailMessages.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (!transport) {
    const kept = await db
      .update(mailMessages)
      .set({ status: 'kept' })
      .where(inArray(mailMessages.id, due))
      .returning({ id: mailMessages.id });
    result.kept = kept.length;
    return result;
  }
  const claimed = await db
    .update(mailMessages)
    .set({
      attempts: sql`${mailMessages.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + LEASE_MS),
    })
    .where(inArray(mailMessages.id, due))
    .returning();
  for (const message of claimed) {
    const outcome = await attempt(transport, message);
    const status: MailStatus =
      outcome === null ? 'sent' : message.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
    await db
      .update(mailMessages)
      .set({
        status,
        lastError: outcome,
        sentAt: outcome === null ? now : null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
      })
      .where(eq(mailMessages.id, message.id));
    if (status === 'sent') result.sent += 1;
    else if (status === 'failed') result.failed += 1;
    else result.retrying += 1;
  }
  return result;
}

async function attempt(
  transport: MailTransport,
  message: { toAddress: string; subject: string; textBody: string },
): Promise<string | null> {
  try {
    await transport.send({ to: message.toAddress, subject: message.subject, text: message.textBody });
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  }
}
