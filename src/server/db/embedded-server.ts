/**
 * The embedded database process. It owns a PGlite data directory (holding its lock), and serves it
 * over a unix socket in that directory so the app, the CLI and the tests talk to it through the
 * same node-postgres driver as to a PostgreSQL server. Running PGlite here and not in the HTTP
 * process keeps a slow query from freezing every request.
 *
 * Started by startEmbeddedDatabase() with an IPC channel; it exits when that channel closes, so it
 * never outlives the process that needs it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';
import { type EmbeddedMessage, embeddedSocketPath } from './embedded-protocol';
import { SESSION_SETTINGS } from './session-settings';

function send(message: EmbeddedMessage): void {
  process.send?.(message);
}

async function main(dataDir: string): Promise<void> {
  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      send({ type: 'locked', message: error.message, pid: error.holder.pid });
      process.exit(3);
    }
    throw error;
  }

  const socketPath = embeddedSocketPath(dataDir);
  rmSync(socketPath, { force: true });
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: { pg_trgm } });
  // Every connection shares this one session, so its settings are every connection's.
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
    await db.query('select set_config($1, $2, false)', [name, value]);
  }
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 64 });
  await server.start();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      await db.close();
    } finally {
      rmSync(socketPath, { force: true });
      release();
      process.exit(0);
    }
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  send({ type: 'ready', socketPath });
}

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: embedded-server DATA_DIR');
  process.exit(2);
}
main(dataDir).catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
