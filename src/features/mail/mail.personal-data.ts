import { z } from '@hono/zod-openapi';
import { definePersonalData } from '../../server/personal-data';
import { deleteMailTo, listMailTo } from './mail.queries';
import { mailMessages } from './mail.table';

/** Mail to any of the person's addresses: listed in the export, deleted on erasure. */
export const mailPersonalData = definePersonalData({
  tables: [mailMessages],
  export: {
    shape: {
      mailMessages: z.array(
        z
          .object({
            toAddress: z.string(),
            subject: z.string(),
            kind: z.string(),
            status: z.string(),
            createdAt: z.string(),
            sentAt: z.string().nullable(),
          })
          .openapi({ description: 'Mail sent to them; bodies are left out because they hold sign-in links' }),
      ),
    },
    read: async (tx, { addresses }) => ({ mailMessages: await listMailTo(tx, addresses) }),
  },
  erase: {
    removed: { mailMessages: z.number().int() },
    run: async (tx, _ctx, { addresses }) => ({ mailMessages: await deleteMailTo(tx, addresses) }),
  },
});
