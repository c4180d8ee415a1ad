import { defineAccessRows } from '../../testing/access-matrix';

export const mailAccess = defineAccessRows({
  rows: () => ({
    // ── Operators only: the outbox (programme-wide, no scope) ───────────────────────────────────
    'get /api/mail': {
      success: 200,
      in: { on: 'the whole outbox (programme-wide)', allow: ['operator_admin'], request: () => ({}) },
    },
  }),
});
