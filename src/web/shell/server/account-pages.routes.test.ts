import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../../../features/accounts/accounts.seed';
import { createCluster } from '../../../features/clusters/clusters.seed';
import { mailMessages } from '../../../features/mail/mail.table';
import { createProgramme } from '../../../features/programme/programme.seed';
import { setupTestApp } from '../../../testing/harness';

const t = setupTestApp({ web: true });
let operator: string;
let manager: string;

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const cluster = await createCluster(t.db, programme, {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
  });
  operator = await t.signIn(
    (await createTestAccount(t.db, 'operator_admin', {}, { name: 'Ola Operatør' })).email,
    TEST_PASSWORD,
  );
  manager = await t.signIn(
    (await createTestAccount(t.db, 'cluster_manager', { clusterId: cluster.id })).email,
    TEST_PASSWORD,
  );
});

const page = (path: string, cookie?: string) => t.get(path, cookie ? { headers: { cookie } } : undefined);

describe('account pages, rendered on the server', () => {
  it('ask an anonymous visitor to sign in, with the way back', async () => {
    const { status, body } = await page('/account');
    expect(status).toBe(401);
    expect(body).toContain('Logg inn for å se siden');
    expect(body).toContain('href="/login?next=%2Faccount"');
  });

  it("show a signed-in person's roles and sessions", async () => {
    const { status, body } = await page('/account?lang=en', operator);
    expect(status).toBe(200);
    expect(body).toContain('Ola Operatør');
    expect(body).toContain('Operator');
    expect(body).toContain('This session');
    expect(body).toContain('Make an API token');
  });

  it('show the outbox to operators only; anyone else is told they have no access', async () => {
    await t.send(
      'POST',
      '/api/invitations',
      { email: 'ny@example.test', name: 'Ny Person', grants: [{ role: 'assessor' }] },
      { cookie: operator },
    );
    const outbox = await page('/outbox', operator);
    expect(outbox.status).toBe(200);
    expect(outbox.body).toContain('Invitasjon til Klynge');
    const refused = await page('/outbox', manager);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Du har ikke tilgang');
    expect(refused.body).not.toContain('Invitasjon til Klynge');
  });

  it('render an invitation link, and a missing one as not found', async () => {
    const [message] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'ny@example.test'))
      .orderBy(desc(mailMessages.createdAt));
    const link = /\/invitations\/[A-Za-z0-9_-]{43}/.exec(message!.textBody)![0];
    const { status, body } = await page(link);
    expect(status).toBe(200);
    expect(body).toContain('Ny Person');
    expect(body).toContain('Fagvurderer');
    expect(body).toContain('Opprett konto');
    expect((await page(`/invitations/${'B'.repeat(43)}`)).status).toBe(404);
  });

  it('offer the invitation form with the roles the viewer may give', async () => {
    const asManager = await page('/invitations', manager);
    expect(asManager.status).toBe(200);
    expect(asManager.body).toContain('Klyngemedarbeider');
    expect(asManager.body).not.toContain('value="operator_admin"');
    const asOperator = await page('/invitations', operator);
    expect(asOperator.body).toContain('value="operator_admin"');
  });

  it('render the password-reset pages', async () => {
    expect((await page('/reset-password')).body).toContain('Glemt passord');
    expect((await page(`/reset-password/${'C'.repeat(43)}`)).body).toContain('Velg nytt passord');
  });

  it('render the sign-up page without a visitor, linked from the sign-in page, in both languages', async () => {
    const signUp = await page('/sign-up');
    expect(signUp.status).toBe(200);
    expect(signUp.body).toContain('Opprett konto');
    expect(signUp.body).toContain('name="email"');
    expect((await page('/sign-up?lang=en')).body).toContain('Create an account');
    expect((await page('/login')).body).toContain('href="/sign-up"');
  });

  it('render a sign-up link with whom it is for, and a missing one as not found', async () => {
    await t.send('POST', '/api/auth/sign-up', {
      name: 'Sara Søker',
      email: 'sara@example.test',
      language: 'en',
    });
    const [message] = await t.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'sara@example.test'));
    const link = /\/sign-up\/[A-Za-z0-9_-]{43}/.exec(message!.textBody)![0];
    const { status, body } = await page(`${link}?lang=en`);
    expect(status).toBe(200);
    expect(body).toContain('Sara Søker');
    expect(body).toContain('Choose a password');
    expect((await page(`/sign-up/${'D'.repeat(43)}`)).status).toBe(404);
  });

  it("list a person's own organisations on the account page", async () => {
    await t.send('POST', '/api/auth/affiliations', { orgnr: '923609016' }, { cookie: manager });
    const { body } = await page('/account', manager);
    expect(body).toContain('Virksomhetene dine');
    expect(body).toContain('923609016');
  });
});
