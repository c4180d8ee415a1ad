import type { Db } from '../../server/db/client';
import type { Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import type { ListMailQuery, MailMessageView, MailState } from './mail.contract';
import { requireMayReadOutbox } from './mail.policy';
import {
  claimDueMail,
  countMailToSince,
  insertMail,
  keepDueMail,
  listMailPage,
  listMailStates,
  updateDelivery,
} from './mail.queries';
import type { MailStatus } from './mail.table';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** What the message is for: invitation, password_reset … */
  kind: string;
};

/** What a service that queues mail needs besides its context. */
export type MailOptions = {
  /**
   * Asks the mail worker to deliver now. Call it after the transaction that queued the mail has
   * committed, never inside it: the worker would find nothing yet.
   */
  wakeMail: () => void;
  /**
   * Whether an SMTP server takes Klynge's mail (`SMTP_URL` is set). Without one nothing is ever
   * sent, so a message is kept in the outbox from the start rather than looking as if it were
   * on its way.
   */
  mailServer: boolean;
};

/** A message just put in the outbox: sent shortly (`queued`), or only kept there (`kept`). */
export type QueuedMail = { id: string; status: 'queued' | 'kept' };

/**
 * Puts a message in the outbox. Call it with the transaction that makes the change the message
 * tells about: the message exists exactly when the change does, and the mail worker delivers it.
 */
export async function queueMail(
  tx: Db,
  { clock, mailServer }: Pick<ServiceContext, 'clock'> & Pick<MailOptions, 'mailServer'>,
  mail: OutgoingMail,
): Promise<QueuedMail> {
  const now = clock.now();
  const status = mailServer ? 'queued' : 'kept';
  const id = await insertMail(tx, {
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    kind: mail.kind,
    status,
    createdAt: now,
    nextAttemptAt: now,
  });
  return { id, status };
}

/**
 * Where each of these messages stands, by id, for what they were sent about to show. A message
 * that is gone (erased with its recipient) is missing from the answer.
 */
export async function findMailStates(
  { db }: Pick<ServiceContext, 'db'>,
  ids: readonly string[],
): Promise<Map<string, MailState>> {
  const rows = await listMailStates(db, ids);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        status: row.status,
        sentAt: row.sentAt?.toISOString() ?? null,
        lastError: row.lastError,
      },
    ]),
  );
}

/**
 * How many messages of these kinds went to the address after `since`: for a form anyone may send,
 * to stop it from flooding one mailbox.
 */
export function countMailSentSince(
  { db }: Pick<ServiceContext, 'db'>,
  to: string,
  kinds: readonly string[],
  since: Date,
): Promise<number> {
  return countMailToSince(db, to, kinds, since);
}

/** The outbox, newest first. */
export async function listMail(
  { db, actor }: Pick<ServiceContext, 'db' | 'actor'>,
  query: ListMailQuery,
): Promise<Page<MailMessageView>> {
  requireMayReadOutbox(actor);
  const { rows, total } = await listMailPage(db, query);
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
    total,
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
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  transport: MailTransport | null,
  limit = 20,
): Promise<DeliveryResult> {
  const now = clock.now();
  const result: DeliveryResult = { sent: 0, kept: 0, retrying: 0, failed: 0 };
  if (!transport) {
    result.kept = await keepDueMail(db, now, limit);
    return result;
  }
  const claimed = await claimDueMail(db, now, limit, new Date(now.getTime() + LEASE_MS));
  for (const message of claimed) {
    const outcome = await attempt(transport, message);
    const status: MailStatus =
      outcome === null ? 'sent' : message.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
    await updateDelivery(db, message.id, {
      status,
      lastError: outcome,
      sentAt: outcome === null ? now : null,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
    });
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
