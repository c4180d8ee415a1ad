import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'kept'] as const;

export const ListMailQuerySchema = PageQuerySchema.extend({
  status: z.enum(MAIL_STATUSES).optional(),
  kind: z.string().trim().min(1).max(60).optional(),
  to: z.string().trim().email('must be an e-mail address').max(320).optional(),
});
export type ListMailQuery = z.infer<typeof ListMailQuerySchema>;

export const MailMessageSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    kind: z.string(),
    status: z.enum(MAIL_STATUSES).openapi({
      description:
        'queued: waiting to be sent; sent: accepted by the SMTP server; failed: gave up after repeated errors; kept: no SMTP server is configured, so the message is only here',
    }),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('MailMessage');
export type MailMessageView = z.infer<typeof MailMessageSchema>;

export const MailPageSchema = pageOf(MailMessageSchema).openapi('MailPage');
