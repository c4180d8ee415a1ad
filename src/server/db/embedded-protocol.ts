import { join } from 'node:path';

/** node-postgres finds a unix socket as `${host}/.s.PGSQL.${port}`, so the socket gets that name. */
export const EMBEDDED_SOCKET_PORT = 5432;

export function embeddedSocketPath(dataDir: string): string {
  return join(dataDir, `.s.PGSQL.${EMBEDDED_SOCKET_PORT}`);
}

export type EmbeddedMessage =
  | { type: 'ready'; socketPath: string }
  | { type: 'locked'; message: string; pid: number }
  | { type: 'failed'; message: string };
