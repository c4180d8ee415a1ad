import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../server/http/app-error';

/** argon2id with the library's defaults (about 90 ms a hash on this kind of machine). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing in particular, verified against when the account does not exist, so a wrong
 * e-mail address takes as long as a wrong password and reveals nothing.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('klynge-decoy-password-never-used');
  return decoy;
}

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Passwords seen most often in leaks, and words anyone would try against a Norwegian cluster
 * platform. Length does most of the work; this list stops the obvious long ones.
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'passwordpassword',
  'password1234',
  'password12345',
  'passord12345',
  'passord123456',
  'qwertyuiopasdf',
  'qwerty123456',
  'iloveyou1234',
  'welcome12345',
  'velkommen123',
  'sommer2024!!',
  'sommer2025!!',
  'vinter2025!!',
  'klynge123456',
  'klyngeklynge',
  'innovasjon123',
  'innovasjonnorge',
  'norway123456',
  'norge1234567',
  'admin1234567',
  'administrator',
  'letmein12345',
  'changeme1234',
  'abcdefghijkl',
  'aaaaaaaaaaaa',
  '111111111111',
]);

export type PasswordProblem = { code: 'too_short' | 'too_common' | 'contains_email'; message: string };

/** Length and common passwords, not character classes (a long passphrase beats "P@ssw0rd!"). */
export function checkPasswordStrength(password: string, email?: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { code: 'too_short', message: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  const folded = password.toLowerCase();
  if (COMMON.has(folded) || /^(.)\1+$/.test(folded)) {
    return { code: 'too_common', message: 'This password is among the most common ones. Choose another.' };
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && folded.includes(local)) {
    return { code: 'contains_email', message: 'The password must not contain your e-mail address.' };
  }
  return undefined;
}

/** The hash of a new password, or a field error on `body.password` when the password is too weak. */
export async function hashNewPassword(password: string, email: string): Promise<string> {
  const weak = checkPasswordStrength(password, email);
  if (weak) {
    throw new AppError('validation_failed', weak.message, {
      fieldErrors: [{ path: ['body', 'password'], message: weak.message, code: weak.code }],
    });
  }
  return hashPassword(password);
}
