import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type MailStatus = 'queued' | 'sent' | 'failed' | 'kept';

/**
 * Every message Klynge sends, written in the same transaction as the change that caused it, then
 * delivered by the mail worker. With no SMTP server configured a message is `kept`: operators read
 * it on the outbox page. Nothing is lost if the process stops between the commit and delivery.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** What the message is for (invitation, password_reset …), for filtering the outbox. */
    kind: text('kind').notNull(),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index('mail_messages_created_idx').on(t.createdAt),
    check('mail_messages_status_check', sql`${t.status} in ('queued', 'sent', 'failed', 'kept')`),
  ],
);
