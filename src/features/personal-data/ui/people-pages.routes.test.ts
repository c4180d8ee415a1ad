import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';

const t = setupTestApp({ web: true });
let operator: string;
let staff: string;
let personId: string;

beforeAll(async () => {
  operator = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
  const kari = await createTestAccount(
    t.db,
    'assessor',
    {},
    { name: 'Kari Nordmann', email: 'kari@example.test' },
  );
  personId = kari.account.personId;
});

describe('the people pages', () => {
  it('let an operator search people and open one, with the download and erase actions', async () => {
    const list = await t.get('/people?q=nordmann', { headers: { cookie: operator } });
    expect(list.status).toBe(200);
    expect(list.body).toContain('1 personer');
    expect(list.body).toContain(`href="/people/${personId}"`);
    expect(list.body).toContain('href="/people"');

    const page = await t.get(`/people/${personId}`, { headers: { cookie: operator } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Kari Nordmann – Klynge</title>');
    expect(page.body).toContain('kari@example.test');
    expect(page.body).toContain('Vurderer');
    expect(page.body).toContain(`href="/api/persons/${personId}/export"`);
    expect(page.body).toContain('Slett personen');
  });

  it('answer a missing person with 404 and keep the pages from other roles', async () => {
    expect(
      (await t.get('/people/00000000-0000-4000-8000-00000000abcd', { headers: { cookie: operator } })).status,
    ).toBe(404);
    const denied = await t.get('/people', { headers: { cookie: staff } });
    expect(denied.status).toBe(403);
    expect(denied.body).not.toContain('href="/people"');
    expect((await t.get(`/people/${personId}`)).status).toBe(401);
  });
});
