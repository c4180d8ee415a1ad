import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestApp, TEST_TODAY } from '../../testing/harness';
import { auditEvents } from '../audit/audit.table';
import { mailMessages } from '../mail/mail.table';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { accounts, roleGrants, signUps } from './accounts.table';

const t = setupTestApp();
let addresses = 0;
const newAddress = () => `ny-${process.pid}-${++addresses}@example.test`;
const NEW_PASSWORD = 'a long passphrase of my own';

async function mailsTo(email: string) {
  return t.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, email))
    .orderBy(desc(mailMessages.createdAt));
}

async function linkCodeFor(email: string): Promise<string | undefined> {
  const [message] = await mailsTo(email);
  return /\/sign-up\/([A-Za-z0-9_-]{43})/.exec(message?.textBody ?? '')?.[1];
}

async function signUp(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.send('POST', '/api/auth/sign-up', body, { headers });
}

describe('asking to sign up', () => {
  it('answers the same for a new address and a known one, and mails each what fits', async () => {
    const fresh = newAddress();
    const { email: known } = await createTestAccount(t.db, 'assessor');
    const first = await signUp({ name: 'Nina Ny', email: fresh, language: 'en' });
    const second = await signUp({ name: 'Someone Else', email: known, language: 'en' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);

    const [link] = await mailsTo(fresh);
    expect(link).toMatchObject({ kind: 'sign_up', subject: 'Create your Klynge account' });
    expect(link!.textBody).toMatch(/^Hello Nina Ny,/);
    expect(link!.textBody).toMatch(/http:\/\/localhost\/sign-up\/[A-Za-z0-9_-]{43}/);

    const [notice] = await mailsTo(known);
    expect(notice).toMatchObject({ kind: 'sign_up_existing', subject: 'You already have a Klynge account' });
    expect(notice!.textBody).toContain('http://localhost/login');
    expect(notice!.textBody).toContain('http://localhost/reset-password');
    expect(notice!.textBody).not.toMatch(/sign-up\//);
    // The notice greets the account's holder, not whatever name was typed into the form.
    expect(notice!.textBody).not.toContain('Someone Else');
    expect(await t.db.$count(signUps, eq(signUps.email, known))).toBe(0);
  });

  it('writes the mail in the language asked for, else the one the caller reads Klynge in', async () => {
    const nb = newAddress();
    const en = newAddress();
    await signUp({ name: 'Ola', email: nb }, { 'accept-language': 'nb-NO,nb;q=0.9,en;q=0.5' });
    await signUp({ name: 'Olivia', email: en }, { cookie: 'lang=en', 'accept-language': 'nb' });
    expect((await mailsTo(nb))[0]).toMatchObject({ subject: 'Opprett kontoen din i Klynge' });
    expect((await mailsTo(nb))[0]!.textBody).toMatch(/^Hei Ola,/);
    expect((await mailsTo(en))[0]).toMatchObject({ subject: 'Create your Klynge account' });
  });

  it('sends at most three mails an hour to one address, whether or not it has an account', async () => {
    const fresh = newAddress();
    const { email: known } = await createTestAccount(t.db, 'assessor');
    for (let i = 0; i < 5; i++) {
      expect((await signUp({ name: 'Nina', email: fresh })).status).toBe(202);
      expect((await signUp({ name: 'Nina', email: known })).status).toBe(202);
    }
    expect(await mailsTo(fresh)).toHaveLength(3);
    expect(await mailsTo(known)).toHaveLength(3);
    const anHourLater = t.at(new Date(new Date(TEST_TODAY).getTime() + 61 * 60_000).toISOString());
    await anHourLater.send('POST', '/api/auth/sign-up', { name: 'Nina', email: fresh });
    expect(await mailsTo(fresh)).toHaveLength(4);
  });

  it('mails nothing to a disabled account', async () => {
    const { email, account } = await createTestAccount(t.db, 'assessor');
    await t.db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, account.id));
    expect((await signUp({ name: 'Nina', email })).status).toBe(202);
    expect(await mailsTo(email)).toEqual([]);
  });

  it('refuses a form without a name or with a bad address, field by field', async () => {
    const { status, body } = await signUp({ name: ' ', email: 'not-an-address', language: 'de' });
    expect(status).toBe(422);
    expect(body.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual([
      'body.email',
      'body.language',
      'body.name',
    ]);
  });
});

describe('the sign-up link', () => {
  it('shows whom it is for, makes an account with no roles, signs in, and is spent', async () => {
    const email = newAddress();
    await signUp({ name: 'Kari Klynge', email, language: 'nb' });
    const token = (await linkCodeFor(email))!;

    const preview = await t.get(`/api/auth/sign-up-links/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email,
      name: 'Kari Klynge',
      language: 'nb',
      state: 'open',
      existingAccount: false,
    });

    const weak = await t.send('POST', '/api/auth/sign-up/complete', { token, password: 'kort' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].path).toEqual(['body', 'password']);

    const done = await t.send('POST', '/api/auth/sign-up/complete', { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: 'account', name: 'Kari Klynge', email, grants: [] });
    const cookie = done.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.get('/api/auth/me', { headers: { cookie } })).body.email).toBe(email);
    expect(await t.db.$count(roleGrants, eq(roleGrants.accountId, done.body.accountId))).toBe(0);
    await t.signIn(email, NEW_PASSWORD);

    const [row] = await t.db.select().from(signUps).where(eq(signUps.email, email));
    expect(row).toMatchObject({ accountId: done.body.accountId });
    expect(row!.usedAt).not.toBeNull();
    const trail = await t.db
      .select({ action: auditEvents.action, actorName: auditEvents.actorName })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'sign_up'), eq(auditEvents.entityId, row!.id)));
    expect(trail).toEqual(
      expect.arrayContaining([
        { action: 'sign_up.requested', actorName: 'system' },
        { action: 'sign_up.completed', actorName: 'Kari Klynge' },
      ]),
    );

    const again = await t.send('POST', '/api/auth/sign-up/complete', { token, password: NEW_PASSWORD });
    expect(again.status).toBe(409);
    expect((await t.get(`/api/auth/sign-up-links/${token}`)).body.state).toBe('used');
  });

  it('expires after 24 hours', async () => {
    const email = newAddress();
    await signUp({ name: 'Sen Person', email });
    const token = (await linkCodeFor(email))!;
    const later = t.at(new Date(new Date(TEST_TODAY).getTime() + 24 * 3_600_000 + 1_000).toISOString());
    expect((await later.get(`/api/auth/sign-up-links/${token}`)).body.state).toBe('expired');
    const response = await later.send('POST', '/api/auth/sign-up/complete', {
      token,
      password: NEW_PASSWORD,
    });
    expect(response.status).toBe(409);
    expect(await t.db.$count(accounts, eq(accounts.email, email))).toBe(0);
  });

  it('makes no second account when the address got one another way in the meantime', async () => {
    const email = newAddress();
    await signUp({ name: 'Dobbel', email });
    const token = (await linkCodeFor(email))!;
    await createTestAccount(t.db, 'assessor', {}, { email });
    expect((await t.get(`/api/auth/sign-up-links/${token}`)).body.existingAccount).toBe(true);
    const response = await t.send('POST', '/api/auth/sign-up/complete', { token, password: NEW_PASSWORD });
    expect(response.status).toBe(409);
    expect(await t.db.$count(accounts, eq(accounts.email, email))).toBe(1);
    await t.signIn(email, TEST_PASSWORD);
  });

  it('is not found for a code nobody was sent, and refused for one that is not a code', async () => {
    const unknown = 'A'.repeat(43);
    expect((await t.get(`/api/auth/sign-up-links/${unknown}`)).status).toBe(404);
    expect(
      (await t.send('POST', '/api/auth/sign-up/complete', { token: unknown, password: NEW_PASSWORD })).status,
    ).toBe(404);
    expect((await t.get('/api/auth/sign-up-links/short')).status).toBe(422);
  });

  it('deletes links never used a week after they expired, when the next sign-up comes', async () => {
    const email = newAddress();
    await signUp({ name: 'Glemt', email });
    const weekLater = t.at(new Date(new Date(TEST_TODAY).getTime() + 9 * 24 * 3_600_000).toISOString());
    await weekLater.send('POST', '/api/auth/sign-up', { name: 'Neste', email: newAddress() });
    expect(await t.db.$count(signUps, eq(signUps.email, email))).toBe(0);
  });
});
