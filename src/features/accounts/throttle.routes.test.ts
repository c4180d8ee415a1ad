import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { LIMITS } from './throttle';

const t = setupTestApp();

const attempt = (email: string, password: string) => t.send('POST', '/api/auth/login', { email, password });

describe('sign-in throttling', () => {
  it('stops an account after ten failures in a window, even with the right password', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.account; i++)
      expect((await attempt(email, 'wrong password here')).status).toBe(401);
    const blocked = await attempt(email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      code: 'rate_limited',
      detail: expect.stringMatching(/Wait 15 minutes/),
    });
  });

  it('answers the same for an address that has no account, so throttling reveals nothing', async () => {
    for (let i = 0; i < LIMITS.account; i++) await attempt('nobody-here@example.test', 'some guess or other');
    expect((await attempt('nobody-here@example.test', 'another guess')).status).toBe(429);
  });

  it('forgives earlier failures once the right password is given', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.account - 1; i++) await attempt(email, 'wrong password here');
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < LIMITS.account - 1; i++) await attempt(email, 'wrong password here');
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
  });
});
