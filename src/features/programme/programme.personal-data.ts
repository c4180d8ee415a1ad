import { z } from '@hono/zod-openapi';
import { definePersonalData } from '../../server/personal-data';
import { clearPressContactsAt, listPressContactsAt } from './programme.queries';
import { programmeOperators } from './programme.table';

/**
 * An operator's press contact is a person: the operators they are press contact for are in their
 * export, found by their address, and erasure clears the contact's name, address and phone. The
 * operator stays, without a press contact, until the programme names another.
 */
export const programmePersonalData = definePersonalData({
  tables: [programmeOperators],
  export: {
    shape: {
      pressContacts: z.array(
        z
          .object({
            operatorOrgnr: z.string(),
            operatorName: z.string(),
            name: z.string().nullable(),
            email: z.string().nullable(),
            phone: z.string().nullable(),
            updatedAt: z.string(),
          })
          .openapi({ description: 'The programme operators they are the press contact for' }),
      ),
    },
    read: async (tx, { addresses }) => ({ pressContacts: await listPressContactsAt(tx, addresses) }),
  },
  erase: {
    removed: { pressContacts: z.number().int() },
    run: async (tx, ctx, { addresses }) => ({
      pressContacts: await clearPressContactsAt(tx, addresses, ctx.clock.now()),
    }),
  },
});
