import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { acquireDataDirLock, DataDirLockedError, findLockHolder, LOCK_FILE } from './data-dir-lock';
import { restartDelayMs } from './embedded';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klynge-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('lets one process hold a directory and refuses a second with a clear message', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    try {
      expect(findLockHolder(dir)).toEqual({ pid: process.pid });
      expect(() => acquireDataDirLock(dir)).toThrowError(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrowError(/in use by another Klynge process \(pid \d+\)/);
    } finally {
      release();
    }
    expect(findLockHolder(dir)).toBeUndefined();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '999999999');
    expect(findLockHolder(dir)).toBeUndefined();
    const release = acquireDataDirLock(dir);
    expect(findLockHolder(dir)).toEqual({ pid: process.pid });
    release();
  });
});

describe('the embedded database', () => {
  it('refuses a second server on the same directory, and lets a command join through the socket', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'embedded', dataDir: dir });
    try {
      await first.pool.query('create table notes (id int primary key, text text not null)');
      await first.pool.query(`insert into notes values (1, 'kept')`);

      await expect(openDatabase({ kind: 'embedded', dataDir: dir })).rejects.toThrowError(
        /is in use by another Klynge process/,
      );

      const joined = await openDatabase({ kind: 'embedded', dataDir: dir, joinRunning: true });
      const { rows } = await joined.pool.query('select text from notes where id = 1');
      expect(rows).toEqual([{ text: 'kept' }]);
      await joined.pool.query(`insert into notes values (2, 'from the command')`);
      await joined.close();

      const after = await first.pool.query('select count(*)::int as n from notes');
      expect(after.rows[0].n).toBe(2);
    } finally {
      await first.close();
    }
    // Closed cleanly: the lock is gone and the data is still there on reopening.
    expect(findLockHolder(dir)).toBeUndefined();
    const reopened = await openDatabase({ kind: 'embedded', dataDir: dir });
    const { rows } = await reopened.pool.query('select count(*)::int as n from notes');
    expect(rows[0].n).toBe(2);
    await reopened.close();
  }, 60_000);

  it('starts its process again when it dies, handing the lock to the new process, and logs it', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const database = await openDatabase({ kind: 'embedded', dataDir: dir }, { logger });
    try {
      await database.pool.query('create table notes (id int primary key)');
      await database.pool.query('insert into notes values (1)');
      const first = findLockHolder(dir)!;
      process.kill(first.pid, 'SIGKILL');

      const deadline = Date.now() + 30_000;
      let rows: unknown[] | undefined;
      while (!rows && Date.now() < deadline) {
        rows = await database.pool.query('select id from notes').then(
          (result) => result.rows,
          () => new Promise<undefined>((done) => setTimeout(done, 100)),
        );
      }
      expect(rows).toEqual([{ id: 1 }]);
      const second = findLockHolder(dir);
      expect(second?.pid).toBeDefined();
      expect(second?.pid).not.toBe(first.pid);
      expect(lines.join('')).toContain('the embedded database process stopped; starting it again');
      expect(lines.join('')).toContain('the embedded database is running again');
    } finally {
      await database.close();
    }
    expect(findLockHolder(dir)).toBeUndefined();
  }, 60_000);
});

describe('restarts of the embedded database', () => {
  it('come at once, then further apart while the process keeps failing, at most ten seconds apart', () => {
    expect([0, 1, 2, 3, 10].map(restartDelayMs)).toEqual([200, 400, 800, 1_600, 10_000]);
  });
});
