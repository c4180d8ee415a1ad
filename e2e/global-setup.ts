// Starts the real server (`klynge serve`, as a user would) on a fresh embedded data directory,
// which seeds the demo on first start, and waits until it is ready. A test OpenID Connect
// provider runs beside it for single sign-on, with the demo cluster manager as a person there.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST_DIR } from '../src/server/paths';
import { startTestProvider } from '../src/testing/oidc-provider';
import { freePort } from '../src/testing/postgres-server';

async function waitUntilReady(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The server was not ready within ${seconds} s.`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error('The browser tests need the built app: run `npm run build` first (npm test does).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'klynge-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider({
    redirectUris: [`${baseUrl}/api/auth/oidc/callback`],
    people: { kim: { email: 'kim@demo.klynge.example', email_verified: true, name: 'Kim' } },
  });
  const sso = provider.settings();
  const child = spawn(process.execPath, ['bin/klynge.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      // The address the browser uses: links in mail and the sign-on redirect point there.
      PUBLIC_URL: baseUrl,
      KLYNGE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      OIDC_ISSUER: sso.issuer,
      OIDC_CLIENT_ID: sso.clientId,
      OIDC_DISPLAY_NAME: sso.displayName,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilReady(baseUrl, child, 120);
  } catch (error) {
    child.kill('SIGKILL');
    await provider.close();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    await provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
