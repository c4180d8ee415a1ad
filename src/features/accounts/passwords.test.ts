import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords';

describe('password strength', () => {
  it('asks for length, not for character classes', () => {
    expect(checkPasswordStrength('Sh0rt!pw')?.code).toBe('too_short');
    expect(checkPasswordStrength('fjorden ved fjellet i nord')).toBeUndefined();
  });

  it('refuses the most common long passwords, in any case', () => {
    expect(checkPasswordStrength('Password1234')?.code).toBe('too_common');
    expect(checkPasswordStrength('KLYNGEKLYNGE')?.code).toBe('too_common');
    expect(checkPasswordStrength('zzzzzzzzzzzzzzzz')?.code).toBe('too_common');
  });

  it('refuses a password that contains the e-mail address', () => {
    expect(checkPasswordStrength('kari.nordmann-2026', 'kari.nordmann@example.no')?.code).toBe(
      'contains_email',
    );
  });
});

describe('password hashing', () => {
  it('uses argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('en lang og god setning');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'en lang og god setning')).toBe(true);
    expect(await verifyPassword(hash, 'en lang og god setning!')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
