import { AppError } from '../http/app-error';
import { type ACCEPTED_MEDIA_TYPES, type AcceptedKind, recogniseContent } from './content-type';
import { describeBytes, type FileSource, type FileStore, type StoredFile } from './file-store';

/** The most an attachment may hold (decision 017): 10 MB of 1024 × 1024 bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type RecognisedFile = StoredFile & {
  kind: AcceptedKind;
  mediaType: (typeof ACCEPTED_MEDIA_TYPES)[AcceptedKind];
};

export type StoreRecognisedOptions = {
  /** Where the file was in the request, for the field error: `['body', 'file']`. */
  field: (string | number)[];
  maxBytes?: number;
  /** The kinds this use takes; every accepted kind when absent. */
  kinds?: readonly AcceptedKind[];
};

/**
 * Stores an uploaded file if it is what Klynge accepts: no larger than the limit (reading stops at
 * the first chunk past it, answered 413) and, by its content, one of the accepted kinds (a file
 * whose first bytes already rule it out is refused before the rest is read). A refusal is a field
 * error that says what the file really is; a refused file is never stored.
 */
export async function storeRecognisedFile(
  files: FileStore,
  source: FileSource,
  options: StoreRecognisedOptions,
): Promise<RecognisedFile> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const refuse = (message: string, code: 'validation_failed' | 'payload_too_large' = 'validation_failed') =>
    new AppError(code, `The file was not accepted: ${message}.`, {
      fieldErrors: [{ path: options.field, message }],
    });
  const judgeHead = async (head: Uint8Array) => {
    // A ZIP archive (DOCX, XLSX) is told apart by its directory at the end: the full check's work.
    if (head[0] === 0x50 && head[1] === 0x4b) return;
    const found = await recogniseContent(async (start, end) => head.subarray(start, end), head.length);
    if (!found.accepted) throw refuse(`it is ${found.description}`);
  };
  let recognised: Pick<RecognisedFile, 'kind' | 'mediaType'> | undefined;
  const stored = await files.put(screened(source, maxBytes, refuse, judgeHead), {
    maxBytes,
    async check(read, size) {
      const found = await recogniseContent(read, size);
      if (!found.accepted) throw refuse(`it is ${found.description}`);
      if (options.kinds && !options.kinds.includes(found.kind)) {
        throw refuse(
          `only ${listKinds(options.kinds)} are taken here, and this one is ${found.kind.toUpperCase()}`,
        );
      }
      recognised = { kind: found.kind, mediaType: found.mediaType };
    },
  });
  if (!recognised) throw new AppError('internal', 'A stored file was not recognised.');
  return { ...stored, ...recognised };
}

/** How much of the start of a file is gathered before it is judged by its signature. */
const HEAD_BYTES = 4096;

/**
 * The source as it streams in, judged twice before the whole of it is read: at the first chunk
 * past the limit it is cut off with a 413, and once its first bytes have arrived, a file whose
 * signature already says it is not one of the kinds taken (a program, a web page, a GIF) is
 * refused there. A ZIP archive is left to the full check, which needs its directory at the end.
 */
async function* screened(
  source: FileSource,
  maxBytes: number,
  refuse: (message: string, code: 'payload_too_large') => AppError,
  judgeHead: (head: Uint8Array) => Promise<void>,
): AsyncIterable<Uint8Array> {
  let size = 0;
  let head: Uint8Array[] | undefined = [];
  for await (const chunk of source instanceof Uint8Array ? [source] : source) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw refuse(`it is larger than ${describeBytes(maxBytes)}`, 'payload_too_large');
    }
    if (head) {
      head.push(chunk);
      if (size >= HEAD_BYTES) {
        await judgeHead(Buffer.concat(head));
        head = undefined;
      }
    }
    yield chunk;
  }
}

function listKinds(kinds: readonly AcceptedKind[]): string {
  const names = kinds.map((kind) => kind.toUpperCase());
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)} files`
    : `${names[0]} files`;
}
