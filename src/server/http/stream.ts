import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from './context';

/**
 * A response body that pulls text from an async iterable as the client reads it, so a large
 * download is produced piece by piece and a slow reader slows the producer instead of filling
 * memory.
 *
 * If the producer fails after the headers have gone, the failure is logged as `${what} failed`
 * and the connection is cut at once, so the client sees a broken transfer and never a short file
 * that looks complete. Erroring the stream alone is not enough under the Node server: when the
 * failure comes while it waits to write, it ends the response cleanly after writing "Error: " and
 * the error's message (SQL included) into the body.
 */
export function textStream(
  c: Context<AppEnv>,
  chunks: AsyncIterable<string>,
  what: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        c.var.logger.error({ err: error }, `${what} failed`);
        // With the connection gone, the stream only needs to stop; erroring it too would make the
        // Node server print the error to stderr a second time. In-process callers (`app.request`,
        // page rendering) have no connection to cut: they read the error from the stream.
        if (cutConnection(c.env)) controller.close();
        else controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Ends the connection under the Node server without finishing the response; false when there is none. */
function cutConnection(env: unknown): boolean {
  const outgoing = (env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  outgoing?.destroy();
  return outgoing !== undefined;
}

/** A Content-Disposition header for a download; the name is ASCII by construction. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}
