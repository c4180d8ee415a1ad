import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the test suite, made from the installed server binaries in a
 * temporary directory on a free port, with trust authentication on loopback only. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` system user.
 */
export type PostgresServer = { url(database: string): string; port: number; stop(): Promise<void> };

export function findPostgresBinDir(): string {
  const fromEnv = process.env.KLYNGE_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  throw new Error(
    'No PostgreSQL server binaries found (initdb, pg_ctl). Install them with:\n' +
      '  apt-get update && apt-get install -y postgresql\n' +
      'or set KLYNGE_PG_BIN to the directory that holds initdb.',
  );
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
  const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'klynge-pg-'));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = join(dir, 'data');
  run(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    async stop() {
      await new Promise<void>((done) => {
        const [command, args] = asRoot
          ? [
              'runuser',
              ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'fast', '-w', 'stop'],
            ]
          : [join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']];
        spawn(command, args as string[], { stdio: 'ignore' }).on('exit', () => done());
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on a database of the server, outside any pool. */
export async function runStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
