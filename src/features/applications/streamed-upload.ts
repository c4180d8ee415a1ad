import { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../../server/http/app-error';
import type { Upload } from './applications.service';

/** The form field an attachment arrives in. */
const FILE_FIELD = 'file';

/**
 * What is read and thrown away after a refusal so that the client, still sending, gets to read
 * the answer: past this many bytes or this long, the rest is left to the server, which closes the
 * connection.
 */
export const DISCARD_LIMIT = { bytes: 32 * 1024 * 1024, ms: 30_000 };

export type StreamedUpload = {
  /**
   * Starts reading the multipart body and gives the file part as soon as its headers have
   * arrived; its bytes stream on as they are read. Nothing is read before this is called.
   */
  read(): Promise<Upload>;
  /**
   * Once the answer is decided, whether a file was stored, refused half way or never read: reads
   * the rest of the body and throws it away, so the client can finish sending and read the
   * answer instead of meeting a closed connection. False when the rest was more than
   * `DISCARD_LIMIT` allows.
   */
  settle(): Promise<boolean>;
};

const refuse = (message: string) =>
  new AppError('validation_failed', `No file was sent: ${message}.`, {
    fieldErrors: [{ path: ['body', FILE_FIELD], message }],
  });
const unreadable = () =>
  new AppError('validation_failed', 'The file was not accepted: the form could not be read.', {
    fieldErrors: [{ path: ['body', FILE_FIELD], message: 'the form could not be read' }],
  });

/**
 * A multipart/form-data upload read as a stream: the file part's bytes go on to the file store as
 * they arrive, so an upload costs a chunk of memory at a time, never its whole size.
 */
export function streamedUpload(request: Request): StreamedUpload {
  let body: Readable | undefined;
  let parser: busboy.Busboy | undefined;

  const bodyStream = () => {
    if (!body && request.body && !request.bodyUsed) {
      body = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);
    }
    return body;
  };

  return {
    read() {
      const contentType = request.headers.get('content-type') ?? '';
      if (!/^multipart\/form-data/i.test(contentType)) {
        return Promise.reject(refuse(`send it as multipart/form-data in the field "${FILE_FIELD}"`));
      }
      const source = bodyStream();
      if (!source) return Promise.reject(refuse('the body is empty'));
      try {
        parser = busboy({
          headers: { 'content-type': contentType },
          // Browsers send the file's name as UTF-8 bytes inside the quotes.
          defParamCharset: 'utf8',
          limits: { files: 1, fields: 20, parts: 21, fieldSize: 64 * 1024 },
        });
      } catch {
        // No boundary, or a content type busboy does not take.
        return Promise.reject(unreadable());
      }
      const form = parser;
      return new Promise<Upload>((resolve, reject) => {
        let part: Readable | undefined;
        form.on('file', (name, file, info) => {
          if (name !== FILE_FIELD || part) {
            file.resume();
            return;
          }
          part = file;
          resolve({ name: info.filename ?? '', source: fileBytes(file) });
        });
        // A client that goes away half way ends no stream by itself: the file store would wait for
        // the rest for ever, its half-written file with it.
        const dropped = () => {
          const error = new Error('The client closed the connection during the upload.');
          part?.destroy(error);
          form.destroy(error);
          source.destroy(error);
          reject(unreadable());
        };
        if (request.signal.aborted) dropped();
        else request.signal.addEventListener('abort', dropped, { once: true });
        form.on('error', () => reject(unreadable()));
        // Settles nothing once the file has been found.
        form.on('close', () => reject(refuse(`the field "${FILE_FIELD}" must hold a file`)));
        source.on('error', () => reject(unreadable()));
        source.pipe(form);
      });
    },

    settle() {
      const source = bodyStream();
      if (!source || source.readableEnded || source.destroyed) return Promise.resolve(true);
      if (parser) {
        source.unpipe(parser);
        parser.removeAllListeners('file');
        // A half-read part may still be waiting for its reader; nothing more goes to it.
        parser.destroy();
      }
      return discardRest(source);
    },
  };
}

/** The file part's bytes; a broken form or connection becomes the form's field error. */
async function* fileBytes(file: Readable): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of file) yield chunk as Uint8Array;
  } catch (error) {
    throw error instanceof AppError ? error : unreadable();
  }
}

function discardRest(source: Readable): Promise<boolean> {
  return new Promise((done) => {
    let left = DISCARD_LIMIT.bytes;
    const finish = (whole: boolean) => {
      clearTimeout(timer);
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      if (!whole) source.pause();
      done(whole);
    };
    const onData = (chunk: Uint8Array) => {
      left -= chunk.byteLength;
      if (left < 0) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(false), DISCARD_LIMIT.ms);
    timer.unref();
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
    source.resume();
  });
}
