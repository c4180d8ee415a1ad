// npm start: build the web app (about two seconds), then serve it with the API.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { register } = await import('tsx/esm/api');
register();
const { runServer } = await import('../src/server/main.ts');
await runServer();
