import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

/**
 * Serves a fetch handler on a free local port, for a benchmark to load over real HTTP. `close`
 * ends the connections the load generator keeps open, so the run does not wait for them.
 */
export async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  const port = await new Promise<number>((done, fail) => {
    server.once('listening', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : 0);
    });
    server.once('error', fail);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
