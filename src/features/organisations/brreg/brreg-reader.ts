import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { type CsvRow, CsvSyntaxError, CsvTokenizer, detectDelimiter, isBlankRow } from '../../../shared/csv';

/**
 * Streams the entries of a bulk Enhetsregisteret download, plain or gzip-compressed, in bounded
 * memory: the JSON download is one array of objects (about 1 GB unpacked for enheter), and the CSV
 * download has a header row naming the columns. Each entry is handed on raw; turning it into a
 * record (brreg-record.ts) is a separate step, so a bad record never stops the file.
 */
export type RawEntry = { index: number; value: unknown } | { index: number; row: Record<string, string> };

/**
 * The file itself is unreadable from some point on. entriesRead counts the entries yielded before
 * it. Messages number entries from 1, as people count them (RawEntry.index counts from 0).
 */
export class RegisterFileError extends Error {
  readonly entriesRead: number;

  constructor(message: string, entriesRead: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegisterFileError';
    this.entriesRead = entriesRead;
  }
}

export type ReadOptions = {
  /** Compressed (on-disk) bytes read so far and the file's size, for a progress bar. */
  onBytes?(read: number, total: number): void;
};

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const CHUNK_BYTES = 256 * 1024;
const BOM = [0xef, 0xbb, 0xbf] as const;

/** JSON when the first byte after a BOM and white space opens an array or object; CSV otherwise. */
export function detectFormat(firstBytes: Buffer): 'json' | 'csv' {
  let i = hasBom(firstBytes) ? BOM.length : 0;
  while (i < firstBytes.length && isWhiteSpace(firstBytes[i]!)) i++;
  const first = firstBytes[i];
  return first === 0x5b || first === 0x7b ? 'json' : 'csv';
}

export async function* readRegisterFile(path: string, options: ReadOptions = {}): AsyncGenerator<RawEntry> {
  const { size, gzip } = await inspectFile(path);
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      options.onBytes?.(bytesRead, size);
      done(null, chunk);
    },
  });
  // Chunks of 256 KB rather than the default 16 to 64: each chunk costs a trip through the stream
  // machinery, and a gigabyte of JSON is tens of thousands of them.
  const source = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  // pipeline destroys every stage when one fails, so an error anywhere surfaces in the loop below.
  const data: Readable = gzip
    ? pipeline(source, counter, createGunzip({ chunkSize: CHUNK_BYTES }), () => {})
    : pipeline(source, counter, () => {});

  let yielded = 0;
  try {
    let parser: EntryParser | undefined;
    let head: Buffer[] = [];
    let headLength = 0;
    for await (const chunk of data as AsyncIterable<Buffer>) {
      if (!parser) {
        // Decide the format on the first bytes that are not white space.
        head.push(chunk);
        headLength += chunk.length;
        const start = Buffer.concat(head);
        if (!hasContent(start) && headLength < 4096) continue;
        parser = detectFormat(start) === 'json' ? new JsonArraySplitter() : new CsvRowReader();
        head = [];
        for (const entry of parser.push(start)) {
          yield entry;
          yielded++;
        }
        continue;
      }
      for (const entry of parser.push(chunk)) {
        yield entry;
        yielded++;
      }
    }
    // Any chunk with content creates the parser, so without one the file held only white space.
    if (!parser) throw new EntryProblem('the file is empty');
    for (const entry of parser.end()) {
      yield entry;
      yielded++;
    }
  } catch (error) {
    if (error instanceof EntryProblem) throw new RegisterFileError(`${path}: ${error.message}`, yielded);
    throw new RegisterFileError(`${path}: ${describeStreamError(error, gzip)}`, yielded, { cause: error });
  } finally {
    source.destroy();
    data.destroy();
  }
}

async function inspectFile(path: string): Promise<{ size: number; gzip: boolean }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return { size, gzip: bytesRead === 2 && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1] };
  } catch (error) {
    throw new RegisterFileError(`${path}: cannot open the file: ${messageOf(error)}`, 0, { cause: error });
  } finally {
    await handle?.close();
  }
}

function describeStreamError(error: unknown, gzip: boolean): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (gzip && code === 'Z_BUF_ERROR') {
    return `the gzip data ends early (the file is truncated): ${messageOf(error)}`;
  }
  if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
    return `the gzip data is damaged: ${messageOf(error)}`;
  }
  return `reading failed: ${messageOf(error)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A problem in the file's content, phrased for people; becomes a RegisterFileError. */
class EntryProblem extends Error {}

type EntryParser = {
  push(chunk: Buffer): Iterable<RawEntry>;
  end(): Iterable<RawEntry>;
};

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** No register entry comes near this; a larger one means the file is not what it claims to be. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

/**
 * Splits a JSON array of objects into its elements without holding the array: it follows only
 * string and escape state and bracket depth, and hands each complete element's text to JSON.parse.
 * It works on bytes, which is safe for UTF-8 because every byte of a multi-byte character is ≥ 0x80
 * and so never looks like a quote, bracket or backslash.
 */
class JsonArraySplitter implements EntryParser {
  private state: 'start' | 'first-value' | 'value' | 'in-entry' | 'after-entry' | 'done' = 'start';
  /** Absolute offset of the current chunk's first byte in the (unpacked) data. */
  private offset = 0;
  private index = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pieces: Buffer[] = [];
  private pieceBytes = 0;
  private entryStart = 0;

  *push(chunk: Buffer): Iterable<RawEntry> {
    let i = 0;
    if (this.offset === 0 && hasBom(chunk)) i = BOM.length;
    let sliceStart = this.state === 'in-entry' ? 0 : -1;
    const n = chunk.length;
    while (i < n) {
      if (this.state === 'in-entry') {
        const close = this.findEntryEnd(chunk, i);
        if (close === -1) break;
        this.addPiece(chunk.subarray(sliceStart, close + 1));
        yield this.finishEntry();
        this.state = 'after-entry';
        sliceStart = -1;
        i = close + 1;
        continue;
      }
      const byte = chunk[i]!;
      if (isWhiteSpace(byte)) {
        i++;
        continue;
      }
      const at = this.offset + i;
      switch (this.state) {
        case 'start':
          if (byte === OPEN_BRACE) {
            throw new EntryProblem(
              'the file holds one JSON object, not an array: an API response rather than the bulk download',
            );
          }
          if (byte !== OPEN_BRACKET) {
            throw new EntryProblem(
              `expected the JSON array to open with [ at byte ${at}, found ${show(byte)}`,
            );
          }
          this.state = 'first-value';
          break;
        case 'first-value':
        case 'value':
          if (byte === CLOSE_BRACKET && this.state === 'first-value') {
            this.state = 'done';
            break;
          }
          if (byte !== OPEN_BRACE) {
            throw new EntryProblem(
              `entry ${this.index + 1} at byte ${at} is not a JSON object: it starts with ${show(byte)}`,
            );
          }
          this.state = 'in-entry';
          this.depth = 1;
          this.inString = false;
          this.escaped = false;
          this.entryStart = at;
          sliceStart = i;
          break;
        case 'after-entry':
          if (byte === COMMA) this.state = 'value';
          else if (byte === CLOSE_BRACKET) this.state = 'done';
          else {
            throw new EntryProblem(
              `expected , or ] after entry ${this.index} at byte ${at}, found ${show(byte)}`,
            );
          }
          break;
        case 'done':
          throw new EntryProblem(
            `unexpected data after the closing ] of the array at byte ${at}: ${show(byte)}`,
          );
      }
      i++;
    }
    if (this.state === 'in-entry') this.addPiece(chunk.subarray(sliceStart));
    this.offset += n;
  }

  /**
   * Follows string, escape and bracket state from `from` to the byte that closes the entry and
   * returns its index, or -1 when the chunk ends first. Every byte of the file passes through this
   * loop, so the state lives in locals while it runs.
   */
  private findEntryEnd(chunk: Buffer, from: number): number {
    let { depth, inString, escaped } = this;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const byte = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) {
        inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth++;
      } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) {
        this.depth = 0;
        return i;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  end(): RawEntry[] {
    if (this.state === 'done') return [];
    if (this.state === 'start') throw new EntryProblem('the file has no JSON array');
    if (this.state === 'in-entry') {
      throw new EntryProblem(
        `the file ends inside entry ${this.index + 1}, which starts at byte ${this.entryStart}: the JSON array never closes`,
      );
    }
    const last = this.index === 0 ? 'before the first entry' : `after entry ${this.index}`;
    throw new EntryProblem(`the JSON array never closes: the file ends at byte ${this.offset}, ${last}`);
  }

  private addPiece(piece: Buffer): void {
    this.pieces.push(piece);
    this.pieceBytes += piece.length;
    if (this.pieceBytes > MAX_ENTRY_BYTES) {
      throw new EntryProblem(
        `entry ${this.index + 1} at byte ${this.entryStart} is larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB; this is not a register file`,
      );
    }
  }

  private finishEntry(): RawEntry {
    const text = (this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces)).toString('utf8');
    this.pieces = [];
    this.pieceBytes = 0;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new EntryProblem(
        `entry ${this.index + 1} at byte ${this.entryStart} is not valid JSON: ${messageOf(error)}`,
      );
    }
    return { index: this.index++, value };
  }
}

/** Reads CSV rows into objects keyed by the header's column names. */
class CsvRowReader implements EntryParser {
  private readonly decoder = new StringDecoder('utf8');
  private tokenizer: CsvTokenizer | undefined;
  private headerText = '';
  private header: string[] | undefined;
  private index = 0;

  *push(chunk: Buffer): Iterable<RawEntry> {
    yield* this.take(this.decoder.write(chunk));
  }

  *end(): Iterable<RawEntry> {
    yield* this.take(this.decoder.end());
    if (!this.tokenizer) yield* this.startTokenizer();
    yield* this.rows((out) => this.tokenizer!.end(out));
    if (!this.header) throw new EntryProblem('the file is empty');
  }

  /** Holds text back until the header line is complete, since it decides the delimiter. */
  private *take(text: string): Iterable<RawEntry> {
    if (this.tokenizer) {
      yield* this.rows((out) => this.tokenizer!.push(text, out));
      return;
    }
    this.headerText += text;
    if (this.headerText.length === 0) return;
    if (!/[\r\n]/.test(this.headerText) && this.headerText.length < 1_000_000) return;
    yield* this.startTokenizer();
  }

  private *startTokenizer(): Iterable<RawEntry> {
    const body = this.headerText.charCodeAt(0) === 0xfeff ? this.headerText.slice(1) : this.headerText;
    const lineEnd = body.search(/[\r\n]/);
    this.tokenizer = new CsvTokenizer(detectDelimiter(lineEnd === -1 ? body : body.slice(0, lineEnd)));
    this.headerText = '';
    yield* this.rows((out) => this.tokenizer!.push(body, out));
  }

  /** Hands on the rows `produce` completed, then any syntax problem it met after them. */
  private *rows(produce: (out: CsvRow[]) => void): Iterable<RawEntry> {
    const rows: CsvRow[] = [];
    let problem: CsvSyntaxError | undefined;
    try {
      produce(rows);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      problem = error;
    }
    for (const { fields, line } of rows) {
      if (isBlankRow(fields)) continue;
      if (!this.header) {
        this.header = this.readHeader(fields);
        continue;
      }
      if (fields.length !== this.header.length) {
        throw new EntryProblem(
          `CSV entry ${this.index + 1} (line ${line}) has ${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${this.header.length}`,
        );
      }
      const row: Record<string, string> = {};
      for (let k = 0; k < fields.length; k++) row[this.header[k]!] = fields[k]!;
      yield { index: this.index++, row };
    }
    if (problem) throw new EntryProblem(`CSV entry ${this.index + 1}: ${problem.message}`);
  }

  private readHeader(fields: string[]): string[] {
    const names = fields.map((name) => name.trim());
    const seen = new Set<string>();
    for (const name of names) {
      if (name === '') throw new EntryProblem('the CSV header has an empty column name');
      if (name === '__proto__') throw new EntryProblem('the CSV header has a column named __proto__');
      if (seen.has(name)) throw new EntryProblem(`the CSV header names the column '${name}' twice`);
      seen.add(name);
    }
    return names;
  }
}

function hasBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

function hasContent(bytes: Buffer): boolean {
  for (let i = hasBom(bytes) ? BOM.length : 0; i < bytes.length; i++)
    if (!isWhiteSpace(bytes[i]!)) return true;
  return false;
}

function isWhiteSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function show(byte: number): string {
  return byte >= 0x20 && byte < 0x7f
    ? `'${String.fromCharCode(byte)}'`
    : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
