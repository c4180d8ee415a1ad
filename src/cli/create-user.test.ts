import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CommandIo, readCreateUserRequest } from './create-user';

const BIN = fileURLToPath(new URL('../../bin/klynge.mjs', import.meta.url));

function pipedIo(input: string, env: NodeJS.ProcessEnv = {}): CommandIo & { errors(): string } {
  const stderr = new PassThrough();
  let errors = '';
  stderr.on('data', (chunk) => {
    errors += String(chunk);
  });
  return { stdin: Readable.from([input]), stdout: new PassThrough(), stderr, env, errors: () => errors };
}

const ARGS = ['--email', 'ny@example.test', '--name', 'Ny Operatør', '--role', 'operator_admin'];

describe('klynge create-user without a terminal', () => {
  it('says in one line where the password can come from, and exits before opening a database', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'klynge-cli-')), 'data');
    const { KLYNGE_PASSWORD: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, [BIN, 'create-user', ...ARGS], {
      env: { ...env, KLYNGE_DATA_DIR: dataDir, DATABASE_URL: '' },
      input: '',
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'No password: pipe it in with --password-stdin, set KLYNGE_PASSWORD, or run the command in a terminal.',
    ]);
    expect(existsSync(dataDir)).toBe(false);
    // Starting Node with the TypeScript loader takes seconds on a busy machine.
  }, 30_000);

  it('takes the password from the first line of standard input with --password-stdin', async () => {
    const io = pipedIo('a long enough passphrase\nignored\n');
    const request = await readCreateUserRequest([...ARGS, '--password-stdin'], io);
    expect(request).toMatchObject({ email: 'ny@example.test', password: 'a long enough passphrase' });
  });

  it('takes KLYNGE_PASSWORD, and names a bad option in one line with the usage', async () => {
    const io = pipedIo('', { KLYNGE_PASSWORD: 'from the environment' });
    expect(await readCreateUserRequest(ARGS, io)).toMatchObject({ password: 'from the environment' });
    const wrong = pipedIo('');
    expect(await readCreateUserRequest([...ARGS, '--colour', 'red'], wrong)).toBe(2);
    expect(wrong.errors()).toMatch(/colour[\s\S]*Usage: klynge create-user/);
  });
});
