import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { type ClientRequest, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDiskFileStore } from '../../server/files/disk-file-store';
import type { FileStore } from '../../server/files/file-store';
import { csrfTokenFor } from '../../server/http/csrf';
import { createLogger } from '../../server/logger';
import { setupTestApp, TEST_PUBLIC_URL } from '../../testing/harness';
import { sampleExe, samplePdf } from '../../testing/sample-files';
import { createTestAccount, TEST_PASSWORD } from '../accounts/accounts.seed';
import { createCall } from '../calls/calls.seed';
import { createCluster } from '../clusters/clusters.seed';
import { createOrganisation } from '../organisations/organisations.seed';
import { createProgramme } from '../programme/programme.seed';
import { completeSections, createApplication } from './applications.seed';

// Uploads over a real connection: what a client sees while it is still sending, and what is left
// on disk when an upload is refused or dropped half way.

const t = setupTestApp();
const MB = 1024 * 1024;
const BOUNDARY = 'klynge-vedlegg-grense';

let root: string;
/** How each upload the store was given ended, in order. */
let outcomes: ('stored' | 'refused')[];
let base: string;
let closeServer: () => Promise<void>;
let manager: string;
let clusterId: string;
let hostOrgnr: string;
let companies: string[];
let managerEmail: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'klynge-upload-'));
  const disk = createDiskFileStore(root);
  outcomes = [];
  const files: FileStore = {
    ...disk,
    async put(source, options) {
      try {
        const stored = await disk.put(source, options);
        outcomes.push('stored');
        return stored;
      } catch (error) {
        outcomes.push('refused');
        throw error;
      }
    },
  };
  const app = createApp({
    database: t.database,
    clock: t.clock,
    files,
    logger: createLogger('silent'),
    publicUrl: TEST_PUBLIC_URL,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((listening) => server.once('listening', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () =>
    new Promise((closed) => {
      server.close(() => closed());
      (server as import('node:http').Server).closeAllConnections();
    });

  const programme = await createProgramme(t.db);
  hostOrgnr = (await createOrganisation(t.db, { name: 'Vertskapet AS' })).orgnr;
  clusterId = (await createCluster(t.db, programme, { name: 'Opplasterklyngen', hostOrgnr })).id;
  companies = [];
  for (let i = 0; i < 5; i++)
    companies.push((await createOrganisation(t.db, { name: `Firma ${i} AS` })).orgnr);
  const account = await createTestAccount(t.db, 'cluster_manager', { clusterId });
  managerEmail = account.email;
  manager = await t.signIn(account.email, TEST_PASSWORD);
});

afterAll(async () => {
  await closeServer?.();
  await rm(root, { recursive: true, force: true });
});

async function draft(status: 'draft' | 'submitted' = 'draft') {
  const call = await createCall(t.db, {
    status: 'open',
    deadlineAt: new Date('2026-07-01T10:00:00Z'),
    plannedDecisionAt: new Date('2026-10-01T10:00:00Z'),
    levels: [{ level: 'arena', moneyNok: 10_000_000 }],
  });
  return createApplication(t.db, {
    callId: call.id,
    clusterId,
    levelCode: 'arena',
    contactEmail: managerEmail,
    status,
    sections: completeSections({
      level: 'arena',
      ownerOrgnr: hostOrgnr,
      partners: companies.map((orgnr) => ({ orgnr })),
      firstYear: 2026,
    }),
  });
}

const partHead = (fileName: string) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
const formEnd = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

type Answer = { status: number; contentType: string; body: any };

/**
 * An upload sent over a socket the test controls: `write` sends bytes and waits until the socket
 * has taken them, `end` finishes the body. `answer` is what the client reads back, or the error a
 * client meets when the server resets the connection.
 */
function openUpload(applicationId: string, options: { length?: number } = {}) {
  const session = /klynge_session=([^;]+)/.exec(manager)![1]!;
  const req: ClientRequest = request(`${base}/api/applications/${applicationId}/attachments`, {
    method: 'POST',
    headers: {
      cookie: manager,
      origin: TEST_PUBLIC_URL,
      'x-csrf-token': csrfTokenFor(session),
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      ...(options.length === undefined ? {} : { 'content-length': String(options.length) }),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          body: text ? JSON.parse(text) : undefined,
        });
      });
      response.on('error', reject);
    });
    req.on('error', reject);
  });
  // Keeps an early rejection from counting as unhandled before the test awaits it.
  answer.catch(() => {});
  return {
    answer,
    write: (bytes: Uint8Array) =>
      new Promise<void>((written, failed) =>
        req.write(bytes, (error) => (error ? failed(error) : written())),
      ),
    end: (bytes?: Uint8Array) => new Promise<void>((ended) => req.end(bytes, () => ended())),
    drop: () => req.destroy(),
  };
}

/** Waits until `condition` holds, checking every 20 ms, for at most `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The condition did not come true in time.');
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

const incoming = async () => (existsSync(join(root, 'incoming')) ? readdir(join(root, 'incoming')) : []);

/** Every file under a hash in the store. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('incoming'))
    .map((entry) => entry.name);
}

const listAttachments = async (id: string) =>
  (await t.get(`/api/applications/${id}/attachments`, { headers: { cookie: manager } })).body.items;

describe('POST /api/applications/{id}/attachments over a connection', () => {
  it('refuses a file past 10 MB while it is still arriving, keeps nothing, and the client reads the 413', async () => {
    const application = await draft();
    const before = outcomes.length;
    const upload = openUpload(application.id);
    await upload.write(partHead('for-stor.pdf'));
    await upload.write(samplePdf());
    for (let i = 0; i < 11; i++) await upload.write(Buffer.alloc(MB, 0x20));
    // The refusal comes while the client has five more megabytes to send: nothing was held back
    // until the body ended, and nothing of it is left on disk.
    await until(() => outcomes.length > before);
    expect(outcomes.slice(before)).toEqual(['refused']);
    expect(await incoming()).toEqual([]);
    expect(await storedFiles()).toEqual([]);
    for (let i = 0; i < 5; i++) await upload.write(Buffer.alloc(MB, 0x20));
    await upload.end(formEnd);
    const answer = await upload.answer;
    expect(answer).toMatchObject({
      status: 413,
      contentType: 'application/problem+json',
      body: {
        code: 'payload_too_large',
        errors: [{ path: ['body', 'file'], message: 'it is larger than 10 MB' }],
      },
    });
    expect(await listAttachments(application.id)).toEqual([]);
  });

  it('refuses a program by its first bytes, before the rest of it arrives', async () => {
    const application = await draft();
    const before = outcomes.length;
    const upload = openUpload(application.id);
    await upload.write(partHead('budsjett.pdf'));
    await upload.write(Buffer.concat([sampleExe(), Buffer.alloc(64 * 1024)]));
    await until(() => outcomes.length > before);
    expect(await incoming()).toEqual([]);
    await upload.write(Buffer.alloc(4 * MB));
    await upload.end(formEnd);
    expect(await upload.answer).toMatchObject({
      status: 422,
      contentType: 'application/problem+json',
      body: { errors: [{ path: ['body', 'file'], message: 'it is a Windows program (EXE or DLL)' }] },
    });
  });

  it.each([
    ['sent in chunks', undefined],
    ['of a declared length', partHead('plan.pdf').length + 12 * MB + formEnd.length],
  ])(
    'lets a client still sending a refused upload %s read the answer, not a reset connection',
    async (_how, length) => {
      // A submitted application takes no more files: the answer is known before a byte of the file
      // is read, and the client sends its twelve megabytes slowly, over more than a second.
      const application = await draft('submitted');
      const upload = openUpload(application.id, { length });
      await upload.write(partHead('plan.pdf'));
      for (let i = 0; i < 12; i++) {
        await upload.write(Buffer.alloc(MB, 0x20));
        await new Promise((wait) => setTimeout(wait, 100));
      }
      await upload.end(formEnd);
      expect(await upload.answer).toMatchObject({
        status: 409,
        contentType: 'application/problem+json',
        body: { code: 'invalid_state' },
      });
    },
  );

  it('leaves no file behind when the client drops the connection half way', async () => {
    const application = await draft();
    const before = outcomes.length;
    const upload = openUpload(application.id);
    await upload.write(partHead('halvveis.pdf'));
    await upload.write(samplePdf());
    await upload.write(Buffer.alloc(3 * MB, 0x20));
    // The bytes are on their way to disk while the body still arrives.
    await until(async () => (await incoming()).length === 1);
    upload.drop();
    await until(() => outcomes.length > before);
    expect(outcomes.slice(before)).toEqual(['refused']);
    await until(async () => (await incoming()).length === 0);
    expect(await storedFiles()).toEqual([]);
    expect(await listAttachments(application.id)).toEqual([]);
  });

  it('stores a file streamed in chunks and answers 201', async () => {
    const application = await draft();
    const upload = openUpload(application.id);
    await upload.write(partHead('Søknad – vedlegg.pdf'));
    const pdf = Buffer.concat([samplePdf(), Buffer.alloc(2 * MB, 0x20)]);
    for (let at = 0; at < pdf.length; at += 256 * 1024) await upload.write(pdf.subarray(at, at + 256 * 1024));
    await upload.end(formEnd);
    expect(await upload.answer).toMatchObject({
      status: 201,
      body: { fileName: 'Søknad – vedlegg.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length },
    });
    expect(await incoming()).toEqual([]);
  });

  it('answers a form without the file, and one cut off before its end, with a field error, keeping nothing', async () => {
    const application = await draft();
    const noFile = openUpload(application.id);
    await noFile.end(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nHei\r\n--${BOUNDARY}--\r\n`,
      ),
    );
    expect(await noFile.answer).toMatchObject({
      status: 422,
      body: { errors: [{ path: ['body', 'file'], message: 'the field "file" must hold a file' }] },
    });

    const before = outcomes.length;
    const cut = openUpload(application.id);
    await cut.write(partHead('avkortet.pdf'));
    await cut.end(Buffer.concat([samplePdf(), Buffer.alloc(100_000, 0x20)]));
    expect(await cut.answer).toMatchObject({
      status: 422,
      body: { errors: [{ path: ['body', 'file'], message: 'the form could not be read' }] },
    });
    expect(outcomes.slice(before)).toEqual(['refused']);
    expect(await incoming()).toEqual([]);
    expect(await listAttachments(application.id)).toEqual([]);
  });
});
