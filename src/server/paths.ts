import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the web app. */
export const DIST_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));
