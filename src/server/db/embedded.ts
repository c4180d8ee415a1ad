import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataDirLockedError, findLockHolder } from './data-dir-lock';
import { EMBEDDED_SOCKET_PORT, type EmbeddedMessage, embeddedSocketPath } from './embedded-protocol';

export type EmbeddedDatabase = {
  /** Connection settings for node-postgres. */
  connection: { host: string; port: number; user: string; database: string };
  /** Whether this process started the database (and so stops it), or joined a running one. */
  owned: boolean;
  stop(): Promise<void>;
};

const serverScript = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));
// The child runs TypeScript through tsx's loader, found from this package and not from the
// working directory, so `npx klynge` works from anywhere.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function connectionFor(dataDir: string) {
  return { host: dataDir, port: EMBEDDED_SOCKET_PORT, user: 'postgres', database: 'postgres' };
}

/** Starts the embedded database process on a data directory and waits until it accepts connections. */
export async function startEmbeddedDatabase(dataDirInput: string): Promise<EmbeddedDatabase> {
  const dataDir = resolve(dataDirInput);
  const child = fork(serverScript, [dataDir], {
    execArgv: ['--import', tsxLoader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const message = await new Promise<EmbeddedMessage>((done, fail) => {
    child.once('message', (m) => done(m as EmbeddedMessage));
    child.once('exit', (code) => fail(new Error(`The embedded database process exited with code ${code}.`)));
    child.once('error', fail);
  });
  if (message.type === 'locked') throw new DataDirLockedError(dataDir, { pid: message.pid });
  if (message.type === 'failed') throw new Error(`The embedded database could not start: ${message.message}`);
  child.removeAllListeners('exit');
  return { connection: connectionFor(dataDir), owned: true, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.disconnect();
  });
}

/**
 * For CLI commands: join the database of a running Klynge process through its socket, or start
 * one of our own when the directory is free.
 */
export async function openEmbeddedDatabase(dataDirInput: string): Promise<EmbeddedDatabase> {
  const dataDir = resolve(dataDirInput);
  if (findLockHolder(dataDir) && existsSync(embeddedSocketPath(dataDir))) {
    return { connection: connectionFor(dataDir), owned: false, stop: async () => {} };
  }
  return startEmbeddedDatabase(dataDir);
}
