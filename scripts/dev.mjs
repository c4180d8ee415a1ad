// npm run dev: the API server (restarting on change) and Vite's dev server with hot reload.
import { spawn } from 'node:child_process';

// People use the app through Vite's port, so links in mail point there unless told otherwise.
const env = { PUBLIC_URL: 'http://localhost:5173', ...process.env };
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
console.log('API on http://localhost:3000, app with hot reload on http://localhost:5173');
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
