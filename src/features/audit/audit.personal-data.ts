import { z } from '@hono/zod-openapi';
import { definePersonalData } from '../../server/personal-data';
import { AuditEventSchema } from './audit.contract';
import { type ClusterDirectory, eraseFromAuditTrail, listAuditEventsByAccount } from './audit.service';
import { auditEvents } from './audit.table';

/**
 * The trail keeps every event, so nothing of it is erased: the person's events are exported, and
 * on erasure renamed and cleared of every value that identified them once everything else is gone.
 */
export const auditPersonalData = (clusters: ClusterDirectory) =>
  definePersonalData({
    tables: [auditEvents],
    streamed: {
      member: 'auditEvents',
      schema: z.array(AuditEventSchema).openapi({ description: 'What they did, newest first' }),
      // A busy person's events would not fit in memory: they are read batch by batch as the
      // download is read. Only an account acts, so a contact without one made none.
      async *list(ctx, { accountId }) {
        if (accountId) yield* listAuditEventsByAccount(ctx, accountId, clusters);
      },
    },
    redaction: {
      shape: {
        auditEvents: z.object({
          renamed: z
            .number()
            .int()
            .openapi({ description: 'Events by the person, now under a neutral name' }),
          redacted: z
            .number()
            .int()
            .openapi({ description: 'Events whose values held their name or address' }),
        }),
      },
      redact: async (tx, _ctx, { accountId }, values) => ({
        auditEvents: await eraseFromAuditTrail({ db: tx }, { accountId, values: [...values] }),
      }),
    },
  });
