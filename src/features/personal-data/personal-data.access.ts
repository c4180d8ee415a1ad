import { defineAccessRows } from '../../testing/access-matrix';
import { createTestAccount } from '../accounts/accounts.seed';

export const personalDataAccess = defineAccessRows({
  rows: (m) => ({
    // ── Operators only: people's personal data (programme-wide, no scope) ───────────────────────
    'get /api/persons': {
      success: 200,
      in: { on: 'everyone (programme-wide)', allow: ['operator_admin'], request: () => ({}) },
    },
    'get /api/persons/{id}': {
      success: 200,
      in: {
        on: 'any person (programme-wide)',
        allow: ['operator_admin'],
        request: () => ({ params: { id: m.bystander.account.personId } }),
      },
    },
    'get /api/persons/{id}/export': {
      success: 200,
      in: {
        on: "any person's data (programme-wide)",
        allow: ['operator_admin'],
        request: () => ({ params: { id: m.bystander.account.personId } }),
      },
    },
    'post /api/persons/{id}/erase': {
      success: 200,
      in: {
        on: 'a fresh person, confirmed by their e-mail address (programme-wide)',
        allow: ['operator_admin'],
        request: async () => {
          const { account, email } = await createTestAccount(m.t.db, 'assessor');
          return { params: { id: account.personId }, body: { confirmation: email } };
        },
      },
    },
  }),
});
