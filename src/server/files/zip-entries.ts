import { inflateRawSync } from 'node:zlib';
import type { ReadBytes } from './file-store';

// Just enough of the ZIP format to tell the Office files apart: the central directory at the end
// of the archive lists every entry by name, and one small entry ([Content_Types].xml) is read and
// inflated. Archives in ZIP64 form or spanning disks are not needed for files of a few megabytes,
// and are taken for what they are: ZIP archives this reader does not open.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;
/** More than any Office file's directory; a larger one is not read. */
const MAX_DIRECTORY = 1024 * 1024;
/** [Content_Types].xml is a few kilobytes; anything inflating past this is refused, not read. */
const MAX_ENTRY = 1024 * 1024;

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderAt: number;
};

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;

/** The entries of the archive's central directory, or undefined when it cannot be read. */
export async function readZipEntries(read: ReadBytes, size: number): Promise<ZipEntry[] | undefined> {
  const tailStart = Math.max(0, size - END_SEARCH);
  const tail = await read(tailStart, size);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(tail, end + 10);
  const directorySize = u32(tail, end + 12);
  const directoryAt = u32(tail, end + 16);
  if (directorySize > MAX_DIRECTORY || directoryAt + directorySize > tailStart + end) return undefined;

  const directory = await read(directoryAt, directoryAt + directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || u32(directory, at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = u16(directory, at + 28);
    const skip = nameLength + u16(directory, at + 30) + u16(directory, at + 32);
    if (at + 46 + nameLength > directory.length) return undefined;
    entries.push({
      name: new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: u16(directory, at + 10),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      localHeaderAt: u32(directory, at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The entry's bytes, stored or deflated; undefined when they cannot be read within the limits. */
export async function readZipEntry(read: ReadBytes, entry: ZipEntry): Promise<Uint8Array | undefined> {
  if (entry.size > MAX_ENTRY || entry.compressedSize > MAX_ENTRY) return undefined;
  const header = await read(entry.localHeaderAt, entry.localHeaderAt + 30);
  if (header.length < 30 || u32(header, 0) !== LOCAL_HEADER) return undefined;
  const dataAt = entry.localHeaderAt + 30 + u16(header, 26) + u16(header, 28);
  const data = await read(dataAt, dataAt + entry.compressedSize);
  if (data.length < entry.compressedSize) return undefined;
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_ENTRY });
  } catch {
    // Damaged or too large: either way not an entry to trust.
    return undefined;
  }
}
