import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../testing/harness';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { LIMITS } from './throttle';

const t = setupTestApp();

const attempt = (email: string, password: string) => t.send('POST', '/api/auth/login', { email, password });

describe('sign-in throttling', () => {
  it('slows an account down from one address after ten failures in a window, even with the right password', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.pair; i++)
      expect((await attempt(email, 'wrong password here')).status).toBe(401);
    const blocked = await attempt(email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      code: 'rate_limited',
      detail: expect.stringMatching(/Wait \d+ seconds?/),
    });
  });

  it('answers the same for an address that has no account, so throttling reveals nothing', async () => {
    for (let i = 0; i < LIMITS.pair; i++) await attempt('nobody-here@example.test', 'some guess or other');
    expect((await attempt('nobody-here@example.test', 'another guess')).status).toBe(429);
  });

  it('ignores X-Forwarded-For when no proxy is trusted, so a guesser cannot name a new address each time', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    const from = (i: number) => ({ headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    for (let i = 0; i < LIMITS.pair; i++)
      await t.send('POST', '/api/auth/login', { email, password: 'wrong password here' }, from(i));
    const answer = await t.send('POST', '/api/auth/login', { email, password: TEST_PASSWORD }, from(99));
    expect(answer.status).toBe(429);
  });

  it('forgives earlier failures once the right password is given', async () => {
    const { email } = await createTestAccount(t.db, 'programme_staff');
    for (let i = 0; i < LIMITS.pair - 1; i++) await attempt(email, 'wrong password here');
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < LIMITS.pair - 1; i++) await attempt(email, 'wrong password here');
    expect((await attempt(email, TEST_PASSWORD)).status).toBe(200);
  });
});
