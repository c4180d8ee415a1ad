import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { auditEvents } from '../../audit/audit.table';
import { createProgramme } from '../programme.seed';
import { brands, levels, programmes } from '../programme.table';

const t = setupTestApp({ web: true });
let admin: string;
let staff: string;

beforeAll(async () => {
  admin = await t.signIn((await createTestAccount(t.db, 'operator_admin')).email, TEST_PASSWORD);
  staff = await t.signIn((await createTestAccount(t.db, 'programme_staff')).email, TEST_PASSWORD);
});

// The programme is one per database: every test starts from none and makes the one it needs.
beforeEach(async () => {
  for (const table of [brands, levels, programmes, auditEvents]) await t.db.delete(table);
});

const page = (path: string, cookie?: string) => t.get(path, cookie ? { headers: { cookie } } : undefined);

describe('the set-up page, rendered on the server', () => {
  it('asks an anonymous visitor to sign in, and tells anyone but an operator admin they have no access', async () => {
    await createProgramme(t.db);
    const anonymous = await page('/programme/setup');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('href="/login?next=%2Fprogramme%2Fsetup"');
    const refused = await page('/programme/setup', staff);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Du har ikke tilgang');
    expect(refused.body).not.toContain('nora@demo.klynge.example');
  });

  it('offers an empty form on a database without a programme, with the way to start from the template', async () => {
    const { status, body } = await page('/programme/setup', admin);
    expect(status).toBe(200);
    expect(body).toContain('<title>Sett opp programmet – Klynge</title>');
    expect(body).toContain('Opprett programmet');
    expect(body).toContain('npx klynge init-programme --template norway');
    expect(body).toContain('Operatør 1');
    expect(body).not.toContain('data-testid="level-table"');
  });

  it("shows an operator admin the programme's fields, its operators with their press contacts, and its levels", async () => {
    await createProgramme(t.db);
    const { status, body } = await page('/programme/setup?lang=en', admin);
    expect(status).toBe(200);
    expect(body).toContain('Save the programme');
    expect(body).toContain('value="Norwegian Innovation Clusters"');
    expect(body).toContain('value="986813241"');
    expect(body).toContain('value="nora@demo.klynge.example"');
    expect(body).toContain('data-testid="level-table"');
    expect(body).toContain('Norwegian Centres of Expertise (NCE)');
    expect(body).toContain('2006–2018');
    expect(body).toContain('Change Arena Pro');
  });
});
