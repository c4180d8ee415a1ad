import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose commits. The
 * process that owns the embedded database holds this lock file (its pid inside) for its lifetime.
 */
export const LOCK_FILE = 'klynge.lock';

export type LockHolder = { pid: number };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Klynge process (pid ${holder.pid}). ` +
        'Stop that process, or point KLYNGE_DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the lock, or undefined when the directory is free (a stale lock counts as free). */
export function findLockHolder(dataDir: string): LockHolder | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, LOCK_FILE), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? { pid } : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process or throws DataDirLockedError. Returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = findLockHolder(dataDir);
      if (holder) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock file ${path}.`);
}
