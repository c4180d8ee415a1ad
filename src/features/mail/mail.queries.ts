import { and, asc, count, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { ListMailQuery } from './mail.contract';
import { type MailStatus, mailMessages } from './mail.table';

export type MailRow = typeof mailMessages.$inferSelect;

/** Answers the new message's id. */
export async function insertMail(db: Db, values: typeof mailMessages.$inferInsert): Promise<string> {
  const [row] = await db.insert(mailMessages).values(values).returning({ id: mailMessages.id });
  return row!.id;
}

/** The delivery state of each of these messages that still exists. */
export function listMailStates(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: mailMessages.id,
      status: mailMessages.status,
      sentAt: mailMessages.sentAt,
      lastError: mailMessages.lastError,
    })
    .from(mailMessages)
    .where(inArray(mailMessages.id, [...ids]));
}

/** How many messages of these kinds were queued to the address (in any case) after `since`. */
export async function countMailToSince(db: Db, to: string, kinds: readonly string[], since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(mailMessages)
    .where(
      and(
        sql`lower(${mailMessages.toAddress}) = lower(${to})`,
        inArray(mailMessages.kind, [...kinds]),
        gt(mailMessages.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** A page of the outbox, newest first, filtered by id, status, kind and recipient (in any case). */
export async function listMailPage(db: Db, query: ListMailQuery) {
  const where = and(
    query.id ? eq(mailMessages.id, query.id) : undefined,
    query.status ? eq(mailMessages.status, query.status) : undefined,
    query.kind ? eq(mailMessages.kind, query.kind) : undefined,
    query.to ? sql`lower(${mailMessages.toAddress}) = lower(${query.to})` : undefined,
  );
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
  return { rows, total: total?.n ?? 0 };
}

/**
 * The ids of queued messages due at `now`, oldest due first, locked and skipping those another
 * process holds: a subquery, so claiming them is one statement.
 */
function dueMail(db: Db, now: Date, limit: number) {
  return db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(and(eq(mailMessages.status, 'queued'), lte(mailMessages.nextAttemptAt, now)))
    .orderBy(asc(mailMessages.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Marks the due messages kept; answers how many. */
export async function keepDueMail(db: Db, now: Date, limit: number): Promise<number> {
  const kept = await db
    .update(mailMessages)
    .set({ status: 'kept' })
    .where(inArray(mailMessages.id, dueMail(db, now, limit)))
    .returning({ id: mailMessages.id });
  return kept.length;
}

/** Claims the due messages until `leaseUntil`, counting the attempt; answers them. */
export function claimDueMail(db: Db, now: Date, limit: number, leaseUntil: Date): Promise<MailRow[]> {
  return db
    .update(mailMessages)
    .set({ attempts: sql`${mailMessages.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(inArray(mailMessages.id, dueMail(db, now, limit)))
    .returning();
}

export async function updateDelivery(
  db: Db,
  id: string,
  values: { status: MailStatus; lastError: string | null; sentAt: Date | null; nextAttemptAt: Date },
): Promise<void> {
  await db.update(mailMessages).set(values).where(eq(mailMessages.id, id));
}

/** Messages to any of the addresses, in any case. */
function mailTo(emails: readonly string[]) {
  return inArray(
    sql`lower(${mailMessages.toAddress})`,
    emails.map((email) => email.toLowerCase()),
  );
}

/** Messages to any of the addresses, oldest first, without their bodies: those can hold sign-in links. */
export function listMailTo(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .select({
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      kind: mailMessages.kind,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .where(mailTo(emails))
    .orderBy(asc(mailMessages.createdAt));
}

/** Deletes every message to any of the addresses; answers how many went. */
export async function deleteMailTo(db: Db, emails: readonly string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const deleted = await db.delete(mailMessages).where(mailTo(emails)).returning({ id: mailMessages.id });
  return deleted.length;
}
