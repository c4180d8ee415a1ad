import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../testing/sample-files';
import { createDiskFileStore } from './disk-file-store';
import type { FileStore } from './file-store';

let root: string;
let store: FileStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'klynge-files-'));
  store = createDiskFileStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A stream of the bytes in chunks, and how many chunks were read from it. */
function chunked(bytes: Uint8Array, size: number) {
  const read = { chunks: 0 };
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += size) {
      read.chunks += 1;
      yield bytes.subarray(at, at + size);
    }
  }
  return { source: chunks(), read };
}

async function incomingFiles(): Promise<string[]> {
  return existsSync(join(root, 'incoming')) ? readdir(join(root, 'incoming')) : [];
}

describe('the file store on disk', () => {
  it('stores bytes under their SHA-256, in folders named by its first four characters', async () => {
    const pdf = samplePdf();
    const stored = await store.put(Readable.from([pdf]), { maxBytes: 1_000_000 });
    const hash = sha256(pdf);
    expect(stored).toEqual({ hash, size: pdf.length });
    expect(await readFile(join(root, hash.slice(0, 2), hash.slice(2, 4), hash))).toEqual(pdf);
    expect(await store.exists(hash)).toBe(true);
    expect(await incomingFiles()).toEqual([]);
  });

  it('gives the bytes back as a stream, and nothing for a hash it does not hold', async () => {
    const { hash } = await store.put(Buffer.from('Vedlegg til søknaden'), { maxBytes: 100 });
    expect(await text((await store.get(hash))!)).toBe('Vedlegg til søknaden');
    expect(await store.get(sha256(Buffer.from('never stored')))).toBeUndefined();
    expect(await store.exists(sha256(Buffer.from('never stored')))).toBe(false);
  });

  it('keeps one copy of bytes stored twice', async () => {
    const first = await store.put(Buffer.from('same bytes'), { maxBytes: 100 });
    const second = await store.put(chunked(Buffer.from('same bytes'), 3).source, { maxBytes: 100 });
    expect(second).toEqual(first);
    const folder = join(root, first.hash.slice(0, 2), first.hash.slice(2, 4));
    expect(await readdir(folder)).toEqual([first.hash]);
  });

  it('stops reading at the first chunk past the limit, and stores nothing', async () => {
    const big = Buffer.alloc(10_000, 7);
    const { source, read } = chunked(big, 1_000);
    await expect(store.put(source, { maxBytes: 2_500 })).rejects.toMatchObject({
      code: 'validation_failed',
      detail: 'The file is larger than 2.4 KB.',
    });
    expect(read.chunks).toBe(3);
    expect(await store.exists(sha256(big))).toBe(false);
    expect(await incomingFiles()).toEqual([]);
  });

  it('lets a check read any part of the bytes before storing, and stores nothing when it refuses', async () => {
    const bytes = Buffer.from('0123456789');
    const seen: string[] = [];
    await expect(
      store.put(bytes, {
        maxBytes: 100,
        async check(read, size) {
          seen.push(
            Buffer.from(await read(0, 3)).toString(),
            Buffer.from(await read(size - 2, size + 5)).toString(),
          );
          throw new Error('not this one');
        },
      }),
    ).rejects.toThrow('not this one');
    expect(seen).toEqual(['012', '89']);
    expect(await store.exists(sha256(bytes))).toBe(false);
    expect(await incomingFiles()).toEqual([]);
  });

  it('stores nothing when the source fails part way', async () => {
    async function* failing() {
      yield Buffer.from('the first half');
      throw new Error('connection reset');
    }
    await expect(store.put(failing(), { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(await store.exists(sha256(Buffer.from('the first half')))).toBe(false);
    expect(await incomingFiles()).toEqual([]);
  });

  it('deletes, and says whether there was anything to delete', async () => {
    const { hash } = await store.put(Buffer.from('to be deleted'), { maxBytes: 100 });
    expect(await store.delete(hash)).toBe(true);
    expect(await store.exists(hash)).toBe(false);
    expect(await store.delete(hash)).toBe(false);
  });

  it('answers only to SHA-256 names, so no path can be smuggled in', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'internal' });
    await expect(store.delete('AB'.repeat(32))).rejects.toMatchObject({ code: 'internal' });
  });
});
