import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the test suite, made from the installed server binaries in a
 * temporary directory on a free port, with trust authentication on loopback only. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` system user.
 */
export type PostgresServer = {
  url(database: string): string;
  port: number;
  /** The postmaster's process id, read from its pid file. */
  postmasterPid(): number;
  /** The postmaster and the server processes it started: what a frozen server stops. */
  serverPids(): number[];
  /** Starts the server again on the same data directory and port, after it was killed. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export type PostgresServerOptions = {
  /**
   * Acknowledge a commit only once its WAL is written, as production does. Off by default: the
   * suite never kills its server, and asynchronous commit makes it faster. A test that kills the
   * server and then counts acknowledged writes needs it on.
   */
  durableCommits?: boolean;
};

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

function pgCtl(bin: string, args: string[]): string[] {
  const command = [join(bin, 'pg_ctl'), ...args];
  return asRoot ? ['runuser', '-u', 'postgres', '--', ...command] : command;
}

/** Process ids whose parent is `parent`, read from /proc. */
function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // The command name may hold spaces and parentheses; the fields after its last ")" are fixed.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
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
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    `-c synchronous_commit=${options.durableCommits ? 'on' : 'off'}`,
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = ['-D', dataDir, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start'];
  run(join(bin, 'pg_ctl'), start);

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    port,
    postmasterPid,
    serverPids() {
      const pid = postmasterPid();
      return [pid, ...childrenOf(pid)];
    },
    async restart() {
      // A killed postmaster's server processes notice and leave within a moment; until they have,
      // the new postmaster refuses the data directory (its shared memory is still in use).
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [command, ...args] = pgCtl(bin, start);
        const { status } = spawnSync(command!, args, { stdio: 'ignore', timeout: 20_000 });
        if (status === 0) return;
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not start again; see ${dir}/server.log`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    async stop() {
      await new Promise<void>((done) => {
        const [command, ...args] = pgCtl(bin, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
        spawn(command!, args, { stdio: 'ignore' }).on('exit', () => done());
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
