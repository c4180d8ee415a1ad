import { defineAccessRows, EVERYONE, hasItem } from '../../testing/access-matrix';
import { createCall } from './calls.seed';

const STAFF = ['operator_admin', 'programme_staff'] as const;

/** A draft and an open call, made once; the actions make a call of their own for every caller. */
const made = {} as { draft: string; open: string };

const TITLE = { nb: 'Matriseutlysning', en: 'Matrix call' };

export const callsAccess = defineAccessRows({
  setup: async (m) => {
    made.draft = (await createCall(m.t.db, { titleNb: TITLE.nb, titleEn: TITLE.en })).id;
    made.open = (await createCall(m.t.db, { status: 'open', titleNb: TITLE.nb, titleEn: TITLE.en })).id;
  },
  rows: (m) => ({
    'get /api/calls': {
      success: 200,
      in: {
        on: 'the drafts, which only programme staff see',
        allow: STAFF,
        withheld: EVERYONE.filter((who) => who !== 'operator_admin' && who !== 'programme_staff'),
        holds: hasItem(() => made.draft),
        permission: 'calls.manage',
        request: () => ({ query: 'status=draft&pageSize=100' }),
      },
      also: [
        {
          on: 'the open calls (public)',
          allow: EVERYONE,
          request: () => ({ query: 'status=open&pageSize=100' }),
        },
      ],
    },
    'post /api/calls': {
      success: 201,
      in: {
        on: 'a new draft',
        allow: STAFF,
        request: () => ({
          body: {
            title: TITLE,
            opensAt: '2026-07-01T09:00:00+02:00',
            deadlineAt: '2026-09-01T12:00:00+02:00',
            levels: [{ level: 'arena', moneyNok: 10_000_000 }],
          },
        }),
      },
    },
    'get /api/calls/{id}': {
      success: 200,
      in: { on: 'an open call (public)', allow: EVERYONE, request: () => ({ params: { id: made.open } }) },
      also: [
        {
          // A draft is missing for anyone who does not write calls, anonymous readers too.
          on: 'a draft, which only programme staff see',
          allow: STAFF,
          hidden: EVERYONE.filter((who) => who !== 'operator_admin' && who !== 'programme_staff'),
          permission: 'calls.manage',
          request: () => ({ params: { id: made.draft } }),
        },
      ],
    },
    // The changes send the title the call already has: the gate and the policy answer the same,
    // and no case changes what the next one sees.
    'patch /api/calls/{id}': {
      success: 200,
      in: {
        on: 'a draft',
        allow: STAFF,
        request: () => ({ params: { id: made.draft }, body: { title: TITLE } }),
      },
      also: [
        {
          on: 'an open call, whose title may still change',
          allow: STAFF,
          request: () => ({ params: { id: made.open }, body: { title: TITLE } }),
        },
      ],
    },
    'post /api/calls/{id}/open': {
      success: 200,
      in: {
        on: 'a draft ready to open, one for each caller',
        allow: STAFF,
        request: async () => ({ params: { id: (await createCall(m.t.db)).id } }),
      },
    },
    'post /api/calls/{id}/extend-deadline': {
      success: 200,
      in: {
        on: 'an open call, one for each caller',
        allow: ['operator_admin'],
        request: async () => ({
          params: { id: (await createCall(m.t.db, { status: 'open' })).id },
          body: { deadline: '2026-09-08T12:00:00+02:00', reason: 'The portal was down.' },
        }),
      },
    },
  }),
});
