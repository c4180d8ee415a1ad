import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from '../logger';
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

/** Waits before starting the process again: 0.2 s, doubling with each failure in a row, at most 10 s. */
export function restartDelayMs(failuresInARow: number): number {
  return Math.min(200 * 2 ** failuresInARow, 10_000);
}
/** A process that served this long is counted as healthy: the next restart waits the least again. */
const HEALTHY_AFTER_MS = 30_000;

function connectionFor(dataDir: string) {
  return { host: dataDir, port: EMBEDDED_SOCKET_PORT, user: 'postgres', database: 'postgres' };
}

/** Starts the embedded database process and waits until it accepts connections. */
async function startProcess(dataDir: string): Promise<ChildProcess> {
  const child = fork(serverScript, [dataDir], {
    execArgv: ['--import', tsxLoader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const message = await new Promise<EmbeddedMessage>((done, fail) => {
    child.once('message', (m) => done(m as EmbeddedMessage));
    child.once('exit', (code) => fail(new Error(`The embedded database process exited with code ${code}.`)));
    child.once('error', fail);
  });
  child.removeAllListeners('exit');
  if (message.type === 'locked') throw new DataDirLockedError(dataDir, { pid: message.pid });
  if (message.type === 'failed') throw new Error(`The embedded database could not start: ${message.message}`);
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
  });
}

/**
 * Starts the embedded database process on a data directory and keeps it running: if it dies, it
 * is started again, at once and then with growing pauses while it keeps failing, and each restart
 * is logged. Meanwhile connections are refused and requests answered 503. The process holds the
 * directory's lock itself, so a restart takes over the lock only once the dead process is gone:
 * two processes never have the directory open. A command that takes the directory in the gap
 * holds it until it is done, and the restarts wait for it.
 */
export async function startEmbeddedDatabase(
  dataDirInput: string,
  options: { logger?: Logger } = {},
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(dataDirInput);
  const { logger } = options;
  let current = await startProcess(dataDir);
  let startedAt = Date.now();
  let failuresInARow = 0;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  let wakeRestart: () => void = () => {};

  const restart = async () => {
    while (!stopping) {
      const delay = restartDelayMs(failuresInARow);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, delay);
        wakeRestart = () => {
          clearTimeout(timer);
          done();
        };
      });
      if (stopping) return;
      try {
        const child = await startProcess(dataDir);
        if (stopping) {
          await stopProcess(child);
          return;
        }
        current = child;
        startedAt = Date.now();
        watch(child);
        logger?.warn(
          { pid: child.pid, attempt: failuresInARow + 1 },
          'the embedded database is running again',
        );
        return;
      } catch (error) {
        failuresInARow += 1;
        logger?.error(
          {
            reason: error instanceof Error ? error.message : String(error),
            retryInMs: restartDelayMs(failuresInARow),
          },
          'the embedded database could not be started again',
        );
      }
    }
  };

  const watch = (child: ChildProcess) => {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      failuresInARow = Date.now() - startedAt > HEALTHY_AFTER_MS ? 0 : failuresInARow + 1;
      logger?.error(
        { pid: child.pid, code, signal, restartInMs: restartDelayMs(failuresInARow) },
        'the embedded database process stopped; starting it again',
      );
      restarting = restart();
    });
  };
  watch(current);

  return {
    connection: connectionFor(dataDir),
    owned: true,
    async stop() {
      stopping = true;
      wakeRestart();
      await restarting;
      await stopProcess(current);
    },
  };
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
