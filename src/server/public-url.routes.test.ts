import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { mailMessages } from '../features/mail/mail.table';
import { setupTestApp, TEST_PUBLIC_URL } from '../testing/harness';
import { createApp } from './app';
import { CSRF_HEADER, csrfTokenFor } from './http/csrf';
import { createLogger } from './logger';

/**
 * Where the site is comes from PUBLIC_URL alone. The Host header, the request's scheme and
 * X-Forwarded-Proto are the client's to write, so none of them may decide where an e-mailed link
 * points or whether a cookie is kept to HTTPS.
 */

const t = setupTestApp();
const FORGED = 'http://evil.example';
let operator: { email: string; cookie: string };
let person: string;

beforeAll(async () => {
  const account = await createTestAccount(t.db, 'operator_admin');
  operator = { email: account.email, cookie: await t.signIn(account.email, TEST_PASSWORD) };
  person = (await createTestAccount(t.db, 'assessor')).email;
});

/** The text of the latest message to this address. */
async function latestMailTo(address: string): Promise<string> {
  const [message] = await t.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address))
    .orderBy(desc(mailMessages.createdAt));
  return message?.textBody ?? '';
}

/** A JSON write addressed to another host, as a forged Host header makes it, from a page on that host. */
function forged(path: string, body: unknown, cookie?: string) {
  const session = cookie?.split('=')[1];
  return t.app.request(`${FORGED}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: FORGED,
      ...(cookie && session ? { cookie, [CSRF_HEADER]: csrfTokenFor(session) } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe('links in e-mail', () => {
  it('point at PUBLIC_URL in a password-reset mail, whatever host the request named', async () => {
    const response = await forged('/api/auth/password-reset', { email: person });
    expect(response.status).toBe(202);
    const text = await latestMailTo(person);
    expect(text).toMatch(new RegExp(`^${TEST_PUBLIC_URL}/reset-password/[\\w-]{43}$`, 'm'));
    expect(text).not.toContain('evil.example');
  });

  it('point at PUBLIC_URL in an invitation, whatever host the request named', async () => {
    const invited = 'invited-by-forged-host@example.test';
    const response = await forged(
      '/api/invitations',
      { email: invited, name: 'Ina Invitert', grants: [{ role: 'assessor' }] },
      operator.cookie,
    );
    expect(response.status).toBe(201);
    const text = await latestMailTo(invited);
    expect(text).toMatch(new RegExp(`^${TEST_PUBLIC_URL}/invitations/[\\w-]{43}$`, 'm'));
    expect(text).not.toContain('evil.example');
  });
});

describe('the Secure flag of the cookies', () => {
  function appAt(publicUrl: string) {
    return createApp({
      database: t.database,
      clock: t.clock,
      files: t.files,
      logger: createLogger('silent'),
      publicUrl,
    });
  }

  // A sign-in sets the session, the CSRF token and the browser's device cookie.
  const SIGN_IN_COOKIES = ['klynge_csrf', 'klynge_device', 'klynge_session'];
  const cookieNames = (cookies: string[]) => cookies.map((cookie) => cookie.split('=')[0]).sort();

  async function signInCookies(publicUrl: string, headers: Record<string, string> = {}): Promise<string[]> {
    const response = await appAt(publicUrl).request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: publicUrl, ...headers },
      body: JSON.stringify({ email: operator.email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return response.headers.getSetCookie();
  }

  it('is set when PUBLIC_URL is https, even on a request that reached the app over plain http', async () => {
    const cookies = await signInCookies('https://klynge.example.no');
    expect(cookieNames(cookies)).toEqual(SIGN_IN_COOKIES);
    for (const cookie of cookies) expect(cookie).toContain('Secure');
  });

  it('is not set on an http site because a client says X-Forwarded-Proto: https', async () => {
    const cookies = await signInCookies(TEST_PUBLIC_URL, { 'x-forwarded-proto': 'https' });
    expect(cookieNames(cookies)).toEqual(SIGN_IN_COOKIES);
    for (const cookie of cookies) expect(cookie).not.toContain('Secure');
  });
});
