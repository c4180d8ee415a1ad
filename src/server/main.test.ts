import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLockHolder } from './db/data-dir-lock';
import { loadEnv } from './env';
import { startServer } from './main';

const dir = mkdtempSync(join(tmpdir(), 'klynge-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server process', () => {
  it('starts in production mode migrated and empty, answers, and shuts down cleanly', async () => {
    const env = loadEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      KLYNGE_DATA_DIR: dir,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://klynge.example.no',
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(env);
    const base = `http://127.0.0.1:${server.port}`;
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // A production start never loads the demo: there is no programme yet.
      expect((await fetch(`${base}/api/programme`)).status).toBe(404);
      expect(findLockHolder(dir)).toBeDefined();
    } finally {
      await server.stop();
    }
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(findLockHolder(dir)).toBeUndefined();
  }, 60_000);
});
