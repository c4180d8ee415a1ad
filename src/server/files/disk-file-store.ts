import { createHash, randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../http/app-error';
import {
  describeBytes,
  type FileSource,
  type FileStore,
  isFileHash,
  type PutOptions,
  type StoredFile,
} from './file-store';

/** Where a store under `root` keeps bytes while they arrive: beside the files, so a rename moves them. */
const INCOMING = 'incoming';

/**
 * Files on disk under `root` (`<data dir>/files`), each at `ab/cd/<sha256>` so that no folder
 * grows past a few hundred entries. Bytes arrive in `incoming/` under a random name, are flushed
 * to disk, and only then renamed to their hash: a rename within one file system is all or
 * nothing, so a crash leaves at most a stray file in `incoming/`, never a half file under a hash.
 */
export function createDiskFileStore(root: string): FileStore {
  const pathOf = (hash: string) => join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
  const requireHash = (hash: string) => {
    if (!isFileHash(hash)) throw new AppError('internal', 'A file is named by its SHA-256 in hex.');
    return pathOf(hash);
  };

  return {
    async put(source: FileSource, options: PutOptions): Promise<StoredFile> {
      await mkdir(join(root, INCOMING), { recursive: true });
      const incoming = join(root, INCOMING, randomUUID());
      const file = await open(incoming, 'wx+');
      let moved = false;
      try {
        const { hash, size } = await writeAll(file, source, options.maxBytes);
        await file.sync();
        await options.check?.((start, end) => readRange(file, start, Math.min(end, size)), size);
        await file.close();
        const target = pathOf(hash);
        await mkdir(join(target, '..'), { recursive: true });
        // The same bytes are already there: keep that copy, which records may be naming.
        if (!(await exists(target))) {
          await rename(incoming, target);
          moved = true;
          await syncFolder(join(target, '..'));
        }
        return { hash, size };
      } finally {
        await file.close().catch(() => {});
        if (!moved) await unlink(incoming).catch(() => {});
      }
    },

    async get(hash: string): Promise<Readable | undefined> {
      try {
        const file = await open(requireHash(hash), 'r');
        return file.createReadStream();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    exists: async (hash) => exists(requireHash(hash)),

    async delete(hash: string): Promise<boolean> {
      try {
        await unlink(requireHash(hash));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

/** Writes every chunk, hashing as it goes, and stops reading as soon as the limit is passed. */
async function writeAll(file: FileHandle, source: FileSource, maxBytes: number): Promise<StoredFile> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source instanceof Uint8Array ? [source] : source) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new AppError('validation_failed', `The file is larger than ${describeBytes(maxBytes)}.`);
    }
    hash.update(chunk);
    await file.write(chunk);
  }
  return { hash: hash.digest('hex'), size };
}

async function readRange(file: FileHandle, start: number, end: number): Promise<Uint8Array> {
  const length = Math.max(0, end - start);
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, start);
  return buffer.subarray(0, bytesRead);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/**
 * Makes the new name itself durable: without this, a power cut soon after the rename can lose the
 * directory entry though the bytes were flushed. Some platforms cannot open a folder to flush it;
 * there the rename is as durable as that file system makes it anyway.
 */
async function syncFolder(path: string): Promise<void> {
  let folder: FileHandle | undefined;
  try {
    folder = await open(path, 'r');
    await folder.sync();
  } catch {
    // See above: nothing more can be done on such a platform.
  } finally {
    await folder?.close();
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
