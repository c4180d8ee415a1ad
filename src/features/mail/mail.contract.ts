import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'kept'] as const;

export const ListMailQuerySchema = PageQuerySchema.extend({
  id: z.uuid({ message: 'must be a message id' }).optional().openapi({ description: 'One message' }),
  status: z.enum(MAIL_STATUSES).optional(),
  kind: z.string().trim().min(1).max(60).optional(),
  to: z.string().trim().email('must be an e-mail address').max(320).optional(),
});
export type ListMailQuery = z.infer<typeof ListMailQuerySchema>;

const MailStatusSchema = z.enum(MAIL_STATUSES).openapi({
  description:
    'queued: waiting to be sent; sent: accepted by the SMTP server; failed: gave up after repeated errors; kept: no SMTP server is configured, so the message is only here',
});

export const MailMessageSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    kind: z.string(),
    status: MailStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('MailMessage');
export type MailMessageView = z.infer<typeof MailMessageSchema>;

export const MailPageSchema = pageOf(MailMessageSchema).openapi('MailPage');

/** Where a message stands, for what it was sent about (an invitation) to show. */
export const MailStateSchema = z
  .object({
    id: z.string().openapi({ description: 'The message, in the outbox (`GET /api/mail?id=…`)' }),
    status: MailStatusSchema,
    sentAt: z.string().nullable().openapi({ description: 'When the SMTP server accepted it' }),
    lastError: z
      .string()
      .nullable()
      .openapi({ description: 'Why the last attempt failed: the reason a failed message gave up' }),
  })
  .openapi('MailState');
export type MailState = z.infer<typeof MailStateSchema>;
