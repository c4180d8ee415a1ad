import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { buildProgramme, createProgramme, DEMO_OPERATORS } from './programme.seed';

const t = setupTestApp();
let operator: string;
let people = 0;

beforeAll(async () => {
  await createProgramme(t.db);
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
});

/**
 * A person of their own who is the press contact at Innovasjon Norge and Siva, their address
 * written in another case at one of them; Forskningsrådet keeps its own press contact.
 */
async function pressContactAtTwoOperators() {
  people += 1;
  const email = `Petra.Presse.${people}@example.test`;
  const made = await createTestAccount(t.db, 'assessor', {}, { name: 'Petra Presse', email });
  const [innovasjon, siva, forskningsradet] = DEMO_OPERATORS;
  const petra = { name: 'Petra Presse', phone: '+47 00 99 88 77' };
  const saved = await t.send(
    'PUT',
    '/api/programme',
    buildProgramme({
      operatorOrganisations: [
        { ...innovasjon!, pressContact: { ...petra, email } },
        { ...siva!, pressContact: { ...petra, email: email.toLowerCase() } },
        forskningsradet!,
      ],
    }),
    { cookie: operator },
  );
  expect(saved.status).toBe(200);
  return { personId: made.account.personId, email };
}

describe("a press contact's personal data", () => {
  it('is in their export: the operators they are press contact for', async () => {
    const { personId, email } = await pressContactAtTwoOperators();
    const { status, body } = await t.get(`/api/persons/${personId}/export`, {
      headers: { cookie: operator },
    });
    expect(status).toBe(200);
    const document = typeof body === 'string' ? JSON.parse(body) : body;
    expect(document.pressContacts).toEqual([
      expect.objectContaining({
        operatorOrgnr: '986399445',
        operatorName: 'Innovasjon Norge',
        name: 'Petra Presse',
        email,
      }),
      expect.objectContaining({ operatorOrgnr: '986813241', operatorName: 'Siva', phone: '+47 00 99 88 77' }),
    ]);
  });

  it('is cleared and counted when they are erased, and the operators and other press contacts stay', async () => {
    const { personId, email } = await pressContactAtTwoOperators();
    const { status, body } = await t.send(
      'POST',
      `/api/persons/${personId}/erase`,
      { confirmation: email },
      { cookie: operator },
    );
    expect(status).toBe(200);
    expect(body.removed.pressContacts).toBe(2);
    const programme = await t.get('/api/programme', { headers: { cookie: operator } });
    expect(programme.body.operatorOrganisations).toEqual([
      { orgnr: '986399445', name: 'Innovasjon Norge', pressContact: null },
      { orgnr: '986813241', name: 'Siva', pressContact: null },
      DEMO_OPERATORS[2],
    ]);
  });
});
