import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from '../../accounts/accounts.seed';
import { createCall } from '../../calls/calls.seed';
import { createProgramme } from '../../programme/programme.seed';

// The call's page is the calls feature's; the links to apply, to the applications and to the
// assessment panel are parts the applications and assessments features put in its slot.
const t = setupTestApp({ web: true });

let staff: string;
let openCall: string;
let closedCall: string;

beforeAll(async () => {
  await createProgramme(t.db);
  const account = await createTestAccount(t.db, 'programme_staff');
  staff = await t.signIn(account.email, TEST_PASSWORD);
  // Far ahead, since the page compares the deadline with the visitor's clock.
  openCall = (
    await createCall(t.db, {
      status: 'open',
      deadlineAt: new Date('2099-09-01T10:00:00Z'),
      plannedDecisionAt: new Date('2099-12-01T10:00:00Z'),
    })
  ).id;
  closedCall = (await createCall(t.db, { status: 'closed' })).id;
});

describe("the call page's slot, rendered on the server", () => {
  it('offers anyone the way to apply while the call is open, and nothing for staff', async () => {
    const { status, body } = await t.get(`/calls/${openCall}`);
    expect(status).toBe(200);
    expect(body).toContain(`href="/calls/${openCall}/apply"`);
    expect(body).toContain('data-testid="apply-link"');
    expect(body).not.toContain(`/applications?call=${openCall}`);
  });

  it('gives programme staff the applications, the panel and the assignment once the call has closed', async () => {
    const { body } = await t.get(`/calls/${closedCall}`, { headers: { cookie: staff } });
    expect(body).not.toContain(`/calls/${closedCall}/apply`);
    expect(body).toContain(`/applications?call=${closedCall}`);
    expect(body).toContain(`href="/calls/${closedCall}/panel"`);
    expect(body).toContain(`href="/calls/${closedCall}/assessors"`);
    const anonymous = await t.get(`/calls/${closedCall}`);
    expect(anonymous.body).not.toContain(`/calls/${closedCall}/panel`);
  });

  it('lists the header links the features declare, for whom they declare them', async () => {
    const { body } = await t.get('/calls', { headers: { cookie: staff } });
    expect(body).toContain('href="/applications"');
    expect(body).toContain('href="/audit"');
    const anonymous = await t.get('/calls');
    expect(anonymous.body).toContain('href="/calls"');
    expect(anonymous.body).not.toContain('href="/applications"');
    expect(anonymous.body).not.toContain('href="/audit"');
  });
});
