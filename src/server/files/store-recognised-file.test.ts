import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocx, sampleExe, sampleJpeg, samplePng, sampleXlsx } from '../../testing/sample-files';
import { createDiskFileStore } from './disk-file-store';
import type { FileStore } from './file-store';
import { MAX_FILE_BYTES, storeRecognisedFile } from './store-recognised-file';

let root: string;
let files: FileStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'klynge-files-'));
  files = createDiskFileStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const field = ['body', 'file'];

describe('storing an uploaded file', () => {
  it('stores a workbook sent as "budget.pdf" as the workbook it is', async () => {
    const xlsx = sampleXlsx();
    const stored = await storeRecognisedFile(files, Readable.from([xlsx]), { field });
    expect(stored).toEqual({
      hash: sha256(xlsx),
      size: xlsx.length,
      kind: 'xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(await files.exists(stored.hash)).toBe(true);
  });

  it('refuses a program renamed to a document, with a field error saying what it is, and keeps nothing', async () => {
    const exe = sampleExe();
    await expect(storeRecognisedFile(files, exe, { field })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ path: field, message: 'it is a Windows program (EXE or DLL)' }],
    });
    expect(await files.exists(sha256(exe))).toBe(false);
  });

  it('refuses text saved under a document name', async () => {
    await expect(
      storeRecognisedFile(files, Buffer.from('Budsjett 2027: 1 500 000 kr\n'), { field }),
    ).rejects.toMatchObject({ fieldErrors: [{ message: 'it is plain text' }] });
  });

  it('refuses a kind this use does not take', async () => {
    await expect(
      storeRecognisedFile(files, samplePng(), { field, kinds: ['pdf', 'docx'] }),
    ).rejects.toMatchObject({
      fieldErrors: [{ message: 'only PDF and DOCX files are taken here, and this one is PNG' }],
    });
    expect((await storeRecognisedFile(files, sampleDocx(), { field, kinds: ['pdf', 'docx'] })).kind).toBe(
      'docx',
    );
  });

  it('refuses a file past 10 MB while it streams, before reading the rest', async () => {
    let chunks = 0;
    async function* twentyMegabytes() {
      for (let i = 0; i < 20; i++) {
        chunks += 1;
        yield i === 0 ? sampleJpeg() : Buffer.alloc(1024 * 1024);
      }
    }
    await expect(storeRecognisedFile(files, twentyMegabytes(), { field })).rejects.toMatchObject({
      code: 'payload_too_large',
      fieldErrors: [{ path: field, message: 'it is larger than 10 MB' }],
    });
    expect(chunks).toBe(11);
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('refuses a file by its first bytes before reading the rest, when they already rule it out', async () => {
    let chunks = 0;
    async function* programThenMore() {
      for (let i = 0; i < 8; i++) {
        chunks += 1;
        yield i === 0 ? Buffer.concat([sampleExe(), Buffer.alloc(8192)]) : Buffer.alloc(1024 * 1024);
      }
    }
    await expect(storeRecognisedFile(files, programThenMore(), { field })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ path: field, message: 'it is a Windows program (EXE or DLL)' }],
    });
    expect(chunks).toBe(1);
  });

  it('waits for the whole of a ZIP archive, whose kind is told by the directory at its end', async () => {
    const docx = sampleDocx();
    async function* inPieces() {
      for (let at = 0; at < docx.length; at += 100) yield docx.subarray(at, at + 100);
    }
    expect((await storeRecognisedFile(files, inPieces(), { field })).kind).toBe('docx');
  });
});
