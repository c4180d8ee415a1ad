import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEnv } from './context';
import { textStream } from './stream';

// A megabyte is more than a socket takes at once, so the producer fails while the server waits
// to write: the moment the Node server used to finish the response cleanly.
const FIRST = 'a'.repeat(1 << 20);
const SECRET = 'select secret from failing_query';

async function* failingExport() {
  yield FIRST;
  throw new Error(SECRET);
}

async function* fullExport() {
  yield 'id,name\n';
  yield '1,Klynge\n';
}

const logged: string[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });

function downloadApp(chunks: () => AsyncIterable<string>) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('logger', logger);
    await next();
  });
  app.get('/export.csv', (c) =>
    c.body(textStream(c, chunks(), 'test export'), 200, { 'content-type': 'text/csv; charset=utf-8' }),
  );
  return app;
}

type Download = { outcome: 'complete' | 'broken'; body: string };

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
  logged.length = 0;
});

/** Serves the app on a real socket and downloads the export as a client would. */
async function download(chunks: () => AsyncIterable<string>): Promise<Download> {
  const server = serve({ fetch: downloadApp(chunks).fetch, port: 0, hostname: '127.0.0.1' });
  close = () => server.close();
  await new Promise((listening) => server.once('listening', listening));
  const { port } = server.address() as AddressInfo;
  return new Promise((done, fail) => {
    http
      .get({ host: '127.0.0.1', port, path: '/export.csv' }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          body += text;
        });
        response.on('end', () => done({ outcome: response.complete ? 'complete' : 'broken', body }));
        response.on('error', () => done({ outcome: 'broken', body }));
      })
      .on('error', fail);
  });
}

describe('a streamed download', () => {
  it('arrives whole when the producer finishes', async () => {
    expect(await download(fullExport)).toEqual({ outcome: 'complete', body: 'id,name\n1,Klynge\n' });
  });

  it('breaks off for the client, with nothing of the error in it, when the producer fails half-way', async () => {
    const { outcome, body } = await download(failingExport);
    expect(outcome).toBe('broken');
    expect(body.length).toBeLessThanOrEqual(FIRST.length);
    expect(body).not.toContain('Error');
    expect(body).not.toContain(SECRET);
    expect(logged.join('')).toContain('test export failed');
  });

  it('errors the body for a caller in the same process', async () => {
    const response = await downloadApp(failingExport).request('/export.csv');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(SECRET);
  });
});
