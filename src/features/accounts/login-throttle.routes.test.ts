import { describe, expect, it } from 'vitest';
import { setupTestApp, TEST_TODAY, type TestClient } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { LIMITS } from './throttle';

/** One proxy in front, as with TRUST_PROXY=1: the address is the one it appends to X-Forwarded-For. */
const t = setupTestApp({ trustProxy: 1 });

const ATTACKER = '203.0.113.9';
const USER = '198.51.100.7';
const WRONG = 'a wrong guess at the password';

/** The proxy in front: every request reaches the app from its socket, as Node's adapter passes it. */
const PROXY_ADDRESS = '10.0.0.2';

/** A sign-in through the proxy, which says in X-Forwarded-For whom it is forwarding. */
async function attempt(client: TestClient, email: string, password: string, from: string, cookie?: string) {
  const headers: Record<string, string> = {
    origin: 'http://localhost',
    'content-type': 'application/json',
    'x-forwarded-for': from,
    ...(cookie ? { cookie } : {}),
  };
  const response = await client.app.request(
    '/api/auth/login',
    { method: 'POST', headers, body: JSON.stringify({ email, password }) },
    { incoming: { headers, socket: { remoteAddress: PROXY_ADDRESS } } },
  );
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The browser's device cookie from a successful sign-in, as `name=value`. */
function deviceCookieOf(response: { headers: Headers }): string {
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('klynge_device='));
  if (!cookie) throw new Error('The sign-in set no device cookie.');
  return cookie;
}

function later(seconds: number): string {
  return new Date(new Date(TEST_TODAY).getTime() + seconds * 1000).toISOString();
}

describe('sign-in throttling that an attacker can neither race nor use', () => {
  it('checks at most ten of thirty wrong passwords sent at once', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt(t, email, WRONG, ATTACKER)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(LIMITS.pair);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
  });

  it('does not stop the user signing in from their own address while someone fails their password', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.pair + 5; i++) await attempt(t, email, WRONG, ATTACKER);
    expect((await attempt(t, email, WRONG, ATTACKER)).status).toBe(429);
    expect((await attempt(t, email, TEST_PASSWORD, USER)).status).toBe(200);
  });

  it('slows the guesser down rather than locking the account: the wait grows, but stays short', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.pair; i++) expect((await attempt(t, email, WRONG, ATTACKER)).status).toBe(401);
    const slowed = await attempt(t, email, TEST_PASSWORD, ATTACKER);
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatchObject({
      code: 'rate_limited',
      detail: expect.stringMatching(/Wait \d+ seconds?/),
    });
    const wait = Number(slowed.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Once the wait is over, a guess is checked again, and the right password gets in.
    expect((await attempt(t.at(later(wait)), email, TEST_PASSWORD, ATTACKER)).status).toBe(200);
  });

  it('lets a browser that signed in before keep signing in from an address being slowed down', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    const device = deviceCookieOf(await attempt(t, email, TEST_PASSWORD, ATTACKER));
    for (let i = 0; i < LIMITS.pair + 5; i++) await attempt(t, email, WRONG, ATTACKER);
    expect((await attempt(t, email, TEST_PASSWORD, ATTACKER)).status).toBe(429);
    expect((await attempt(t, email, TEST_PASSWORD, ATTACKER, device)).status).toBe(200);
  });

  it('gives no way round with the device cookie of another account', async () => {
    const victim = await createTestAccount(t.db, 'programme_staff');
    const attacker = await createTestAccount(t.db, 'assessor');
    const device = deviceCookieOf(await attempt(t, attacker.email, TEST_PASSWORD, ATTACKER));
    for (let i = 0; i < LIMITS.pair; i++) await attempt(t, victim.email, WRONG, ATTACKER, device);
    expect((await attempt(t, victim.email, WRONG, ATTACKER, device)).status).toBe(429);
  });

  it('slows down a known browser too once it fails the password itself ten times', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    const device = deviceCookieOf(await attempt(t, email, TEST_PASSWORD, USER));
    for (let i = 0; i < LIMITS.pair; i++)
      expect((await attempt(t, email, WRONG, USER, device)).status).toBe(401);
    expect((await attempt(t, email, TEST_PASSWORD, USER, device)).status).toBe(429);
  });

  it('takes the address the trusted proxy saw, not one the client wrote into the header', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.pair; i++) await attempt(t, email, WRONG, `10.9.8.${i}, ${ATTACKER}`);
    expect((await attempt(t, email, WRONG, `10.9.9.9, ${ATTACKER}`)).status).toBe(429);
  });
});
