import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../testing/harness';
import { createUser, readCreateUserRequest } from './create-user';

const t = setupTestApp();

describe('klynge create-user', () => {
  it('creates an account with the password piped in, which then signs in', async () => {
    const stdout = new PassThrough();
    let said = '';
    stdout.on('data', (chunk) => {
      said += String(chunk);
    });
    const io = {
      stdin: Readable.from(['pipe-line passphrase 2026\n']),
      stdout,
      stderr: new PassThrough(),
      env: {},
    };
    const args = ['--email', 'cli@example.test', '--name', 'Cli Operatør', '--role', 'operator_admin'];
    const request = await readCreateUserRequest([...args, '--password-stdin'], io);
    if (typeof request === 'number') throw new Error(`refused with ${request}`);
    expect(await createUser(t.db, request, io)).toBe(0);
    expect(said).toBe('Created cli@example.test (operator_admin).\n');
    const cookie = await t.signIn('cli@example.test', 'pipe-line passphrase 2026');
    expect((await t.get('/api/auth/me', { headers: { cookie } })).body.grants).toEqual([
      { role: 'operator_admin', clusterId: null, organisationId: null },
    ]);
  });
});
