import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: application attachments today, evidence later. Files are stored by
 * the SHA-256 of their bytes, so the same file uploaded twice is kept once, and a record that
 * names a hash names exactly those bytes. Decision 018 says what every implementation promises;
 * the one today is on disk under the data directory (`disk-file-store.ts`).
 */
export type FileStore = {
  /**
   * Streams the bytes in and stores them under their hash. Nothing is visible under the hash
   * until every byte is written and durable, and nothing at all if the source fails, passes
   * `maxBytes` (reading stops there) or `check` throws. Storing bytes already held changes nothing.
   */
  put(source: FileSource, options: PutOptions): Promise<StoredFile>;
  /** The bytes stored under the hash, as a stream; undefined when nothing is. */
  get(hash: string): Promise<Readable | undefined>;
  exists(hash: string): Promise<boolean>;
  /**
   * Removes the bytes; answers whether there were any. Several records may name one hash, so
   * only the owner of the last record that names it should delete it.
   */
  delete(hash: string): Promise<boolean>;
};

/** What `put` reads: a Node stream, a web stream, or bytes already in memory. */
export type FileSource = AsyncIterable<Uint8Array> | Uint8Array;

/** Reads the bytes from `start` up to (not including) `end`; fewer near the end of the file. */
export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>;

export type PutOptions = {
  /** The most bytes accepted. */
  maxBytes: number;
  /**
   * Looks at the complete bytes before they are stored under their hash, reading any part of them
   * (the ZIP directory that tells a DOCX from an XLSX is at the end). Throwing keeps them out.
   */
  check?: (read: ReadBytes, size: number) => Promise<void>;
};

export type StoredFile = { hash: string; size: number };

/** A SHA-256 in lower-case hex: the only names a store answers to. */
export const FILE_HASH = /^[0-9a-f]{64}$/;

export function isFileHash(value: string): boolean {
  return FILE_HASH.test(value);
}

/** "10 MB" for 10 × 1024 × 1024 bytes; exact bytes below a kilobyte. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
