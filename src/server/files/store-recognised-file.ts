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
 * the first byte past it) and, by its content, one of the accepted kinds. A refusal is a field
 * error that says what the file really is; a refused file is never stored.
 */
export async function storeRecognisedFile(
  files: FileStore,
  source: FileSource,
  options: StoreRecognisedOptions,
): Promise<RecognisedFile> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const refuse = (message: string) =>
    new AppError('validation_failed', `The file was not accepted: ${message}.`, {
      fieldErrors: [{ path: options.field, message }],
    });
  let recognised: Pick<RecognisedFile, 'kind' | 'mediaType'> | undefined;
  const stored = await files.put(limited(source, maxBytes, refuse), {
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

/** The source, cut off with a field error at the first chunk that passes the limit. */
async function* limited(
  source: FileSource,
  maxBytes: number,
  refuse: (message: string) => AppError,
): AsyncIterable<Uint8Array> {
  let size = 0;
  for await (const chunk of source instanceof Uint8Array ? [source] : source) {
    size += chunk.byteLength;
    if (size > maxBytes) throw refuse(`it is larger than ${describeBytes(maxBytes)}`);
    yield chunk;
  }
}

function listKinds(kinds: readonly AcceptedKind[]): string {
  const names = kinds.map((kind) => kind.toUpperCase());
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)} files`
    : `${names[0]} files`;
}
